package dev.cobra.runtime.conversation.engine;

/**
 * What the engine itself says when a flow does not (clarifications, built-in global handling). Spanish first
 * (neutral Latin-American), English for {@code en} locales. Empathetic and firm, never threatening.
 */
final class RuntimeTexts {

    private RuntimeTexts() {
    }

    static String clarify(String locale) {
        return english(locale) ? "Sorry, I'm not sure I understood. Could you choose one of these options?"
                : "Disculpa, no estoy seguro de haberte entendido. ¿Me ayudas eligiendo una de estas opciones?";
    }

    static String invalidInput(String locale) {
        return english(locale) ? "Sorry, I couldn't understand that answer."
                : "Disculpa, no logré entender tu respuesta.";
    }

    static String lowConfidenceHandoff(String locale) {
        return english(locale) ? "I'd like to make sure you get the right help, so I'm passing you to an agent. Someone will be with you shortly."
                : "Quiero asegurarme de ayudarte bien, así que te comunico con un asesor. En breve te atiende.";
    }

    static String talkToAgent(String locale) {
        return english(locale) ? "Of course. I'm connecting you with an agent; someone will be with you shortly."
                : "Claro que sí. Te comunico con un asesor; en breve te atiende.";
    }

    static String complaint(String locale) {
        return english(locale) ? "I'm sorry about this. I'm passing your complaint to our customer care team, who will follow up with you."
                : "Lamentamos lo ocurrido. Paso tu caso a nuestro equipo de atención de quejas, que te dará seguimiento.";
    }

    static String optedOut(String locale) {
        return english(locale) ? "Done. We won't send you any more messages on this or any other channel. If you ever need us, just write to us. Take care."
                : "Listo. No te enviaremos más mensajes por este ni por otros canales. Si en algún momento nos necesitas, escríbenos. Que estés bien.";
    }

    static String wrongParty(String locale) {
        return english(locale) ? "Thank you for letting us know, and sorry for the inconvenience. We'll update our records."
                : "Gracias por avisarnos y disculpa la molestia. Actualizaremos nuestros registros.";
    }

    /** To a debtor who writes while waiting for an agent (see {@link QueueAcknowledgement}). */
    static String stillInQueue(String locale) {
        return english(locale) ? "Thank you for your patience. You're still in line, and a person from our team will answer you here as soon as possible; your message is already in the chat for them."
                : "Gracias por tu paciencia. Sigues en la fila y una persona de nuestro equipo te responderá por aquí lo antes posible; tu mensaje ya quedó en la conversación para que lo vea.";
    }

    static String technicalHandoff(String locale) {
        return english(locale) ? "Let me pass you to an agent who can continue from here."
                : "Permíteme comunicarte con un asesor que pueda continuar desde aquí.";
    }

    static boolean english(String locale) {
        return locale != null && locale.toLowerCase(java.util.Locale.ROOT).startsWith("en");
    }
}
