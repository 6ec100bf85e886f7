package dev.cobra.runtime.conversation.engine;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Short phrases the classifier has no intent for but people use to steer a conversation: cancelling the current
 * task ("olvídalo", "ya no", "forget it"), asking who the bot is, a bare acknowledgement ("ok gracias": no answer to
 * a free-text question), "all of it" at an amount question, "hold on, I don't have it at hand", asking for the
 * options or to hear something again, a bare number as a correction. Matched on the normalised text (no accents,
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

    /** "¿y si no pago qué pasa?", "what happens if I don't pay": a question, never a choice to pay now. */
    private static final Pattern CONSEQUENCES = Pattern.compile(
            "(?:^|\\s)(?:si\\s+no\\s+(?:pago|pagara|pagamos|les\\s+pago|le\\s+pago|puedo\\s+pagar|alcanzo\\s+a\\s+pagar)\\b.{0,24}?"
                    + "\\b(?:que|q|k)\\s+(?:pasa|pasaria|sucede|me\\s+pasa|me\\s+hacen|hacen)\\b|"
                    + "(?:que|q|k)\\s+(?:pasa|pasaria|sucede|me\\s+pasa|me\\s+hacen|me\\s+van\\s+a\\s+hacer)\\s+si\\s+no\\s+"
                    + "(?:pago|les\\s+pago|le\\s+pago|puedo\\s+pagar|alcanzo)|"
                    + "what\\s+(?:happens|will\\s+happen|would\\s+happen)\\s+if\\s+i\\s+(?:don\\s?t|do\\s+not|can\\s?t|cannot|won\\s?t)\\s+pay|"
                    + "what\\s+if\\s+i\\s+(?:don\\s?t|do\\s+not|can\\s?t|cannot|won\\s?t)\\s+pay)");

    /** A message that only acknowledges or thanks: never the content a free-text question asks for. */
    private static final Pattern ACKNOWLEDGEMENT = Pattern.compile(
            "^(?:(?:ok|oki|okey|okay|okis|k|kk|vale|listo|bueno|dale|perfecto|entendido|entiendo|de acuerdo|claro|va|sale|"
                    + "gracias|muchas gracias|mil gracias|thanks|thank you|thx|ty|tks|sure|got it|cool|alright|all right|"
                    + "si|yes|yeah|yep|ah|oh|mm+|aja|ajá|bien|super|genial|great|good|nice)\\s*)+$");

    /**
     * "No tengo la cédula a la mano", "déjame buscar", "give me a sec": the answer is coming, just not now. Names the
     * document or the moment explicitly, so "no tengo plata" or "no tengo trabajo" are not it; "no me acuerdo" is not
     * a wait either (the digits are not coming, and two such answers go to a person).
     */
    private static final Pattern HOLD_ON = Pattern.compile(
            "(?:^|\\s)(?:no\\s+(?:la|lo|las|los)\\s+tengo\\s+(?:a\\s+(?:la\\s+)?mano|aqui|aca|conmigo|cerca|ahorita|ahora)|"
                    + "no\\s+(?:tengo|traigo|cargo|ando\\s+con)\\s+(?:(?:mi|la|el|mis|los)\\s+)?"
                    + "(?:cedula|cedulas|documento|documentos|dni|nie|ine|identificacion|credencial|carnet|ci|rut|curp|pasaporte|"
                    + "papeles|tarjeta)\\b|"
                    + "(?:dejame|dejeme|deja\\s+me|permiteme|permitame)\\s+(?:buscar|ver|revisar|checar|chequear|mirar|la\\s+busco|"
                    + "lo\\s+busco|busco|reviso|veo|checo)|"
                    + "(?:dame|deme|regalame|regaleme)\\s+(?:un|una)\\s+(?:momento|momentico|momentito|segundo|segundito|minuto|minutico|"
                    + "minutito|seg|sec)|"
                    + "^(?:un|1)\\s+(?:momento|momentico|momentito|segundo|segundito|minuto|minutico|minutito|seg)\\b|"
                    + "^(?:espera|esperame|espereme|aguanta|aguantame|aguarda|momentito|momentico|ya\\s+va)\\b|"
                    + "(?:ahorita|ahora|luego|despues|mas\\s+tarde|ya)\\s+(?:te|le|se\\s+(?:la|lo))\\s+(?:digo|confirmo|escribo|paso|mando|envio)|"
                    + "(?:i\\s+)?(?:don\\s?t|do\\s+not)\\s+have\\s+(?:it|them|my\\s+(?:id|card|document|license|papers)|the\\s+(?:id|card|document))"
                    + "(?:\\s+(?:on\\s+me|with\\s+me|here|handy|right\\s+now|now|rn))?|"
                    + "(?:let\\s+me|lemme)\\s+(?:check|look|find|get|see)|"
                    + "(?:give\\s+me|gimme)\\s+(?:a|one)\\s+(?:sec|second|moment|min|minute)|"
                    + "^(?:hold\\s+on|one\\s+sec|one\\s+second|one\\s+moment|1\\s+sec|just\\s+a\\s+(?:sec|second|moment|minute)|"
                    + "wait|brb)\\b|"
                    + "i\\s*(?:ll|will)\\s+(?:check|look\\s+it\\s+up|get\\s+back\\s+to\\s+you|send\\s+(?:it|them)\\s+later))");

    /** A question, or a request to hear something again: "¿y cuándo es la primera?", "me repites el link", "what was the date". */
    private static final Pattern ASKS_AGAIN = Pattern.compile(
            "^(?:(?:y|e|pero|oye|oiga|entonces|ok|okay|ah|aja|bueno|perdon|disculpa|and|so|but|sorry|wait|hey)\\s+)*"
                    + "(?:que|q|k|cual|cuales|cuando|cuanto|cuanta|cuantas|cuantos|donde|como|a que hora|para cuando|para que dia|"
                    + "hasta cuando|de cuanto|when|what|whats|which|how|where|wheres)\\b"
                    + "|\\b(?:me\\s+(?:repites|repite|recuerdas|recuerda|confirmas|confirma|reenvias|reenvia|vuelves\\s+a\\s+(?:mandar|enviar|pasar)|"
                    + "mandas\\s+(?:otra\\s+vez|de\\s+nuevo)|pasas\\s+(?:otra\\s+vez|de\\s+nuevo))|"
                    + "(?:send|resend|repeat|give)\\s+(?:me\\s+)?(?:it|that|the\\s+\\w+)\\s+again|remind\\s+me)\\b");

    /** "¿Qué opciones tengo?", "what are my options": the waiting question or menu again, as a short message. */
    private static final Pattern OPTIONS = Pattern.compile(
            "^(?:(?:y|pero|ok|bueno|entonces|pues|oye|oiga|and|so|ok so|well)\\s+)*(?:"
                    + "(?:que|q|cuales)\\s+(?:son\\s+)?(?:las\\s+|mis\\s+)?(?:opciones|alternativas)(?:\\s+(?:tengo|hay|me\\s+(?:das|dan|ofreces|ofrecen)|tienen|tienes))?|"
                    + "cuales\\s+son\\s+(?:mis|las)\\s+(?:opciones|alternativas)|"
                    + "(?:que|q)\\s+(?:puedo|podemos)\\s+hacer|"
                    + "(?:que|q)\\s+me\\s+(?:ofreces|ofrecen|recomiendas|recomiendan)|"
                    + "what\\s+(?:are|s)?\\s*(?:my|the)\\s+options|whats\\s+(?:my|the)\\s+options|"
                    + "what\\s+(?:can|could)\\s+i\\s+do|what\\s+do\\s+you\\s+(?:offer|suggest|recommend)|"
                    + "(?:options|opciones)(?:\\s+(?:please|pls|porfa|por\\s+favor))?)"
                    + "(?:\\s+(?:entonces|then|now|ahora|ahorita|please|pls|porfa|por\\s+favor))*$");

    /** "¿Qué deuda es esta?", "what is this debt for?": what is owed and for what, i.e. the balance question. */
    private static final Pattern WHICH_DEBT = Pattern.compile(
            "(?:^|\\s)(?:(?:que|cual|de que|de donde|por que) (?:es |son )?(?:esta|esa|la|el|este|ese) (?:deuda|cobro|saldo|cuenta|credito|prestamo)"
                    + "|(?:que|cual) (?:deuda|cobro|credito|prestamo) (?:es|son)(?: esta| esa| este| ese)?"
                    + "|de que es (?:la|esta|esa) (?:deuda|cuenta)|no se (?:de )?(?:que|cual) (?:deuda|cobro)"
                    + "|what (?:is|s) (?:this|that|the) (?:debt|charge|balance|account)(?: for| about)?|what debt|which debt"
                    + "|what (?:is|s) this for)(?:\\s|$)");

    /** A greeting and nothing else: "hola", "buenas tardes", "hi there". */
    private static final Pattern GREETING = Pattern.compile(
            "^(?:(?:hola|holi|holis|ola|buenas|buenos dias|buenos días|buen dia|buenas tardes|buenas noches|saludos|que tal|"
                    + "alo|hi|hello|hey|hiya|good morning|good afternoon|good evening)(?:\\s+(?:que tal|como esta|como estas|"
                    + "senorita|senor|there|again|a todos|amigo|amiga))?\\s*)+$");

    /** A number said alone as a correction: "mejor 6", "no, que sean 4", "¿y en 6?", "make it 3". */
    private static final Pattern BARE_NUMBER = Pattern.compile(
            "^(?:(?:y|e|o|mejor|no|nah|mas bien|bueno|pues|ok|entonces|que sean|sean|si|en|a|and|or|better|make it|actually|no wait|"
                    + "rather|what about|how about|que tal|in)\\s+)*"
                    + "(\\d{1,2})(?:\\s+(?:mejor|entonces|then|instead|please|pls|porfa|mas bien))*$");

    /** "todo", "el total", "all of it": the whole amount an amount question allows. */
    private static final Pattern WHOLE_AMOUNT = Pattern.compile(
            "^(?:(?:pues|bueno|ok|vale|si|yes|yeah|voy a pagar|pago|pagare|i ll pay|ill pay|i will pay|pay)\\s+)*"
                    + "(?:todo|todito|el total|la totalidad|todo el saldo|el saldo completo|el saldo total|todo completo|completo|"
                    + "el valor total|el monto total|todo lo que debo|lo que debo|all|all of it|everything|the full amount|"
                    + "the whole amount|the whole thing|the full balance|the whole balance|in full|full)"
                    + "(?:\\s+(?:de una|de una vez|ese dia|that day|then|please|pls|porfa|gracias|thanks))*$");

    private RepairPhrases() {
    }

    static boolean asksConsequences(String normalized) {
        return normalized != null && CONSEQUENCES.matcher(normalized).find();
    }

    static boolean acknowledgementOnly(String normalized) {
        return normalized != null && !normalized.isBlank() && ACKNOWLEDGEMENT.matcher(normalized).matches();
    }

    /** Whether the message asks a question or to hear something again ({@code typed} keeps the question mark). */
    static boolean asksAgain(String normalized, String typed) {
        return (typed != null && typed.contains("?")) || normalized != null && ASKS_AGAIN.matcher(normalized).find();
    }

    /** The number of a bare correction ("mejor 6" → "6"), or null. */
    static String bareNumber(String normalized) {
        if (normalized == null) {
            return null;
        }
        Matcher m = BARE_NUMBER.matcher(normalized);
        return m.matches() ? m.group(1) : null;
    }

    static boolean asksWhichDebt(String normalized) {
        return normalized != null && WHICH_DEBT.matcher(normalized).find();
    }

    static boolean greetingOnly(String normalized) {
        return normalized != null && !normalized.isBlank() && GREETING.matcher(normalized).matches();
    }

    static boolean asksOptions(String normalized) {
        return normalized != null && OPTIONS.matcher(normalized).matches();
    }

    static boolean holdOn(String normalized) {
        return normalized != null && HOLD_ON.matcher(normalized).find();
    }

    static boolean wholeAmount(String normalized) {
        return normalized != null && WHOLE_AMOUNT.matcher(normalized).matches();
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
