package dev.cobra.runtime.channel.email;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.mail.javamail.JavaMailSender;

/** Wires the chat-link email sender and its unsubscribe keys. */
@Configuration(proxyBeanMethods = false)
public class EmailConfiguration {

    @Bean
    UnsubscribeKeys unsubscribeKeys(ReactiveMongoTemplate mongo, EmailProperties properties) {
        return new UnsubscribeKeys(mongo, properties.unsubscribeSecret());
    }

    @Bean
    EmailSender emailSender(ObjectProvider<JavaMailSender> mail, EmailProperties properties, UnsubscribeKeys keys,
                            @Value("${bot.public-url:http://localhost:${server.port:8080}}") String publicUrl) {
        return new EmailSender(mail, properties, keys, publicUrl);
    }
}
