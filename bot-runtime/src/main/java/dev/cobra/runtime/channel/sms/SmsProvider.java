package dev.cobra.runtime.channel.sms;

import reactor.core.publisher.Mono;

/** Sends one SMS through a provider's API. Adapters: {@link TwilioSmsProvider}. */
public interface SmsProvider {

    /**
     * Hands the message to the provider.
     *
     * @param to             the recipient in E.164
     * @param body           the text
     * @param statusCallback where the provider should report delivery statuses, or null
     * @return the provider's message id and initial status; {@link SmsSendException} when refused or unreachable
     */
    Mono<Receipt> send(String to, String body, String statusCallback);

    /** What the provider answered: its message id (Twilio's {@code sid}) and status ({@code queued}, ...). */
    record Receipt(String providerId, String status) {
    }

    /** The provider refused the message ({@code permanent}: sending it again will not help) or could not be reached. */
    class SmsSendException extends RuntimeException {

        private final boolean permanent;
        private final String code;

        public SmsSendException(boolean permanent, String code, String message) {
            super(message);
            this.permanent = permanent;
            this.code = code;
        }

        public boolean permanent() {
            return permanent;
        }

        public String code() {
            return code;
        }
    }
}
