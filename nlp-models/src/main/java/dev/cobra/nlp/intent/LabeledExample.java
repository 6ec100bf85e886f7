package dev.cobra.nlp.intent;

import java.util.Objects;

/** One training or test example: an intent label and the message text as a debtor would type it. */
public record LabeledExample(String label, String text) {

    public LabeledExample {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(text, "text");
    }
}
