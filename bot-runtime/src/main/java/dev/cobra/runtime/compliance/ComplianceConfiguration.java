package dev.cobra.runtime.compliance;

import dev.cobra.runtime.account.DebtorStanding;
import dev.cobra.runtime.debtor.DebtorDirectory;
import dev.cobra.runtime.debtor.DebtorStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/** Wires the contact-policy engine, the consent ledger and the contact audit trail. */
@Configuration(proxyBeanMethods = false)
public class ComplianceConfiguration {

    @Bean
    HolidayCalendar holidayCalendar() {
        return new HolidayCalendar();
    }

    @Bean
    ContactWindows contactWindows(HolidayCalendar holidays) {
        return new ContactWindows(holidays);
    }

    @Bean
    CountryContactRules countryContactRules(ReactiveMongoTemplate mongo) {
        return new CountryContactRules(mongo);
    }

    @Bean
    ContactAuditTrail contactAuditTrail(ReactiveMongoTemplate mongo) {
        return new ContactAuditTrail(mongo);
    }

    @Bean
    ConsentLedger consentLedger(ReactiveMongoTemplate mongo, DebtorDirectory debtors, DebtorStore portfolio) {
        return new ConsentLedger(mongo, debtors, portfolio);
    }

    @Bean
    DebtorContactLocks debtorContactLocks(ReactiveMongoTemplate mongo) {
        return new DebtorContactLocks(mongo);
    }

    @Bean
    PolicyEngine contactPolicy(DebtorDirectory debtors, CountryContactRules rules, ContactWindows windows,
                               ContactAuditTrail audit, DebtorContactLocks locks, DebtorStanding standing) {
        return new PolicyEngine(debtors, rules, windows, audit, locks, standing);
    }
}
