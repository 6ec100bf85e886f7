package dev.cobra.nlp.api;

/**
 * An entity found in a message. {@code value} is an ISO date string for {@code date}, a
 * {@link java.math.BigDecimal} for {@code amount}, an {@link Integer} for {@code installments} and the name as a
 * {@link String} for {@code person} (someone the writer names: "no soy Ana, soy su hermana" → Ana).
 *
 * @param entity   entity type: {@code date}, {@code amount}, {@code installments}, {@code person}
 * @param start    start offset in the original text (inclusive)
 * @param end      end offset (exclusive)
 * @param text     the matched text
 * @param currency ISO currency code when stated (amounts only), else null
 */
public record Entity(String entity, Object value, int start, int end, String text, String currency) {

    public static final String DATE = "date";
    public static final String AMOUNT = "amount";
    public static final String INSTALLMENTS = "installments";
    public static final String PERSON = "person";
}
