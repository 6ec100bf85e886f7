package dev.cobra.nlp.probe;

import dev.cobra.nlp.entity.RuleBasedEntityExtractor;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.CoreEntityMention;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Runs issue 3's date, amount and installment expressions (in short chat sentences, reference date Sunday
 * 2026-11-22) through CoreNLP's Spanish pipeline with SUTime and through our rules, and prints which ones
 * each resolves to the expected value, the pipeline's load time, heap and per-message latency.
 * A case counts as resolved by CoreNLP when any entity mention's normalised value equals the expected value
 * (ISO date; for amounts and installments the number), which is generous: CoreNLP has no notion of
 * installments, so "3" found as a NUMBER counts.
 */
public final class CoreNlpProbe {

    private static final LocalDate REFERENCE = LocalDate.of(2026, 11, 22);
    private static final ZoneId ZONE = ZoneId.of("America/Bogota");

    record Case(String type, String text, String expected) {
    }

    private static final List<Case> CASES = List.of(
            new Case("date", "te pago mañana", "2026-11-23"),
            new Case("date", "pasado mañana le deposito", "2026-11-24"),
            new Case("date", "el viernes pago", "2026-11-27"),
            new Case("date", "les pago el 15", "2026-12-15"),
            new Case("date", "pago el 15/12", "2026-12-15"),
            new Case("date", "el 30 de noviembre sin falta", "2026-11-30"),
            new Case("date", "a fin de mes le pago", "2026-11-30"),
            new Case("date", "la otra quincena pago", "2026-12-15"),
            new Case("date", "en dos semanas te pago", "2026-12-06"),
            new Case("amount", "puedo dar 500 pesos", "500"),
            new Case("amount", "tengo $1.200 ahora", "1200"),
            new Case("amount", "abono 1.500,50 euros", "1500.50"),
            new Case("amount", "le doy mil quinientos", "1500"),
            new Case("amount", "te pago 200 mil", "200000"),
            new Case("amount", "debo como 2 palos", "2000000"),
            new Case("installments", "lo pago en 3 cuotas", "3"),
            new Case("installments", "quiero seis cuotas", "6"),
            new Case("installments", "a 12 meses", "12"));

    private CoreNlpProbe() {
    }

    public static void main(String[] args) throws Exception {
        Properties props = new Properties();
        try (InputStream in = CoreNlpProbe.class.getClassLoader().getResourceAsStream("StanfordCoreNLP-spanish.properties")) {
            props.load(in);
        }
        props.setProperty("annotators", "tokenize,ssplit,mwt,pos,lemma,ner");
        props.setProperty("ner.useSUTime", "true");
        props.setProperty("ner.applyNumericClassifiers", "true");

        System.gc();
        long heapBefore = usedHeap();
        long started = System.nanoTime();
        StanfordCoreNLP pipeline = new StanfordCoreNLP(props);
        long loadMillis = (System.nanoTime() - started) / 1_000_000;
        annotate(pipeline, "hola"); // first call loads lazily initialised parts
        long firstCallMillis = (System.nanoTime() - started) / 1_000_000 - loadMillis;
        System.gc();
        long heapAfter = usedHeap();

        RuleBasedEntityExtractor rules = new RuleBasedEntityExtractor();
        int coreNlpRight = 0;
        int rulesRight = 0;
        System.out.println("| type | text | expected | CoreNLP mentions (type=normalised) | CoreNLP | rules |");
        System.out.println("| --- | --- | --- | --- | --- | --- |");
        for (Case c : CASES) {
            CoreDocument doc = annotate(pipeline, c.text());
            List<String> found = new ArrayList<>();
            boolean coreNlpOk = false;
            for (CoreEntityMention m : doc.entityMentions()) {
                String normalised = m.coreMap().get(CoreAnnotations.NormalizedNamedEntityTagAnnotation.class);
                found.add(m.entityType() + "(" + m.text() + ")=" + normalised);
                coreNlpOk |= matches(c, normalised);
            }
            boolean rulesOk = rules.extract(c.text(), "es-CO", REFERENCE, ZONE).stream()
                    .anyMatch(e -> e.entity().equals(c.type()) && matches(c, String.valueOf(e.value())));
            coreNlpRight += coreNlpOk ? 1 : 0;
            rulesRight += rulesOk ? 1 : 0;
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |%n", c.type(), c.text(), c.expected(),
                    found.isEmpty() ? "none" : String.join("; ", found), coreNlpOk ? "yes" : "no", rulesOk ? "yes" : "no");
        }
        System.out.printf(Locale.ROOT, "resolved: CoreNLP %d of %d, rules %d of %d%n", coreNlpRight, CASES.size(),
                rulesRight, CASES.size());

        long[] nanos = new long[2_000];
        for (int i = 0; i < 300; i++) {
            annotate(pipeline, CASES.get(i % CASES.size()).text());
        }
        for (int i = 0; i < nanos.length; i++) {
            long t = System.nanoTime();
            annotate(pipeline, CASES.get(i % CASES.size()).text());
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "pipeline load %d ms (+%d ms first message); heap used by the pipeline ~%d MB;"
                        + " per message p50 %.2f ms, p99 %.2f ms%n", loadMillis, firstCallMillis,
                (heapAfter - heapBefore) / (1024 * 1024), nanos[nanos.length / 2] / 1e6,
                nanos[nanos.length * 99 / 100] / 1e6);
    }

    private static CoreDocument annotate(StanfordCoreNLP pipeline, String text) {
        CoreDocument doc = new CoreDocument(text);
        doc.annotation().set(CoreAnnotations.DocDateAnnotation.class, REFERENCE.toString());
        pipeline.annotate(doc);
        return doc;
    }

    private static boolean matches(Case c, String normalised) {
        if (normalised == null) {
            return false;
        }
        if (c.type().equals("date")) {
            return normalised.equals(c.expected());
        }
        String number = normalised.replaceAll("[^0-9.\\-]", "");
        try {
            return !number.isEmpty() && new BigDecimal(number).compareTo(new BigDecimal(c.expected())) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static long usedHeap() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }
}
