package dev.cobra.runtime.reach;

/**
 * The chat-link SMS, Spanish first, English for English locales. Plain GSM-7 characters (no accents) so it stays a
 * short, cheap message; no creditor, product or amount (the phone may not be the debtor's); the opt-out word in
 * every message (Reg F, 12 CFR 1006.6(e)).
 */
final class LinkTexts {

    private LinkTexts() {
    }

    static String sms(String locale, String firstName, String url) {
        boolean english = locale != null && locale.toLowerCase(java.util.Locale.ROOT).startsWith("en");
        String name = firstName == null || firstName.isBlank() ? "" : " " + ascii(firstName.strip());
        return english
                ? "Hi" + name + ", we have important information for you. Open your personal chat: " + url
                + " Reply STOP to opt out."
                : "Hola" + name + ", tenemos informacion importante para ti. Abre tu chat personal: " + url
                + " Responde BAJA para no recibir mas mensajes.";
    }

    private static String ascii(String text) {
        return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }
}
