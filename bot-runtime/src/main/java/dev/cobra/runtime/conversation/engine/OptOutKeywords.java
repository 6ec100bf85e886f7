package dev.cobra.runtime.conversation.engine;

import java.util.List;
import java.util.Set;

/**
 * Opt-out requests recognised before any NLU, in any state (WhatsApp requires honouring them at once, and a
 * classifier must never be the reason one is missed). Single words count only as the whole message ("ALTO",
 * not "el monto es alto"); phrases count anywhere in the message.
 */
public final class OptOutKeywords {

    private static final Set<String> WHOLE_MESSAGE = Set.of("baja", "stop", "alto", "unsubscribe",
            "darme de baja", "dar de baja", "de baja", "baja por favor", "stop please");

    private static final List<String> PHRASES = List.of(
            "no me escriban mas", "no me escribas mas", "no me escriba mas", "no quiero recibir mas mensajes",
            "no quiero recibir mensajes", "no me envien mas mensajes", "no me manden mas mensajes",
            "no me contacten mas", "no me contacten", "dejen de escribirme", "deja de escribirme",
            "no me vuelvan a escribir", "no me molesten mas", "quiero darme de baja", "eliminen mi numero",
            "stop texting me", "stop messaging me", "do not contact me", "dont contact me", "don t contact me",
            "stop contacting me", "unsubscribe me", "no more messages",
            "no quiero mas mensajes", "no quiero recibir mas", "no mas mensajes", "dejen de escribir", "dejar de escribirme",
            "dejen de mandarme mensajes", "dejen de enviarme mensajes", "no me manden mensajes", "no me envien mensajes",
            "dont text me", "don t text me", "stop texting", "stop sending me messages", "dont message me",
            "don t message me");
    /** The phrases between spaces, as they are looked for in the padded message (checked on every message). */
    private static final List<String> PADDED_PHRASES = PHRASES.stream().map(phrase -> " " + phrase + " ").toList();

    private OptOutKeywords() {
    }

    public static boolean matches(String text) {
        return matchesNormalized(TextMatching.normalize(text));
    }

    /** As {@link #matches}, for a text already passed through {@link TextMatching#normalize}. */
    static boolean matchesNormalized(String normalized) {
        if (normalized.isEmpty()) {
            return false;
        }
        if (WHOLE_MESSAGE.contains(normalized)) {
            return true;
        }
        String padded = " " + normalized + " ";
        for (String phrase : PADDED_PHRASES) {
            if (padded.contains(phrase)) {
                return true;
            }
        }
        return false;
    }
}
