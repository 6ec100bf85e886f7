package dev.cobra.runtime.channel.sms;

/**
 * Answers to inbound SMS, Spanish first (neutral Latin-American), English for debtors whose locale is English. None
 * mentions a debt: the phone may not be the debtor's.
 */
final class SmsReplies {

    private SmsReplies() {
    }

    static boolean english(String locale) {
        return locale != null && locale.toLowerCase(java.util.Locale.ROOT).startsWith("en");
    }

    static String optedOut(boolean english) {
        return english ? "You will not receive more messages from us on any channel. Reply START to get SMS again."
                : "Listo, no te enviaremos más mensajes por ningún canal. Si cambias de opinión, responde ALTA.";
    }

    static String optedIn(boolean english) {
        return english ? "You will receive SMS from us again. Reply STOP at any time to opt out."
                : "Volverás a recibir nuestros SMS. Responde BAJA cuando quieras dejar de recibirlos.";
    }

    static String help(boolean english) {
        return english ? "Messages about your account. Reply STOP to opt out of all messages."
                : "Mensajes sobre tu cuenta. Responde BAJA para no recibir más mensajes.";
    }

    static String chatLink(boolean english, String url) {
        return english ? "Thanks for writing. Continue in your personal chat: " + url + " (Reply STOP to opt out)"
                : "Gracias por escribir. Sigue la conversación en tu chat personal: " + url + " (Responde BAJA para no recibir más)";
    }
}
