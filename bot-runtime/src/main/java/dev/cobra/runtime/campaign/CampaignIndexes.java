package dev.cobra.runtime.campaign;

import de.bwaldvogel.mongo.MongoServer;
import dev.cobra.runtime.compliance.ConsentLedger;
import dev.cobra.runtime.compliance.ContactAuditTrail;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Secondary indexes of the campaign and compliance collections on a real MongoDB (the embedded server has none):
 * the dispatcher's due-work query, a campaign's contacts, and the audit trail and consent ledger by debtor and time.
 */
@Component
class CampaignIndexes implements ApplicationRunner {

    private final ReactiveMongoTemplate mongo;
    private final ObjectProvider<MongoServer> embeddedServer;

    CampaignIndexes(ReactiveMongoTemplate mongo, ObjectProvider<MongoServer> embeddedServer) {
        this.mongo = mongo;
        this.embeddedServer = embeddedServer;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (embeddedServer.getIfAvailable() != null) {
            return;
        }
        var contacts = mongo.indexOps(CampaignContacts.COLLECTION);
        var audit = mongo.indexOps(ContactAuditTrail.COLLECTION);
        contacts.ensureIndex(new Index().on("status", Sort.Direction.ASC).on("nextAttemptAt", Sort.Direction.ASC)
                        .on("campaignId", Sort.Direction.ASC))
                .then(contacts.ensureIndex(new Index().on("campaignId", Sort.Direction.ASC)))
                .then(audit.ensureIndex(new Index().on("debtorId", Sort.Direction.ASC).on("at", Sort.Direction.ASC)))
                .then(audit.ensureIndex(new Index().on("at", Sort.Direction.ASC)))
                .then(mongo.indexOps(ConsentLedger.COLLECTION).ensureIndex(new Index().on("debtorId", Sort.Direction.ASC)))
                .block(Duration.ofSeconds(30));
    }
}
