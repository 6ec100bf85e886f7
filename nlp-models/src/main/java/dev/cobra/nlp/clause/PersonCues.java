package dev.cobra.nlp.clause;

import dev.cobra.nlp.api.Entity;
import dev.cobra.nlp.entity.TextFolding;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * People named after the phrases that introduce a name in a third-party answer: "no soy Ana", "me llamo Luis",
 * "habla Marta", "soy la hermana de Ana", "de parte de Rosa", "this is Mike", "I'm not John", "my name is Sue".
 * Works on lower-case chat text too ("no soy ana"), where a statistical recogniser trained on news text sees no
 * name. After "soy" / "this is" a lower-case word counts only when it cannot be a description ("no soy el
 * titular", "soy yo", "this is her sister"). Stateless and thread-safe.
 */
public final class PersonCues {

    private static final String NAME = "([\\p{L}][\\p{L}'’-]{1,30})((?:\\s+[\\p{L}][\\p{L}'’-]{1,30})?)";
    private static final String RELATIVE = "(?:herman[oa]|espos[oa]|mama|mamá|madre|papa|papá|padre|hij[oa]|mujer|marido|"
            + "pareja|novi[oa]|ti[oa]|prim[oa]|abuel[oa]|sobrin[oa]|cunad[oa]|suegr[oa]|vecin[oa]|amig[oa]|"
            + "companer[oa]|jef[ea]|nuera|yerno|sister|brother|wife|husband|mother|mom|mum|dad|father|son|daughter|"
            + "girlfriend|boyfriend|partner|aunt|uncle|cousin|grandmother|grandfather|roommate|neighbor|neighbour|friend)";
    /** Cues after which any non-stop word is a name. */
    private static final Pattern STRONG = Pattern.compile("\\b(?:me llamo|mi nombre es|my name is|(?:su|his|her) nombre es|"
            + "(?:his|her) name is|de parte de|(?:buscan|busca|buscando|preguntan por|pregunta por) a|looking for|"
            + "asking for|" + RELATIVE + " de|" + RELATIVE + " of|(?:aqui|aca)? ?(?:le )?habla|no conozco a|"
            + "dont know|don't know|no se quien es|ya no vive|doesnt live|doesn't live|does not live)\\s+" + NAME);
    /** Denied identities: a lower-case word must also not look like a description ("no soy ana", "im not john"). */
    private static final Pattern DENIED = Pattern.compile("\\b(?:no soy|yo no soy|this is|this isnt|this isn't|"
            + "im not|i'm not|i am not|not)\\s+" + NAME);
    /** Stated identities ("soy Ana", "I'm Sue"): only a capitalised word, since "soy X" is mostly a description. */
    private static final Pattern STATED = Pattern.compile("\\b(?:soy|i am|im|i'm)\\s+" + NAME);
    private static final Pattern POSSESSIVE = Pattern.compile("\\b" + NAME.replace("((?:\\s+", "((?:\\s+")
            + "'s\\s+(?:phone|number|cell)\\b");

    private static final Set<String> STOP = Set.of(
            "su", "sus", "el", "la", "los", "las", "un", "una", "uno", "yo", "tu", "usted", "quien", "quién", "esa",
            "ese", "eso", "esta", "este", "de", "del", "al", "familiar", "nadie", "ningun", "ninguna", "ninguno",
            "alguien", "otra", "otro", "mas", "muy", "tan", "que", "cliente", "titular", "deudor", "deudora",
            "responsable", "persona", "dueno", "duena", "mayor", "menor", "a", "an", "the", "this", "that", "his",
            "her", "him", "he", "she", "i", "you", "it", "not", "no", "sure", "ok", "sorry", "calling", "here",
            "just", "so", "very", "really", "going", "gonna", "trying", "able", "unable", "broke", "out", "in", "at",
            "on", "with", "sin", "con", "en", "por", "para", "ni", "le", "lo", "les", "me", "te", "se", "ya", "aqui",
            "aca", "alla", "solo", "bien", "mal", "nuevo", "nueva", "todo", "toda", "y", "and", "or", "o", "pero",
            "but", "hermana", "hermano", "esposa", "esposo", "mama", "papa", "hija", "hijo", "amiga", "amigo",
            "mujer", "marido", "vecina", "vecino", "sister", "brother", "wife", "husband", "mom", "dad", "son",
            "daughter", "friend", "neighbor", "person", "one", "guy", "owner", "customer", "debtor", "estudiante",
            "desempleado", "desempleada", "pensionado", "pensionada", "madre", "padre", "ama", "cuenta", "deuda",
            "debt", "account", "number", "numero", "telefono", "phone", "whatsapp", "sending", "texting", "paying",
            "pagando", "unemployed", "sick", "enfermo", "enferma", "jubilado", "jubilada", "available", "busy",
            "ocupado", "ocupada", "disponible", "interested", "interesado", "interesada", "willing", "aware",
            "happy", "afraid", "glad", "writing", "escribiendo", "llamando", "wanna", "still", "also", "tambien",
            "todavia", "aun", "every", "all");
    private static final Pattern DESCRIPTION_ENDING = Pattern.compile(
            "(?:ado|ada|ido|ida|ble|nte|ero|era|ista|oso|osa|ivo|iva|al|ed|ing|ful|less|ous|ive|able|ible|ly)$");

    /** Words right before a name that say the writer is someone else: "soy la esposa de", "no soy", "de parte de". */
    private static final Pattern SOMEONE_ELSE_BEFORE = Pattern.compile("(?:\\b" + RELATIVE + "\\s+(?:de|of)|\\b(?:yo\\s+)?no\\s+soy|"
            + "\\bde\\s+parte\\s+de|\\bno\\s+conozco\\s+a|\\b(?:buscan|busca|buscando|preguntan\\s+por|pregunta\\s+por)\\s+a|"
            + "\\b(?:i\\s*['’]?m|i\\s+am)\\s+not|\\bthis\\s+isn['’]?t|\\bdon['’]?t\\s+know|\\blooking\\s+for|\\basking\\s+for)\\s+$");
    /** Words right after a name that say the named person is not the writer: "Ana no está", "Ana's wife". */
    private static final Pattern SOMEONE_ELSE_AFTER = Pattern.compile("^(?:['’]s\\s+" + RELATIVE + "|['’]s\\s+(?:phone|number|cell)|"
            + "\\s+(?:no\\s+esta|no\\s+se\\s+encuentra|ya\\s+no\\s+vive|no\\s+vive|salio|se\\s+fue|murio|fallecio|"
            + "isn['’]?t\\s+(?:here|home|available)|is\\s+not\\s+(?:here|home|available)|doesn['’]?t\\s+live|does\\s+not\\s+live|"
            + "passed\\s+away|died)\\b)");

    /**
     * Whether {@code text} names {@code person} as someone other than the writer ("soy la esposa de Ana", "no soy
     * Ana", "Ana no está", "this is Ana's sister"), as opposed to introducing themselves ("soy Ana", "me llamo Ana").
     */
    public static boolean namesSomeoneElse(String text, Entity person) {
        if (text == null || person == null || person.start() < 0 || person.end() > text.length()) {
            return false;
        }
        String folded = TextFolding.fold(text);
        String span = folded.substring(person.start(), person.end());
        if (span.endsWith("'s") || span.endsWith("’s")) { // "Ana's sister" (the name pattern keeps the apostrophe)
            return true;
        }
        return SOMEONE_ELSE_BEFORE.matcher(folded.substring(0, person.start())).find()
                || SOMEONE_ELSE_AFTER.matcher(folded.substring(person.end())).find();
    }

    /** The people {@code text} names, in order of appearance, one entity per span. */
    public List<Entity> find(String text) {
        List<Entity> found = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return found;
        }
        String folded = TextFolding.fold(text);
        boolean shouting = text.codePoints().noneMatch(Character::isLowerCase);
        collect(STRONG.matcher(folded), text, Strictness.ANY_WORD, shouting, found);
        collect(DENIED.matcher(folded), text, Strictness.NOT_A_DESCRIPTION, shouting, found);
        collect(STATED.matcher(folded), text, Strictness.CAPITALISED, shouting, found);
        collect(POSSESSIVE.matcher(folded), text, Strictness.NOT_A_DESCRIPTION, shouting, found);
        found.sort(java.util.Comparator.comparingInt(Entity::start));
        return found;
    }

    private enum Strictness { ANY_WORD, NOT_A_DESCRIPTION, CAPITALISED }

    private static void collect(Matcher m, String original, Strictness strictness, boolean shouting,
                                List<Entity> found) {
        while (m.find()) {
            int start = m.start(1);
            int end = m.end(1);
            String first = original.substring(start, end);
            if (!acceptable(first, strictness, shouting)) {
                continue;
            }
            // a second word joins only when written as a name ("Ana María", not "ana ya pagó")
            if (!m.group(2).isEmpty()) {
                String second = original.substring(m.start(2), m.end(2)).strip();
                if (!shouting && Character.isUpperCase(second.codePointAt(0))
                        && !STOP.contains(TextFolding.fold(second))) {
                    end = m.end(2);
                }
            }
            int s = start;
            int e = end;
            if (found.stream().anyMatch(f -> f.start() < e && s < f.end())) {
                continue;
            }
            String span = original.substring(start, end);
            found.add(new Entity(Entity.PERSON, titleCase(span), start, end, span, null));
        }
    }

    private static boolean acceptable(String word, Strictness strictness, boolean shouting) {
        String lower = TextFolding.fold(word);
        if (STOP.contains(lower) || lower.length() < 2) {
            return false;
        }
        boolean capitalised = !shouting && Character.isUpperCase(word.codePointAt(0));
        return switch (strictness) {
            case ANY_WORD -> true;
            case NOT_A_DESCRIPTION -> capitalised || !DESCRIPTION_ENDING.matcher(lower).find();
            case CAPITALISED -> capitalised;
        };
    }

    static String titleCase(String span) {
        StringBuilder sb = new StringBuilder(span.length());
        boolean start = true;
        for (int i = 0; i < span.length(); i++) {
            char c = span.charAt(i);
            sb.append(start ? Character.toUpperCase(c) : c);
            start = Character.isWhitespace(c) || c == '-';
        }
        return sb.toString();
    }
}
