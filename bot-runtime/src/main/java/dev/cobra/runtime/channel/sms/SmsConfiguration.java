package dev.cobra.runtime.channel.sms;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.web.reactive.function.client.WebClient;

import java.time.Clock;

/** Wires the SMS provider named by {@code bot.sms.provider}, the message store and the sender. */
@Configuration(proxyBeanMethods = false)
public class SmsConfiguration {

    @Bean
    SmsProvider smsProvider(SmsProperties properties, WebClient.Builder webClients) {
        if (!"twilio".equals(properties.provider())) {
            throw new IllegalStateException("bot.sms.provider=" + properties.provider()
                    + " is not supported; the supported provider is: twilio");
        }
        return new TwilioSmsProvider(properties, webClients);
    }

    @Bean
    SmsMessageStore smsMessageStore(ReactiveMongoTemplate mongo) {
        return new SmsMessageStore(mongo);
    }

    @Bean
    SmsSender smsSender(SmsProvider provider, SmsMessageStore store, SmsProperties properties,
                        @Value("${bot.public-url:http://localhost:${server.port:8080}}") String publicUrl, Clock clock) {
        return new SmsSender(provider, store, properties, publicUrl, clock);
    }
}
