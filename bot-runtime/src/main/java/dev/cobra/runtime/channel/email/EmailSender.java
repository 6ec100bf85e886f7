package dev.cobra.runtime.channel.email;

import dev.cobra.runtime.debtor.Debtor;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.io.UnsupportedEncodingException;

/**
 * Sends the chat-link email over SMTP ({@code spring.mail.*}) from {@code bot.email.from}: text and HTML parts, the
 * unsubscribe link in the body, and {@code List-Unsubscribe} with {@code List-Unsubscribe-Post} (RFC 8058 one-click)
 * so mail clients offer their own unsubscribe button. SMTP is blocking, so sends run off the event loop.
 */
public class EmailSender {

    private static final Logger log = LoggerFactory.getLogger(EmailSender.class);

    /** SMTP refused or could not be reached. */
    public static class EmailSendException extends RuntimeException {
        public EmailSendException(String message) {
            super(message);
        }
    }

    private final JavaMailSender mail;
    private final EmailProperties properties;
    private final UnsubscribeKeys unsubscribeKeys;
    private final String publicUrl;

    public EmailSender(ObjectProvider<JavaMailSender> mail, EmailProperties properties, UnsubscribeKeys unsubscribeKeys,
                       String publicUrl) {
        this.mail = mail.getIfAvailable();
        this.properties = properties;
        this.unsubscribeKeys = unsubscribeKeys;
        String base = publicUrl.trim();
        this.publicUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** Both an SMTP server ({@code spring.mail.host}) and a sender ({@code bot.email.from}) are set. */
    public boolean configured() {
        return mail != null && properties.from() != null;
    }

    /** Sends the debtor's chat link; emits the message's {@code Message-ID}. */
    public Mono<String> sendChatLink(Debtor debtor, String chatUrl) {
        if (!configured()) {
            return Mono.error(new EmailSendException("email is not configured"));
        }
        return unsubscribeKeys.tokenFor(debtor.id())
                .map(token -> publicUrl + UnsubscribeController.PATH_PREFIX + token)
                .publishOn(Schedulers.boundedElastic())
                .map(unsubscribeUrl -> send(debtor, LinkEmail.build(debtor.locale(), debtor.firstName(), chatUrl,
                        unsubscribeUrl), unsubscribeUrl));
    }

    private String send(Debtor debtor, LinkEmail email, String unsubscribeUrl) {
        try {
            MimeMessage message = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED, "UTF-8");
            if (properties.fromName() != null) {
                helper.setFrom(properties.from(), properties.fromName());
            } else {
                helper.setFrom(properties.from());
            }
            helper.setTo(debtor.email());
            helper.setSubject(email.subject());
            helper.setText(email.text(), email.html());
            message.setHeader("List-Unsubscribe", "<" + unsubscribeUrl + ">");
            message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            message.setHeader("Content-Language", debtor.locale() != null && debtor.locale().startsWith("en") ? "en" : "es");
            message.saveChanges();
            String messageId = message.getMessageID();
            mail.send(message);
            log.info("email.sent debtorId={}", debtor.id());
            return messageId;
        } catch (MessagingException | MailException | UnsupportedEncodingException e) {
            log.warn("email.send.failed debtorId={} error={}", debtor.id(), e.getClass().getSimpleName());
            throw new EmailSendException("The mail server refused or could not be reached");
        }
    }
}
