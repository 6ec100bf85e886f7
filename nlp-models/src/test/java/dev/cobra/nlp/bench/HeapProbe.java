package dev.cobra.nlp.bench;

import dev.cobra.nlp.intent.IntentModel;
import dev.cobra.nlp.intent.OpenNlpIntentClassifier;

/** Heap retained by the loaded model, and the cold cost of loading it and answering the first message. */
public final class HeapProbe {

    private HeapProbe() {
    }

    public static void main(String[] args) {
        Runtime rt = Runtime.getRuntime();
        long before = used(rt);
        long started = System.nanoTime();
        OpenNlpIntentClassifier classifier = new OpenNlpIntentClassifier(IntentModel.loadPackaged());
        long loadedMs = (System.nanoTime() - started) / 1_000_000;
        classifier.classify("les pago el 15", "es");
        long firstMs = (System.nanoTime() - started) / 1_000_000;
        long after = used(rt);
        System.out.printf("model load (cold JVM): %d ms; load + first classification: %d ms; heap retained: %.1f MB%n",
                loadedMs, firstMs, (after - before) / 1024.0 / 1024.0);
        if (classifier.model() == null) {
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
