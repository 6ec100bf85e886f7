package dev.cobra.nlp.bench;

import dev.cobra.nlp.corenlp.CoreNlpAnalyzer;

/** Load time of CoreNLP's Spanish pipeline in a cold JVM, the heap it retains, and its first long message. */
public final class CoreNlpHeapProbe {

    private CoreNlpHeapProbe() {
    }

    public static void main(String[] args) {
        Runtime rt = Runtime.getRuntime();
        long before = used(rt);
        long started = System.nanoTime();
        CoreNlpAnalyzer analyzer = CoreNlpAnalyzer.load();
        long loadedMs = (System.nanoTime() - started) / 1_000_000;
        analyzer.analyze("mire le cuento que me quedé sin trabajo pero para el viernes le puedo pagar unos 200 mil, "
                + "habla Marta", "es");
        long firstMs = (System.nanoTime() - started) / 1_000_000;
        long after = used(rt);
        System.out.printf("CoreNLP load (cold JVM): %d ms; load + first long message: %d ms; heap retained: %.1f MB%n",
                loadedMs, firstMs, (after - before) / 1024.0 / 1024.0);
        if (analyzer.analyze("hola", "es") == null) {
            throw new IllegalStateException();
        }
    }

    private static long used(Runtime rt) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
