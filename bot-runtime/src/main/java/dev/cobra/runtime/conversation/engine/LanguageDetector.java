package dev.cobra.runtime.conversation.engine;

import java.util.Set;

/**
 * Which language a debtor writes in, from function words and common collection words: Spanish, English, or
 * unknown when the message is too short or mixed to tell ("ok", "1234", Spanglish). Cheap enough for every turn;
 * the conversation keeps the language once switched, so only clear messages switch it.
 */
final class LanguageDetector {

    private static final Set<String> SPANISH = Set.of("el", "la", "los", "las", "de", "del", "que", "y", "en", "un", "una",
            "es", "por", "para", "con", "mi", "me", "te", "se", "lo", "le", "les", "pero", "quiero", "puedo", "pagar", "pago",
            "cuanto", "debo", "hola", "gracias", "si", "como", "cuando", "tengo", "mas", "ya", "ahorita", "semana", "viernes",
            "lunes", "estoy", "soy", "esta", "hasta", "al", "muy", "bueno", "favor", "porfa", "necesito", "cuotas", "dia",
            "plata", "dinero", "usted", "ustedes", "yo", "tu", "su", "hablo", "espanol", "ahora", "dias", "mes", "pues",
            "vale", "oye", "mire", "senor", "senora", "claro", "listo", "quien", "eres", "donde", "voy", "puede", "nada",
            // days and the words of paying: short messages ("pago hoy", "ya pague ayer") are often only these
            "hoy", "manana", "ayer", "luego", "despues", "pague", "pagare", "pagaria", "abono", "abonar", "cuota", "deuda",
            "saldo", "quincena", "sueldo", "trabajo", "cuenta", "tarjeta", "efectivo", "transferencia", "eso", "esto",
            "aqui", "tambien", "todo", "sin", "puedes", "podria", "tiempo", "mejor", "entonces", "despacio");
    private static final Set<String> ENGLISH = Set.of("i", "you", "the", "to", "my", "is", "it", "and", "of", "for", "on",
            "with", "this", "that", "what", "how", "can", "will", "don", "dont", "do", "speak", "want", "need", "have",
            "please", "thanks", "thank", "yes", "im", "am", "are", "not", "when", "much", "owe", "money", "time", "sorry",
            "hi", "hello", "who", "your", "be", "would", "like", "could", "wanna", "gonna", "u", "ur", "pls", "plz", "just",
            "get", "payment", "by", "next", "week", "friday", "monday", "english", "pay", "installments", "already", "paid",
            "debt", "balance", "link", "more", "days", "we", "they", "me", "can't", "cant", "doesn", "didn", "did", "should",
            "right", "now", "today", "tomorrow", "yeah", "nope", "okay", "there", "here", "about", "help",
            "yesterday", "tonight", "later", "paycheck", "salary", "job", "work", "card", "bank", "account", "cash",
            "transfer", "but", "if", "so", "because", "was", "got", "still", "only", "all", "from", "at", "tmrw", "ill");

    private LanguageDetector() {
    }

    /** {@code "es"}, {@code "en"}, or null when not clear. {@code normalized}: lower case, no accents, words. */
    static String detect(String normalized) {
        if (normalized == null || normalized.isBlank()) {
            return null;
        }
        int es = 0;
        int en = 0;
        for (String word : normalized.split(" ")) {
            boolean s = SPANISH.contains(word);
            boolean e = ENGLISH.contains(word);
            if (s && !e) {
                es++;
            } else if (e && !s) {
                en++;
            }
        }
        if (en >= 2 && en >= 2 * es + 1) {
            return "en";
        }
        if (es >= 2 && es >= 2 * en + 1) {
            return "es";
        }
        return null;
    }

    /** The conversation locale for a detected language: the debtor's own when it is that language. */
    static String localeFor(String language, String debtorLocale) {
        if (debtorLocale != null && debtorLocale.toLowerCase(java.util.Locale.ROOT).startsWith(language)) {
            return debtorLocale;
        }
        return language.equals("es") ? "es" : "en";
    }
}
