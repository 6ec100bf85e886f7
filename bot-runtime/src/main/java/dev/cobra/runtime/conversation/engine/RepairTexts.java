package dev.cobra.runtime.conversation.engine;

import static dev.cobra.runtime.conversation.engine.RuntimeTexts.english;

/**
 * The runtime's built-in texts of the repair behaviours (a flow's {@code repair} block may replace the answers,
 * the cancel text and the closing). Spanish first, English for {@code en} locales; short, warm, never pushy.
 */
final class RepairTexts {

    private RepairTexts() {
    }

    static String closing(String locale) {
        return english(locale) ? "You're welcome! Have a great day. If you need anything else, just write to me."
                : "¡Con gusto! Que tengas un excelente día. Si necesitas algo más, aquí estoy.";
    }

    static String optedOutAck(String locale) {
        return english(locale) ? "Understood. Your request is recorded: we won't send you more messages."
                : "Entendido. Tu solicitud quedó registrada: no te enviaremos más mensajes.";
    }

    static String optedOutEarlier(String locale) {
        return english(locale) ? "You asked us not to contact you, so we won't write to you about your account. Your request stays recorded."
                : "Nos pediste no contactarte, así que no te escribiremos sobre tu cuenta. Tu solicitud sigue registrada.";
    }

    static String wrongPartyAck(String locale) {
        return english(locale) ? "Thank you. Our records are already updated. Sorry for the inconvenience."
                : "Gracias. Ya actualizamos nuestros registros. Disculpa la molestia.";
    }

    static String balanceBeforeVerification(String locale) {
        return english(locale) ? "I can tell you as soon as we confirm your identity."
                : "Te lo cuento apenas confirmemos tu identidad.";
    }

    static String balance(String locale) {
        return english(locale) ? "Your outstanding balance is {{debt.balance | money}}, for your {{debt.product}}."
                : "Tu saldo pendiente es de {{debt.balance | money}}, de tu {{debt.product}}.";
    }

    static String paymentMethods(String locale) {
        return english(locale) ? "You can pay online by debit card, credit card or bank transfer through a secure payment link."
                : "Puedes pagar en línea con tarjeta débito, crédito o transferencia, desde un enlace de pago seguro.";
    }

    static String whoAreYou(String locale) {
        return english(locale) ? "I'm the virtual payments assistant. I can help you pay, agree on a date or a plan, and pass you to a person whenever you like."
                : "Soy el asistente virtual de pagos. Te ayudo a pagar, acordar una fecha o un plan, y te comunico con una persona cuando quieras.";
    }

    /** What not paying leads to, said plainly and without threats, then the ways out (after verification only). */
    static String consequences(String locale) {
        return english(locale) ? "If the payment isn't made, the account keeps adding days past due and may move to the next"
                + " collection stage, with the late fees your contract sets. We'd rather help you avoid that: you can pick a"
                + " date that works for you, pay in installments or tell me what is going on."
                : "Si el pago no se hace, la cuenta sigue sumando días de atraso y puede pasar a la siguiente etapa de"
                + " cobranza, con los cargos por mora que fije tu contrato. Preferimos ayudarte a evitarlo: puedes elegir una"
                + " fecha que te sirva, pagar en cuotas o contarme qué está pasando.";
    }

    /** The debtor needs a moment to find the answer (their ID, a date): no pressure, and the question stays open. */
    static String holdOn(String locale) {
        return english(locale) ? "No problem, take your time. When you have it, just write it here and we'll go on."
                : "Sin problema, tómate tu tiempo. Cuando lo tengas, escríbemelo por aquí y seguimos.";
    }

    static String recapLead(String locale) {
        return english(locale) ? "Sure, here it is again:" : "Claro, te lo repito:";
    }

    static String repromptLead(String locale) {
        return english(locale) ? "Back to my question: " : "Retomando: ";
    }

    static String cancelled(String locale) {
        return english(locale) ? "No problem, let's leave that." : "Está bien, lo dejamos así.";
    }

    static String cancelledUnverified(String locale) {
        return english(locale) ? "No problem. Whenever you want to continue, just write to me."
                : "Está bien. Cuando quieras retomar, escríbeme.";
    }

    static String corrected(String locale) {
        return english(locale) ? "Got it, I've changed that." : "Listo, lo cambié.";
    }

    static String changeOfMind(String locale) {
        return english(locale) ? "Sure, let's do that instead." : "Claro, hagámoslo así.";
    }

    static String back(String locale) {
        return english(locale) ? "Hi again! The virtual assistant is back with you. Let's pick up where we left off."
                : "¡Hola de nuevo! El asistente virtual está otra vez contigo. Sigamos donde íbamos.";
    }

    static String choose(String locale, String first, String second) {
        return english(locale) ? "Just to be sure: do you want to " + first + " or " + second + "?"
                : "Para estar seguro: ¿quieres " + first + " o " + second + "?";
    }

    /** How an intent reads in a short choice ("¿quieres pagar en cuotas o pedir más tiempo?"). */
    static String intentLabel(String intent, String locale) {
        boolean en = english(locale);
        return switch (intent) {
            case "pay_now" -> en ? "pay now" : "pagar ahora";
            case "payment_plan" -> en ? "pay in installments" : "pagar en cuotas";
            case "request_more_time" -> en ? "ask for more time" : "pedir más tiempo";
            case "already_paid" -> en ? "report a payment you already made" : "reportar un pago que ya hiciste";
            case "dispute_debt" -> en ? "dispute the debt" : "reclamar por la deuda";
            case "complaint" -> en ? "file a complaint" : "poner una queja";
            case "talk_to_agent" -> en ? "talk to a person" : "hablar con una persona";
            case "financial_hardship" -> en ? "tell us about a difficult situation" : "contarnos de una situación difícil";
            case "ask_balance" -> en ? "know your balance" : "saber tu saldo";
            case "ask_payment_methods" -> en ? "know how to pay" : "saber cómo pagar";
            default -> intent.replace('_', ' ');
        };
    }
}
