package dev.cobra.nlp.entity;

import dev.cobra.nlp.api.Entity;
import dev.cobra.nlp.api.EntityExtractor;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@link EntityExtractor} built from regular-expression rules over accent-folded text (offsets preserved).
 * Overlaps are settled by a fixed priority — installments, then dates, then amounts with a currency or a
 * multiplier, then bare numbers — and, within one type, the longest match wins. So "en 3 cuotas" is never
 * also an amount of 3, and "el 15" is a date, not 15 pesos. Stateless and thread-safe.
 */
public final class RuleBasedEntityExtractor implements EntityExtractor {

    /** Longer texts are cut: entities are looked for in the first characters only (a chat message is short). */
    public static final int MAX_TEXT_LENGTH = 2_000;

    private final DateExtractor dates = new DateExtractor();
    private final AmountExtractor amounts = new AmountExtractor();
    private final InstallmentsExtractor installments = new InstallmentsExtractor();

    @Override
    public List<Entity> extract(String text, String locale, LocalDate referenceDate, ZoneId zone) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String original = text.length() > MAX_TEXT_LENGTH ? text.substring(0, MAX_TEXT_LENGTH) : text;
        LocalDate today = referenceDate != null ? referenceDate : LocalDate.now(zone != null ? zone : ZoneId.of("UTC"));
        String folded = TextFolding.fold(original);

        List<Span> taken = new ArrayList<>();
        List<Entity> found = new ArrayList<>();
        accept(longestFirst(installments.find(folded)), Entity.INSTALLMENTS, original, taken, found);
        accept(longestFirst(dates.find(folded, today)), Entity.DATE, original, taken, found);
        List<Span> money = longestFirst(amounts.find(folded, locale));
        accept(money.stream().filter(s -> AmountExtractor.isExplicit(s, folded)).toList(), Entity.AMOUNT, original,
                taken, found);
        accept(money.stream().filter(s -> !AmountExtractor.isExplicit(s, folded)).toList(), Entity.AMOUNT, original,
                taken, found);
        found.sort(Comparator.comparingInt(Entity::start));
        return List.copyOf(found);
    }

    private static List<Span> longestFirst(List<Span> spans) {
        List<Span> sorted = new ArrayList<>(spans);
        sorted.sort(Comparator.comparingInt(Span::length).reversed().thenComparingInt(Span::start));
        return sorted;
    }

    private static void accept(List<Span> candidates, String type, String original, List<Span> taken,
                               List<Entity> found) {
        for (Span s : candidates) {
            if (taken.stream().anyMatch(s::overlaps)) {
                continue;
            }
            taken.add(s);
            Object value = s.value() instanceof LocalDate d ? d.toString() : s.value();
            found.add(new Entity(type, value, s.start(), s.end(), original.substring(s.start(), s.end()), s.currency()));
        }
    }
}
