package dev.cobra.runtime.channel.whatsapp;

import dev.cobra.runtime.conversation.message.Reply;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the WhatsApp channel says by itself, for messages the flows cannot read, and how it reads a reaction.
 * Spanish first, English for English-speaking debtors; honest about what went wrong, never about the debt.
 */
final class ChannelTexts {

    /** Words that make an option the "yes" of a yes/no question: in its id ({@code confirm_yes}) or first in its title. */
    private static final Set<String> YES = Set.of("si", "yes", "acepto", "correcto", "claro", "dale", "ok", "affirm",
            "confirmo", "sure");

    private ChannelTexts() {
    }

    static Reply cannotListen(boolean english, boolean withAgent) {
        if (withAgent) {
            // Someone already has (or is about to take) the chat: no offer of what is already happening.
            return Reply.text(english
                    ? "I can't listen to audio or watch videos. Please type your message; a person from our team is "
                    + "already looking after this chat."
                    : "No puedo escuchar audios ni ver videos. Por favor escríbeme tu mensaje; una persona de nuestro "
                    + "equipo ya está atendiendo esta conversación.");
        }
        return Reply.options(english
                ? "I can't listen to audio or watch videos yet. Could you type your message, or would you like "
                + "to talk to a person?"
                : "Todavía no puedo escuchar audios ni ver videos. ¿Puedes escribirme tu mensaje o prefieres "
                + "hablar con un asesor?", List.of(
                new Reply.Option(WhatsAppInboundProcessor.WRITE_INSTEAD, english ? "Type my message" : "Escribir mensaje", null),
                new Reply.Option(WhatsAppInboundProcessor.TALK_TO_AGENT, english ? "Talk to a person" : "Hablar con asesor", null)));
    }

    static String tooLong(boolean english) {
        return english
                ? "Your message is too long for me to read (at most 4,096 characters). Could you send it in shorter parts?"
                : "Tu mensaje es demasiado largo para mí (máximo 4.096 caracteres). ¿Puedes enviarlo en partes más cortas?";
    }

    static String unsupported(boolean english) {
        return english
                ? "WhatsApp did not let me open that message. Could you write it as text, please?"
                : "WhatsApp no me dejó abrir ese mensaje. ¿Me lo puedes escribir en texto, por favor?";
    }

    static String textOnly(boolean english) {
        return english
                ? "For now I can only read text messages and the buttons I send. Please type your message."
                : "Por ahora solo puedo leer mensajes de texto y los botones que te envío. Por favor, escríbeme tu mensaje.";
    }

    static String fileReceived(boolean english) {
        return english
                ? "Thank you, we received your file. A person from our team will review it."
                : "Gracias, recibimos tu archivo. Una persona de nuestro equipo lo revisará.";
    }

    static String fileFailed(boolean english) {
        return english
                ? "Sorry, I could not download your file. Could you send it again?"
                : "Lo siento, no pude descargar tu archivo. ¿Puedes enviarlo de nuevo?";
    }

    /** A thumbs-up (any skin tone), OK hand or check mark. */
    static boolean approves(String emoji) {
        if (emoji == null) {
            return false;
        }
        String base = emoji.replaceAll("[\\x{1F3FB}-\\x{1F3FF}\\x{FE0F}]", "");
        return base.equals("\uD83D\uDC4D") || base.equals("\uD83D\uDC4C") || base.equals("\u2705") || base.equals("\u2714");
    }

    /** The "yes" of a yes/no question, or null when the options are not one. */
    static Reply.Option yesOption(List<Reply.Option> options) {
        if (options == null || options.isEmpty() || options.size() > 3) {
            return null;
        }
        for (Reply.Option option : options) {
            String id = option.id() == null ? "" : option.id().toLowerCase(Locale.ROOT);
            String[] titleWords = plain(option.title()).split(" ");
            if (java.util.Arrays.stream(id.split("[^a-z]+")).anyMatch(YES::contains) || YES.contains(titleWords[0])) {
                return option;
            }
        }
        return null;
    }

    private static String plain(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return decomposed.toLowerCase(Locale.ROOT).replaceAll("[^a-z ]", " ").trim().replaceAll(" +", " ");
    }
}
