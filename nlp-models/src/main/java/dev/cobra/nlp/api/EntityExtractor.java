package dev.cobra.nlp.api;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** Finds dates, amounts and installment counts. Thread-safe; CPU-bound. */
public interface EntityExtractor {

    /**
     * @param referenceDate "today" in the debtor's time zone; dates are never resolved before it
     * @param zone          the debtor's time zone
     */
    List<Entity> extract(String text, String locale, LocalDate referenceDate, ZoneId zone);
}
