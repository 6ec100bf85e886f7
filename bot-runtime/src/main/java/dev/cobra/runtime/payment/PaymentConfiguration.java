package dev.cobra.runtime.payment;

import dev.cobra.runtime.security.OperationsSecrets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import java.time.Duration;

/** The embedded signed-link provider (replace it by declaring another {@link PaymentLinkProvider}). */
@Configuration(proxyBeanMethods = false)
public class PaymentConfiguration {

    @Bean
    SignedPaymentLinks signedPaymentLinks(ReactiveMongoTemplate mongo, OperationsSecrets secrets,
                                          @Value("${bot.payments.link-secret:}") String secret,
                                          @Value("${bot.payment-link-base-url:${bot.public-url:http://localhost:${server.port:8080}}/pay}") String baseUrl,
                                          @Value("${bot.payments.link-lifetime:P7D}") Duration lifetime) {
        return new SignedPaymentLinks(mongo, secrets, secret, baseUrl, lifetime);
    }
}
