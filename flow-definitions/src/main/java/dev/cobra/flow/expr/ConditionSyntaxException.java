package dev.cobra.flow.expr;

/** An expression that cannot be parsed; the message says where. */
public class ConditionSyntaxException extends RuntimeException {

    private final int position;

    public ConditionSyntaxException(String message, int position) {
        super(message + " (at character " + position + ")");
        this.position = position;
    }

    /** Zero-based character offset of the problem in the expression. */
    public int position() {
        return position;
    }
}
