package dev.cobra.runtime.channel.email;

import org.springframework.web.util.HtmlUtils;

/**
 * The chat-link email, Spanish (neutral Latin-American) or English by the debtor's locale. It names no creditor,
 * product or amount: the mailbox may not be the debtor's, and nothing about a debt is said before the chat verifies
 * who is reading.
 */
public record LinkEmail(String subject, String text, String html) {

    public static LinkEmail build(String locale, String firstName, String chatUrl, String unsubscribeUrl) {
        boolean english = locale != null && locale.toLowerCase(java.util.Locale.ROOT).startsWith("en");
        String name = firstName == null || firstName.isBlank() ? null : firstName.strip();
        String greeting = english ? (name == null ? "Hello," : "Hello " + name + ",")
                : (name == null ? "Hola:" : "Hola, " + name + ":");
        String subject = english ? "Your personal chat is ready" : "Tu chat personal está listo";
        String intro = english
                ? "We have important information for you. You can read it and settle any questions in your personal, secure chat, at any time:"
                : "Tenemos información importante para ti. Puedes consultarla y resolver tus dudas en tu chat personal y seguro, a cualquier hora:";
        String button = english ? "Open my chat" : "Abrir mi chat";
        String personal = english
                ? "This link is personal: please do not share it. Before showing any detail, the chat will ask you to confirm who you are."
                : "El enlace es personal: no lo compartas. Antes de mostrarte cualquier dato, el chat te pedirá confirmar tu identidad.";
        String unsubscribe = english ? "To stop receiving these messages, unsubscribe here:"
                : "Si no quieres recibir más mensajes, date de baja aquí:";
        String unsubscribeLabel = english ? "Unsubscribe" : "Darme de baja";
        String text = greeting + "\n\n" + intro + "\n\n" + chatUrl + "\n\n" + personal + "\n\n" + unsubscribe + " "
                + unsubscribeUrl + "\n";
        String html = "<!DOCTYPE html><html lang=\"" + (english ? "en" : "es") + "\"><head><meta charset=\"utf-8\">"
                + "<title>" + esc(subject) + "</title></head>"
                + "<body style=\"font-family:Arial,Helvetica,sans-serif;color:#1f2933;max-width:560px;margin:auto\">"
                + "<p>" + esc(greeting) + "</p><p>" + esc(intro) + "</p>"
                + "<p><a href=\"" + esc(chatUrl) + "\" style=\"display:inline-block;padding:12px 20px;background:#0b6e4f;"
                + "color:#ffffff;text-decoration:none;border-radius:6px\">" + esc(button) + "</a></p>"
                + "<p style=\"font-size:13px\">" + esc(chatUrl) + "</p>"
                + "<p style=\"font-size:13px\">" + esc(personal) + "</p>"
                + "<p style=\"font-size:12px;color:#52606d\">" + esc(unsubscribe) + " <a href=\"" + esc(unsubscribeUrl)
                + "\">" + esc(unsubscribeLabel) + "</a></p></body></html>";
        return new LinkEmail(subject, text, html);
    }

    private static String esc(String value) {
        return HtmlUtils.htmlEscape(value, "UTF-8");
    }
}
