package dev.cobra.runtime.channel.sms;

import dev.cobra.runtime.conversation.engine.OptOutKeywords;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/**
 * Keywords of inbound SMS. Opt-out: the conversation's opt-out keywords and phrases plus the carriers' SMS words
 * (STOP, STOPALL, CANCEL, END, QUIT, OPTOUT, REVOKE, UNSUBSCRIBE; BAJA, CANCELAR, ALTO, PARAR, ...), a single word
 * only as the whole message ("cancelar la deuda" is about paying, not opting out). Opt-in again: START, UNSTOP,
 * ALTA. Help: HELP, AYUDA, INFO.
 */
public final class SmsKeywords {

    enum Kind { OPT_OUT, OPT_IN, HELP, TEXT }

    private static final Set<String> OPT_OUT = Set.of("stop", "stopall", "stop all", "cancel", "end", "quit",
            "optout", "opt out", "revoke", "unsubscribe", "baja", "cancelar", "alto", "parar", "detener", "no mas",
            "basta", "darme de baja", "dar de baja", "de baja");
    private static final Set<String> OPT_IN = Set.of("start", "unstop", "alta", "darme de alta", "iniciar");
    private static final Set<String> HELP = Set.of("help", "ayuda", "info");

    private SmsKeywords() {
    }

    static Kind classify(String body) {
        String normalized = normalize(body);
        if (OPT_OUT.contains(normalized) || OptOutKeywords.matches(body == null ? "" : body)) {
            return Kind.OPT_OUT;
        }
        if (OPT_IN.contains(normalized)) {
            return Kind.OPT_IN;
        }
        if (HELP.contains(normalized)) {
            return Kind.HELP;
        }
        return Kind.TEXT;
    }

    /** Lower case, no accents, punctuation and repeated spaces folded: "¡BAJA!" → "baja". */
    static String normalize(String body) {
        if (body == null) {
            return "";
        }
        String folded = Normalizer.normalize(body, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 ]", " ");
        return folded.trim().replaceAll("\\s+", " ");
    }
}
