package dev.cobra.nlp.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns a chat message into the token sequence the classifier sees. The same steps run at training and
 * at classification time, so a designer's example and a debtor's message meet in the same form:
 * <ol>
 * <li>emoji that carry meaning become word tokens ({@code 👍} → {@code emo_ok}, {@code 🙏} → {@code emo_please},
 * {@code 😡} → {@code emo_angry}); other symbols are dropped;</li>
 * <li>lower case, accents and diacritics removed ({@code "Mañana"} → {@code "manana"});</li>
 * <li>letters repeated three or more times collapse to one ({@code "siiii"} → {@code "si"},
 * {@code "holaaa"} → {@code "hola"}) — Spanish never triples a letter, while doubles such as "ll"/"rr"/"cc" stay;
 * doubled "a", "i", "u" (which Spanish does not write) and a doubled final "s", "h", "y", "z", "m", "n" collapse
 * too ({@code "sii"} → {@code "si"}, {@code "graciass"} → {@code "gracias"});</li>
 * <li>WhatsApp abbreviations expand ({@code q} → {@code que}, {@code xq}/{@code pq} → {@code porque},
 * {@code porfa}/{@code pls} → {@code por favor}, {@code tmb} → {@code tambien}, {@code u} → {@code you});</li>
 * <li>regional synonyms meet one spelling: money ({@code lana, guita, varo, pasta} → {@code plata}),
 * work ({@code laburo, curro, chamba} → {@code trabajo}), agreement ({@code orale, andale, simon,
 * okas, vale} → {@code ok}) — the registers of issue 3 without needing every variant in every intent;</li>
 * <li>numbers become the shape token {@code <num>} so "el 15" and "el 30" look alike;</li>
 * <li>punctuation separates tokens and is otherwise dropped.</li>
 * </ol>
 * Stateless and thread-safe.
 */
public final class TextNormalizer {

    /** Token that replaces any number. */
    public static final String NUMBER_TOKEN = "<num>";

