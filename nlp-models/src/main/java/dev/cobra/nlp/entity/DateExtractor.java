package dev.cobra.nlp.entity;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds dates in chat text and resolves them against the debtor's "today", never to a day before it.
 *
 * <p>Rules rather than CoreNLP SUTime: measured here (issue 3), SUTime misses or mis-resolves most of the
 * expressions debtors use ("pasado mañana", "15/12", "a fin de mes", "la otra quincena", and "el viernes" lands
 * on the past Friday), so rules are needed either way; docs/nlu.md has the numbers behind the decision.
 *
 * <p>Conventions (documented for designers in docs/nlu.md):
 * <ul>
 * <li>a weekday means its next occurrence after today ("el viernes" on a Friday is the next Friday);
 * "el otro viernes" is one week later; "el martes de la semana que viene" / "tuesday next week" is that day of next
 * calendar week (Monday to Sunday);</li>
 * <li>"el 15" is the next 15th (this month if not past, else next month; a day the month lacks rolls on to the
 * next month that has it);</li>
 * <li>"15/12" and "30 de noviembre" without a year are this year, or next year when already past;</li>
 * <li>quincenas are the 15th and the last day of the month: "la quincena" is the next one (today included),
 * "la otra / próxima quincena" the one after it;</li>
 * <li>"la semana que viene" is next Monday, "el mes que viene" the 1st of next month, "el 5 del mes que viene" the
 * 5th of next month, "fin de mes" the last day of this month.</li>
 * </ul>
 */
