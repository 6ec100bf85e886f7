package dev.cobra.runtime.simulator;

import dev.cobra.runtime.debtor.Debt;
import dev.cobra.runtime.debtor.Debtor;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The made-up debtor a simulation talks as: never a real portfolio entry, so no personal data is read. The
 * verification subflow accepts {@value #DOCUMENT_LAST4} as the last 4 digits of the document.
 *
 * @param daysPastDue how overdue the sample debt is (negative: not yet due)
 * @param locale      {@code es} or {@code en}
 * @param channel     {@code webchat} or {@code whatsapp} (the designer previews the replies as that channel shows them)
 */
public record SampleDebtor(int daysPastDue, String locale, String channel) {

    public static final String ID = "SIM-SAMPLE";
    public static final String DOCUMENT_LAST4 = "1234";
    public static final BigDecimal BALANCE = new BigDecimal("1250000");

    public SampleDebtor {
        if (daysPastDue < -60 || daysPastDue > 3650) {
            throw new IllegalArgumentException("daysPastDue must be between -60 and 3650");
        }
        locale = locale == null || locale.isBlank() ? "es" : locale.substring(0, 2).toLowerCase();
        if (!locale.equals("es") && !locale.equals("en")) {
            throw new IllegalArgumentException("locale must be es or en");
        }
        channel = channel == null || channel.isBlank() ? "webchat" : channel;
        if (!channel.equals("webchat") && !channel.equals("whatsapp")) {
            throw new IllegalArgumentException("channel must be webchat or whatsapp");
        }
    }

    Debtor toDebtor(LocalDate today) {
        boolean spanish = locale.equals("es");
        Debt debt = new Debt("L-SIM", spanish ? "Tarjeta de crédito" : "Credit card", BALANCE, "COP",
                today.minusDays(daysPastDue));
        return new Debtor(ID, spanish ? "Ana Pérez" : "Ann Parker", null, null, spanish ? "es-CO" : "en-US",
                "America/Bogota", "CO", null, null, java.util.List.of(debt), null, false, false);
    }
}
