package dev.cobra.nlp.entity;

/** A candidate match before overlaps are resolved. */
record Span(int start, int end, Object value, String currency) {

    int length() {
        return end - start;
    }

    boolean overlaps(Span other) {
        return start < other.end && other.start < end;
    }
}
