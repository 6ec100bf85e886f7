package dev.cobra.runtime.verification;

/** Masks what a person typed while proving their identity, before any transcript stores it. */
public final class IdentityDigits {

    /** Replaces every digit; the rest (e.g. "mi cédula termina en") stays readable for the agent. */
    public static final char MASK = '•';

    private IdentityDigits() {
    }

    public static String mask(String typed) {
        if (typed == null) {
            return null;
        }
        StringBuilder masked = new StringBuilder(typed.length());
        typed.codePoints().forEach(c -> masked.appendCodePoint(Character.isDigit(c) ? MASK : c));
        return masked.toString();
    }
}
