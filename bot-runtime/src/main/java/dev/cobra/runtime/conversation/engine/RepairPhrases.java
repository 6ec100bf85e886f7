package dev.cobra.runtime.conversation.engine;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Short phrases the classifier has no intent for but people use to steer a conversation: cancelling the current
 * task ("olvídalo", "ya no", "forget it") and asking who the bot is. Matched on the normalised text (no accents,
 * lower case) as the whole message or its opening, so "ya no tengo trabajo" is not a cancel.
 */
final class RepairPhrases {

    private static final List<Pattern> CANCEL = List.of(
            Pattern.compile("^(?:(?:mejor|bueno|ok|no|nah|mm+|ay|uy|pues|ah)\\s+)*(?:olvidalo|olvidelo|olvida(?:lo)?|olvidate|olvidese|"
                    + "ya no|mejor no|dejalo(?: asi)?|dejelo(?: asi)?|deja(?:lo)? asi|dejemoslo(?: asi)?|cancela(?:r|lo)?|"
                    + "cancele(?:lo)?|no importa|ya no quiero(?: eso| nada)?|nada mejor|no gracias ya no|"
                    + "forget it|never ?mind|nevermind|cancel(?: that| it)?|no thanks forget it|skip it|nvm)"
                    + "(?:\\s+(?:mejor|entonces|pues|ya|mas tarde|por ahora|gracias|thanks|pls|please|porfa|asi|nada|eso|"
                    + "que pena|bro|parce|guey|wey|tio|tia|amigo|vale|ok|ahorita|ahora))*$"));

    private static final Pattern WHO_ARE_YOU = Pattern.compile(
            "(?:^|\\s)(?:quien (?:eres|es usted|habla|me escribe|me habla)|con quien (?:hablo|tengo el gusto)|"
                    + "de (?:donde|que empresa|parte de quien) (?:me )?(?:escribe|escriben|eres|es)|eres (?:un )?(?:robot|bot|humano|persona)|"
                    + "es (?:un )?(?:robot|bot)|who (?:are|is) (?:you|this)|who s this|whos this|are you (?:a )?(?:bot|robot|human|real)|"
                    // "what is this about?": the same answer (who writes and why), which says nothing about the debt
                    + "de que se trata|de que es esto|que es esto|para que me (?:escribe|escriben|busca|buscan)|"
                    + "por que me (?:escribe|escriben)|what (?:is|s) this(?: about)?|whats this(?: about)?|"
                    + "why (?:are you|r u|you) (?:texting|messaging|writing|contacting) me)");

    private RepairPhrases() {
    }

    static boolean cancel(String normalized) {
        if (normalized == null || normalized.isBlank() || normalized.split(" ").length > 9) {
            return false;
        }
        for (Pattern p : CANCEL) {
            if (p.matcher(normalized).matches()) {
                return true;
            }
        }
        return false;
    }

    static boolean whoAreYou(String normalized) {
        return normalized != null && WHO_ARE_YOU.matcher(normalized).find();
    }
}
