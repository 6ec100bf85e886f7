package dev.cobra.nlp.text;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Tells Spanish from English on short chat messages. Character n-gram detectors need ~20+ characters to be
 * reliable, and most debtor replies are shorter ("si", "ok", "dale", "no puedo"), so this counts function
 * words and collection vocabulary typical of each language over normalised tokens. A tie (including
 * one-word answers common to both, such as "ok" or "no") falls back to the locale hint, and without a hint
 * to Spanish, the product's first language. Stateless and thread-safe.
 */
public final class LanguageDetector {

    public static final String SPANISH = "es";
    public static final String ENGLISH = "en";

    private static final Set<String> SPANISH_WORDS = Set.of("el", "la", "los", "las", "de", "del", "que", "y", "en",
            "un", "una", "es", "no", "por", "para", "con", "mi", "me", "yo", "lo", "le", "se", "su", "al", "pero",
            "si", "ya", "muy", "esta", "estoy", "tengo", "quiero", "puedo", "pagar", "pague", "pago", "cuanto",
            "debo", "deuda", "hola", "gracias", "buenos", "buenas", "dias", "tardes", "noches", "manana", "hoy",
            "semana", "mes", "cuotas", "plata", "dinero", "favor", "ahora", "nada", "sin", "como", "donde", "cuando",
            "hablar", "persona", "asesor", "numero", "equivocado", "soy", "dale", "claro", "vale", "listo", "nel",
            "nop", "mas", "tiempo", "trabajo", "ayuda", "queja", "mande", "oiga", "porque", "usted", "ustedes",
            "necesito", "puede", "podria", "hacer", "tambien", "ese", "eso", "esto", "aqui", "alla", "bueno");
    private static final Set<String> ENGLISH_WORDS = Set.of("the", "an", "and", "of", "to", "in", "is", "are",
            "i", "you", "my", "it", "this", "that", "for", "with", "on", "not", "do", "dont", "can", "cant",
            "will", "would", "want", "need", "pay", "paid", "how", "much", "what", "when", "where", "who", "owe",
            "debt", "hello", "hi", "hey", "thanks", "thank", "please", "yes", "yeah", "yep", "nope", "sure", "now",
            "today", "tomorrow", "week", "month", "money", "time", "more", "talk", "agent", "human", "person",
            "wrong", "number", "already", "installments", "job", "lost", "sick", "help", "complaint",
            "im", "its", "have", "has", "be", "am", "was", "your", "their", "bye", "good", "morning");

    /**
     * @param tokens     normalised tokens ({@link TextNormalizer#tokens(String)})
     * @param localeHint the debtor's locale such as {@code es-CO} or {@code en-US}; may be null
     */
    public String detect(List<String> tokens, String localeHint) {
        int es = 0;
        int en = 0;
        for (String t : tokens) {
            boolean inEs = SPANISH_WORDS.contains(t);
            boolean inEn = ENGLISH_WORDS.contains(t);
            if (inEs && !inEn) {
                es++;
            } else if (inEn && !inEs) {
                en++;
            }
        }
        if (es > en) {
            return SPANISH;
        }
        if (en > es) {
            return ENGLISH;
        }
        return hintLanguage(localeHint);
    }

    private static String hintLanguage(String localeHint) {
        if (localeHint != null && localeHint.toLowerCase(Locale.ROOT).startsWith(ENGLISH)) {
            return ENGLISH;
        }
        return SPANISH;
    }
}