final class DateExtractor {

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("enero", 1), Map.entry("ene", 1), Map.entry("january", 1), Map.entry("jan", 1),
            Map.entry("febrero", 2), Map.entry("feb", 2), Map.entry("february", 2),
            Map.entry("marzo", 3), Map.entry("mar", 3), Map.entry("march", 3),
            Map.entry("abril", 4), Map.entry("abr", 4), Map.entry("april", 4), Map.entry("apr", 4),
            Map.entry("mayo", 5), Map.entry("may", 5),
            Map.entry("junio", 6), Map.entry("jun", 6), Map.entry("june", 6),
            Map.entry("julio", 7), Map.entry("jul", 7), Map.entry("july", 7),
            Map.entry("agosto", 8), Map.entry("ago", 8), Map.entry("august", 8), Map.entry("aug", 8),
            Map.entry("septiembre", 9), Map.entry("setiembre", 9), Map.entry("sep", 9), Map.entry("sept", 9),
            Map.entry("september", 9),
            Map.entry("octubre", 10), Map.entry("oct", 10), Map.entry("october", 10),
            Map.entry("noviembre", 11), Map.entry("nov", 11), Map.entry("november", 11),
            Map.entry("diciembre", 12), Map.entry("dic", 12), Map.entry("december", 12), Map.entry("dec", 12));

    private static final Map<String, DayOfWeek> WEEKDAYS = Map.ofEntries(
            Map.entry("lunes", DayOfWeek.MONDAY), Map.entry("martes", DayOfWeek.TUESDAY),
            Map.entry("miercoles", DayOfWeek.WEDNESDAY), Map.entry("jueves", DayOfWeek.THURSDAY),
            Map.entry("viernes", DayOfWeek.FRIDAY), Map.entry("sabado", DayOfWeek.SATURDAY),
            Map.entry("domingo", DayOfWeek.SUNDAY), Map.entry("monday", DayOfWeek.MONDAY),
            Map.entry("tuesday", DayOfWeek.TUESDAY), Map.entry("wednesday", DayOfWeek.WEDNESDAY),
            Map.entry("thursday", DayOfWeek.THURSDAY), Map.entry("friday", DayOfWeek.FRIDAY),
            Map.entry("saturday", DayOfWeek.SATURDAY), Map.entry("sunday", DayOfWeek.SUNDAY));

    private static final String MONTH = "(enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|"
            + "octubre|noviembre|diciembre|january|february|march|april|may|june|july|august|september|october|"
            + "november|december|ene|feb|mar|abr|jun|jul|ago|sept|sep|oct|nov|dic|jan|apr|aug|dec)\\b\\.?";
    private static final String WEEKDAY = "(lunes|martes|miercoles|jueves|viernes|sabado|domingo|monday|tuesday|"
            + "wednesday|thursday|friday|saturday|sunday)";
    private static final String COUNT = "(\\d{1,3}|un|una|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|"
            + "quince|veinte|treinta|a|one|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty|thirty)";

    private record Rule(Pattern pattern, BiFunction<Matcher, LocalDate, LocalDate> resolve) {
    }

    private final List<Rule> rules = List.of(
            rule("\\bpasado\\s+manana\\b|\\bday\\s+after\\s+tomorrow\\b", (m, t) -> t.plusDays(2)),
            rule("(?<!por la )(?<!en la )(?<!de la )\\bmanana\\b|\\btomorrow\\b", (m, t) -> t.plusDays(1)),
            rule("\\b(?:hoy(?:\\s+mismo)?|today|tonight|esta\\s+noche)\\b", (m, t) -> t),
            // "el 30 de noviembre (de 2026)", "30 nov", "1ro de diciembre", "primero de enero"
            rule("\\b(?:el\\s+)?(?:dia\\s+)?(\\d{1,2}|primero)(?:ro|ero|°|º)?\\s+(?:de\\s+)?" + MONTH
                    + "(?:\\s+(?:de\\s+|del\\s+)?(\\d{4}))?", (m, t) -> dayMonth(t,
                    m.group(1).equals("primero") ? 1 : Integer.parseInt(m.group(1)), MONTHS.get(m.group(2)), m.group(3))),
            // "December 15", "dec 15th"
            rule("\\b" + MONTH + "\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(\\d{4}))?", (m, t) -> dayMonth(t,
                    Integer.parseInt(m.group(2)), MONTHS.get(m.group(1)), m.group(3))),
            // "15/12", "15-12-2026", "15/12/26"
            rule("\\b(?:el\\s+(?:dia\\s+)?)?(\\d{1,2})[/-](\\d{1,2})(?:[/-](\\d{2,4}))?\\b", (m, t) -> dayMonth(t,
                    Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), m.group(3))),
            rule("\\b(?:a\\s+|al\\s+|para\\s+|hasta\\s+)?(?:el\\s+)?(?:fin|final|finales)\\s+de(?:l)?\\s+mes\\b"
                    + "|\\bend\\s+of\\s+(?:the\\s+)?month\\b", (m, t) -> t.with(TemporalAdjusters.lastDayOfMonth())),
            rule("\\b(?:a\\s+)?(?:principios?|inicios?|comienzos?)\\s+de(?:l)?\\s+(?:proximo\\s+|otro\\s+)?mes"
                    + "(?:\\s+que\\s+viene)?\\b", (m, t) -> t.plusMonths(1).withDayOfMonth(1)),
            rule("\\b(?:la\\s+|en\\s+la\\s+|para\\s+la\\s+)?(otra|proxima|siguiente)?\\s*quincena\\b(?:\\s+que\\s+viene)?",
                    (m, t) -> quincena(t, m.group(1) != null || m.group(0).contains("que viene"))),
            rule("\\b(?:la\\s+)?(?:semana\\s+que\\s+viene|proxima\\s+semana|otra\\s+semana|semana\\s+entrante"
                    + "|siguiente\\s+semana)\\b|\\bnext\\s+week\\b", (m, t) -> t.with(TemporalAdjusters.next(DayOfWeek.MONDAY))),
            rule("\\b(?:el\\s+)?(?:mes\\s+que\\s+viene|proximo\\s+mes|otro\\s+mes|mes\\s+entrante|siguiente\\s+mes)\\b"
                    + "|\\bnext\\s+month\\b", (m, t) -> t.plusMonths(1).withDayOfMonth(1)),
            // "el dia 5 del mes que viene", "el 10 del proximo mes", "the 5th of next month": that day of next month
            // (longer than "el dia 5" alone, which would be this month's)
            rule("\\b(?:el\\s+)?(?:dia\\s+)?(\\d{1,2})\\s+del?\\s+(?:mes\\s+que\\s+viene|proximo\\s+mes|otro\\s+mes"
                    + "|mes\\s+entrante|siguiente\\s+mes)\\b|\\b(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\s+of\\s+next\\s+month\\b",
                    (m, t) -> dayOfNextMonth(t, Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2)))),
            // "2 more weeks", "a few more days" is vague; "otras 2 semanas", "2 semanas mas", "unos 10 dias mas"
            rule("\\b" + COUNT + "\\s+(?:more|extra)\\s+(days?|weeks?)\\b|\\b(?:otr[oa]s\\s+)" + COUNT.replaceFirst("\\(", "(?<n2>")
                    + "\\s+(dias|semanas)\\b|\\b" + COUNT.replaceFirst("\\(", "(?<n3>") + "\\s+(dias|semanas)\\s+mas\\b",
                    (m, t) -> m.group(1) != null ? offset(t, m.group(1), m.group(2))
                            : m.group("n2") != null ? offset(t, m.group("n2"), m.group(4)) : offset(t, m.group("n3"), m.group(6))),
            // "en dos semanas", "dentro de 10 dias", "in 3 days", "en un mes"
            rule("\\b(?:en|dentro\\s+de|in|within)\\s+" + COUNT + "\\s+(dias?|semanas?|mes(?:es)?|days?|weeks?|months?)\\b",
                    (m, t) -> offset(t, m.group(1), m.group(2))),
            // "el viernes", "este viernes", "el proximo lunes", "el otro viernes", "next friday", "on monday"
            // "el martes de la semana que viene" / "tuesday next week": that day of next calendar week (Monday to Sunday)
            rule("\\b(?:(el|este|next|this|on)\\s+)?(?:(proximo|otro|siguiente)\\s+)?" + WEEKDAY
                    + "(?:\\s+(que\\s+viene|proximo|(?:de\\s+la\\s+)?(?:otra\\s+semana|semana\\s+que\\s+viene|proxima\\s+semana"
                    + "|siguiente\\s+semana|semana\\s+entrante)|(?:of\\s+)?next\\s+week))?\\b",
                    (m, t) -> m.group(4) != null && (m.group(4).contains("seman") || m.group(4).endsWith("week"))
                            ? dayOfNextWeek(t, WEEKDAYS.get(m.group(3)))
                            : weekday(t, WEEKDAYS.get(m.group(3)), "otro".equals(m.group(2)))),
            // "el 15", "el dia 15", "el 15 de este mes", "on the 15th"
            rule("\\b(?:el\\s+(?:dia\\s+)?|dia\\s+|on\\s+the\\s+|the\\s+)(\\d{1,2})(?:st|nd|rd|th)?\\b"
                    + "(?!\\s*(?:%|cuotas|pagos|meses|mil|pesos|lucas|palos|dolares|euros|soles|partes))"
                    + "(?:\\s+de\\s+este\\s+mes|\\s+del\\s+mes)?", (m, t) -> dayOfMonth(t, Integer.parseInt(m.group(1)))));

    private static Rule rule(String regex, BiFunction<Matcher, LocalDate, LocalDate> resolve) {
        return new Rule(Pattern.compile(regex), resolve);
    }

    List<Span> find(String folded, LocalDate today) {
        List<Span> spans = new ArrayList<>();
        for (Rule rule : rules) {
            Matcher m = rule.pattern().matcher(folded);
            while (m.find()) {
                LocalDate date;
                try {
                    date = rule.resolve().apply(m, today);
                } catch (RuntimeException invalid) {
                    continue; // "31/02", "el 45": not a date
                }
                if (date != null && !date.isBefore(today)) {
                    spans.add(new Span(m.start(), trimEnd(folded, m.start(), m.end()), date, null));
                }
            }
        }
        return spans;
    }

    private static int trimEnd(String s, int start, int end) {
        while (end > start && Character.isWhitespace(s.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    /** Day and month with an optional year; without a year, this year or next if already past. */
    static LocalDate dayMonth(LocalDate today, int day, int month, String year) {
        if (month < 1 || month > 12 || day < 1 || day > 31) {
            return null;
        }
        if (year != null) {
            int y = Integer.parseInt(year);
            y = y < 100 ? 2000 + y : y;
            return LocalDate.of(y, month, day);
        }
        MonthDay md = MonthDay.of(month, day);
        LocalDate candidate = md.isValidYear(today.getYear()) ? md.atYear(today.getYear()) : null;
        if (candidate == null || candidate.isBefore(today)) {
            int y = today.getYear() + 1;
            while (!md.isValidYear(y)) {
                y++; // 29 February
            }
            candidate = md.atYear(y);
        }
        return candidate;
    }

    /** Day {@code day} of next month; its last day when the month is shorter ("el 31 del mes que viene"). */
    static LocalDate dayOfNextMonth(LocalDate today, int day) {
        if (day < 1 || day > 31) {
            return null;
        }
        YearMonth next = YearMonth.from(today).plusMonths(1);
        return next.atDay(Math.min(day, next.lengthOfMonth()));
    }

    /** The next day-of-month {@code day} on or after today, skipping months that lack it. */
    static LocalDate dayOfMonth(LocalDate today, int day) {
        if (day < 1 || day > 31) {
            return null;
        }
        YearMonth ym = YearMonth.from(today);
        for (int i = 0; i < 13; i++) {
            if (ym.isValidDay(day)) {
                LocalDate candidate = ym.atDay(day);
                if (!candidate.isBefore(today)) {
                    return candidate;
                }
            }
            ym = ym.plusMonths(1);
        }
        return null;
    }

    static LocalDate dayOfNextWeek(LocalDate today, DayOfWeek day) {
        return today.with(TemporalAdjusters.next(DayOfWeek.MONDAY)).with(TemporalAdjusters.nextOrSame(day));
    }

    static LocalDate weekday(LocalDate today, DayOfWeek day, boolean weekAfter) {
        LocalDate next = today.with(TemporalAdjusters.next(day));
        return weekAfter ? next.plusWeeks(1) : next;
    }

    static LocalDate quincena(LocalDate today, boolean skipOne) {
        LocalDate next = today.getDayOfMonth() <= 15 ? today.withDayOfMonth(15)
                : today.with(TemporalAdjusters.lastDayOfMonth());
        if (!skipOne) {
            return next;
        }
        return next.getDayOfMonth() == 15 ? next.with(TemporalAdjusters.lastDayOfMonth())
                : next.plusMonths(1).withDayOfMonth(15);
    }

    static LocalDate offset(LocalDate today, String count, String unit) {
        long n = count.matches("\\d+") ? Long.parseLong(count)
                : count.equals("a") ? 1 : NumberWords.parse(count.replace("one", "uno").replace("two", "dos")
                .replace("three", "tres").replace("four", "cuatro").replace("five", "cinco").replace("six", "seis")
                .replace("seven", "siete").replace("eight", "ocho").replace("nine", "nueve").replace("ten", "diez")
                .replace("fifteen", "quince").replace("twenty", "veinte").replace("thirty", "treinta")).longValue();
        if (unit.startsWith("dia") || unit.startsWith("day")) {
            return today.plusDays(n);
        }
        if (unit.startsWith("semana") || unit.startsWith("week")) {
            return today.plusWeeks(n);
        }
        return today.plusMonths(n);
    }
}