    private static final Pattern DIACRITICS = Pattern.compile("\\p{M}+");
    private static final Pattern TRIPLED_LETTER = Pattern.compile("(\\p{L})\\1{2,}");
    private static final Pattern DOUBLED_VOWEL = Pattern.compile("([aiu])\\1");
    private static final Pattern DOUBLED_FINAL = Pattern.compile("([shyzmn])\\1\\b");
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)*");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}<>_]+");

    private static final Map<String, String> EMOJI = Map.ofEntries(
            Map.entry("👍", " emo_ok "), Map.entry("👌", " emo_ok "), Map.entry("✅", " emo_ok "),
            Map.entry("✔", " emo_ok "), Map.entry("🙏", " emo_please "), Map.entry("😡", " emo_angry "),
            Map.entry("🤬", " emo_angry "), Map.entry("😠", " emo_angry "), Map.entry("👎", " emo_no "),
            Map.entry("❌", " emo_no "), Map.entry("🚫", " emo_no "), Map.entry("😢", " emo_sad "),
            Map.entry("😭", " emo_sad "), Map.entry("😔", " emo_sad "), Map.entry("😞", " emo_sad "),
            Map.entry("👋", " emo_wave "), Map.entry("❤", " emo_love "), Map.entry("😊", " emo_smile "),
            Map.entry("🙂", " emo_smile "), Map.entry("😀", " emo_smile "), Map.entry("😁", " emo_smile "),
            Map.entry("💰", " emo_money "), Map.entry("💵", " emo_money "), Map.entry("💸", " emo_money "),
            Map.entry("🤝", " emo_deal "));

    private static final Map<String, String> ABBREVIATIONS = Map.ofEntries(
            Map.entry("q", "que"), Map.entry("k", "que"), Map.entry("ke", "que"), Map.entry("xq", "porque"),
            Map.entry("pq", "porque"), Map.entry("xk", "porque"), Map.entry("porq", "porque"),
            Map.entry("porfa", "por favor"), Map.entry("porfis", "por favor"), Map.entry("plis", "por favor"),
            Map.entry("tmb", "tambien"),
            Map.entry("tb", "tambien"), Map.entry("x", "por"), Map.entry("d", "de"), Map.entry("dnd", "donde"),
            Map.entry("cdo", "cuando"), Map.entry("qiero", "quiero"), Map.entry("kiero", "quiero"),
            Map.entry("toy", "estoy"), Map.entry("ta", "esta"), Map.entry("tons", "entonces"),
            Map.entry("u", "you"), Map.entry("ur", "your"), Map.entry("thx", "thanks"), Map.entry("ty", "thanks"),
            Map.entry("msj", "mensaje"), Map.entry("msjs", "mensajes"), Map.entry("wpp", "whatsapp"),
            Map.entry("grax", "gracias"), Map.entry("grs", "gracias"),
            Map.entry("okey", "ok"), Map.entry("oki", "ok"), Map.entry("okis", "ok"), Map.entry("okay", "ok"),
            Map.entry("sip", "si"), Map.entry("sep", "si"), Map.entry("nop", "no"), Map.entry("nope", "no"),
            Map.entry("pa", "para"), Map.entry("pal", "para el"), Map.entry("ud", "usted"), Map.entry("uds", "ustedes"),
            Map.entry("tqm", "te quiero mucho"), Map.entry("bn", "bien"), Map.entry("hl", "hola"),
            // regional synonyms (ES, MX, CO, AR, CL, PE): one spelling per meaning
            Map.entry("lana", "plata"), Map.entry("guita", "plata"), Map.entry("varo", "plata"),
            Map.entry("pasta", "plata"), Map.entry("dinero", "plata"),
            Map.entry("money", "plata"), Map.entry("billete", "plata"), Map.entry("mango", "peso"),
            Map.entry("laburo", "trabajo"), Map.entry("curro", "trabajo"), Map.entry("chamba", "trabajo"),
            Map.entry("chambita", "trabajo"), Map.entry("empleo", "trabajo"),
            Map.entry("orale", "ok"), Map.entry("andale", "ok"), Map.entry("simon", "si"), Map.entry("okas", "ok"),
            Map.entry("vale", "ok"), Map.entry("okidoki", "ok"), Map.entry("dale", "ok"),
            Map.entry("nel", "no"), Map.entry("nones", "no"), Map.entry("nanay", "no"), Map.entry("nopo", "no"),
            Map.entry("noup", "no"), Map.entry("nah", "no"), Map.entry("yeah", "yes"), Map.entry("yep", "yes"),
            Map.entry("yup", "yes"), Map.entry("celu", "celular"), Map.entry("cel", "celular"),
            Map.entry("whatsapps", "whatsapp"), Map.entry("wasap", "whatsapp"), Map.entry("guasap", "whatsapp"),
            Map.entry("mensajitos", "mensajes"), Map.entry("msgs", "mensajes"), Map.entry("ahorita", "ahora"),
            Map.entry("ahoritita", "ahora"), Map.entry("toi", "estoy"),
            Map.entry("kuanto", "cuanto"), Map.entry("cuant", "cuanto"), Map.entry("xfa", "por favor"),
            Map.entry("xfavor", "por favor"), Map.entry("porfavor", "por favor"),
            // English texting (issue 14): abbreviations and run-together words meet their full spelling
            Map.entry("r", "are"), Map.entry("n", "and"), Map.entry("w", "with"), Map.entry("til", "until"),
            Map.entry("till", "until"), Map.entry("rn", "right now"), Map.entry("tmrw", "tomorrow"),
            Map.entry("tmr", "tomorrow"), Map.entry("tmw", "tomorrow"), Map.entry("tomoro", "tomorrow"),
            Map.entry("tommorow", "tomorrow"), Map.entry("wanna", "want to"), Map.entry("gonna", "going to"),
            Map.entry("gotta", "got to"), Map.entry("gimme", "give me"), Map.entry("lemme", "let me"),
            Map.entry("idk", "i dont know"), Map.entry("nvm", "never mind"), Map.entry("thru", "through"),
            Map.entry("bc", "because"), Map.entry("cuz", "because"), Map.entry("coz", "because"),
            Map.entry("cause", "because"), Map.entry("ppl", "people"), Map.entry("yea", "yes"),
            Map.entry("tysm", "thanks"), Map.entry("tyvm", "thanks"), Map.entry("thnx", "thanks"),
            Map.entry("thanx", "thanks"), Map.entry("acct", "account"), Map.entry("amt", "amount"),
            Map.entry("bal", "balance"), Map.entry("pmt", "payment"), Map.entry("pymt", "payment"),
            Map.entry("wk", "week"), Map.entry("wks", "weeks"), Map.entry("mo", "month"), Map.entry("mos", "months"),
            Map.entry("fri", "friday"), Map.entry("mon", "monday"), Map.entry("tues", "tuesday"),
            Map.entry("wed", "wednesday"), Map.entry("thurs", "thursday"), Map.entry("sat", "saturday"),
            Map.entry("msg", "message"), Map.entry("txt", "text"), Map.entry("txts", "texts"),
            Map.entry("pls", "please"), Map.entry("plz", "please"), Map.entry("wat", "what"), Map.entry("wats", "whats"),
            Map.entry("hw", "how"), Map.entry("abt", "about"), Map.entry("bout", "about"), Map.entry("ok", "ok"),
            // Spanish registers: Venezuela "pelando" (broke) and "reales" (money), Dominican "klk" (hi)
            Map.entry("reales", "plata"), Map.entry("klk", "hola"), Map.entry("pelando", "sin plata"));

    /** The normalised text as one string of space-separated tokens. */
    public String normalize(String text) {
        return String.join(" ", tokens(text));
    }

    /** The normalised tokens. */
    public List<String> tokens(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String s = replaceEmoji(text);
        s = Normalizer.normalize(s, Normalizer.Form.NFD);
        s = DIACRITICS.matcher(s).replaceAll("");
        s = s.toLowerCase(Locale.ROOT);
        s = TRIPLED_LETTER.matcher(s).replaceAll("$1");
        s = DOUBLED_VOWEL.matcher(s).replaceAll("$1");
        s = DOUBLED_FINAL.matcher(s).replaceAll("$1");
        s = NUMBER.matcher(s).replaceAll(" " + NUMBER_TOKEN + " ");
        s = NON_WORD.matcher(s).replaceAll(" ");
        List<String> out = new ArrayList<>();
        for (String raw : s.trim().split("\\s+")) {
            if (raw.isEmpty()) {
                continue;
            }
            String expanded = ABBREVIATIONS.getOrDefault(raw, raw);
            for (String t : expanded.split(" ")) {
                out.add(t);
            }
        }
        return out;
    }

    private static String replaceEmoji(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 16);
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            String symbol = new String(Character.toChars(cp));
            String mapped = EMOJI.get(symbol);
            if (mapped != null) {
                sb.append(mapped);
            } else if (Character.getType(cp) == Character.OTHER_SYMBOL || Character.getType(cp) == Character.SURROGATE
                    || cp == 0xFE0F || cp == 0x200D || (cp >= 0x1F3FB && cp <= 0x1F3FF)) {
                sb.append(' '); // unknown emoji, variation selector, joiner or skin tone: no meaning here
            } else {
                sb.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        return sb.toString();
    }
}
