package dev.cobra.runtime.verification;

import dev.cobra.runtime.compliance.ContactAuditTrail;
import dev.cobra.runtime.debtor.DebtorDirectory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/** Wires the verification guard and its store. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(VerificationProperties.class)
public class VerificationConfiguration {

    @Bean
    VerificationFailureStore verificationFailureStore(ReactiveMongoTemplate mongo,
                                                      dev.cobra.runtime.persistence.RecordCaches caches) {
        return new VerificationFailureStore(mongo, caches); // copies only with the embedded database
    }

    @Bean
    VerificationGuard verificationGuard(DebtorDirectory debtors, VerificationFailureStore failures,
                                        ContactAuditTrail audit, VerificationProperties properties) {
        return new VerificationGuard(debtors, failures, audit, properties);
    }
}
