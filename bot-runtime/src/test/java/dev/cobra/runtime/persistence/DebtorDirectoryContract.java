package dev.cobra.runtime.persistence;

import dev.cobra.runtime.debtor.Consent;
import dev.cobra.runtime.debtor.Debt;
import dev.cobra.runtime.debtor.Debtor;
import dev.cobra.runtime.debtor.DebtorStore.UpsertOutcome;
import dev.cobra.runtime.debtor.DocumentHasher;
import dev.cobra.runtime.security.Role;
import dev.cobra.runtime.security.StaffUser;
import dev.cobra.runtime.security.MongoStaffUserStore;
import dev.cobra.runtime.security.StaffUserStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.test.StepVerifier;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the Mongo repositories promise, run against every database we support: the embedded server always, a real
 * MongoDB when Docker is available (subclasses).
 */
abstract class DebtorDirectoryContract {

    private static final Instant NOW = Instant.parse("2026-11-20T15:00:00Z");

    protected abstract ReactiveMongoTemplate template();

    private MongoDebtorDirectory directory;
    /** The same records read without a cache: what the database holds. */
    private MongoDebtorDirectory copies;
    private MongoStaffUserStore users;
    private String id;

    @BeforeEach
    void setUp() {
        StaticListableBeanFactory beans = new StaticListableBeanFactory(
                Map.of("clock", Clock.fixed(NOW, ZoneOffset.UTC)));
        // Every contract runs with the debtor copies on (the embedded default's setting): each write path must
        // keep them exact. The cache-specific checks are below.
        directory = new MongoDebtorDirectory(template(), beans.getBeanProvider(Clock.class),
                RecordCache.<Debtor>ofSize(1_000));
        copies = new MongoDebtorDirectory(template(), beans.getBeanProvider(Clock.class), RecordCache.<Debtor>off());
        users = new MongoStaffUserStore(template());
        directory.secondaryIndexes().forEach((name, indexes) -> indexes.forEach(
                index -> template().indexOps(name).ensureIndex(index).block()));
        id = "D-" + UUID.randomUUID();
    }

    private Debtor debtor(String phone, String documentHash, String balance, Set<String> bsuids) {
        return new Debtor(id, "Ana Pérez", phone, "ana@example.com", "es-CO", "America/Bogota", "CO", documentHash,
                Map.of("whatsapp", new Consent(true, Instant.parse("2026-10-01T10:00:00Z"), "web-signup")),
                List.of(new Debt("L-77", "Tarjeta de crédito", new BigDecimal(balance), "COP",
                        LocalDate.of(2026, 10, 8))),
                bsuids, false, false);
    }

    private String uniquePhone() {
        return "+5730" + String.format("%08d", Math.abs(id.hashCode() % 100_000_000));
    }

    @Test
    void anUpsertCreatesThenUpdatesAndReadsBackEveryField() {
        String phone = uniquePhone();
        StepVerifier.create(directory.upsert(debtor(phone, DocumentHasher.hash("1234"), "1250000.50", Set.of())))
                .expectNext(UpsertOutcome.CREATED).verifyComplete();
        StepVerifier.create(directory.upsert(debtor(phone, null, "900000", Set.of())))
                .expectNext(UpsertOutcome.UPDATED).verifyComplete();

        StepVerifier.create(directory.findById(id))
                .assertNext(d -> {
                    assertThat(d.name()).isEqualTo("Ana Pérez");
                    assertThat(d.phone()).isEqualTo(phone);
                    assertThat(d.consent().get("whatsapp")).isEqualTo(
                            new Consent(true, Instant.parse("2026-10-01T10:00:00Z"), "web-signup"));
                    assertThat(d.debts()).singleElement().satisfies(debt -> {
                        assertThat(debt.balance()).isEqualByComparingTo("900000");
                        assertThat(debt.dueDate()).isEqualTo(LocalDate.of(2026, 10, 8));
                        assertThat(debt.currency()).isEqualTo("COP");
                    });
                    assertThat(d.documentHash()).as("kept when an update carries no digits").isNotNull();
                })
                .verifyComplete();
    }

    /**
     * A creditor's ids may be ObjectId hex strings (their own system runs on MongoDB): such a debtor is stored,
     * found and updated under that String, like any other id, and the collection keeps one id type.
     */
    @Test
    void anIdThatLooksLikeAnObjectIdStaysAString() {
        id = new org.bson.types.ObjectId().toHexString();
        String phone = uniquePhone();
        StepVerifier.create(directory.upsert(debtor(phone, null, "10", Set.of()))).expectNext(UpsertOutcome.CREATED)
                .verifyComplete();
        StepVerifier.create(directory.upsert(debtor(phone, null, "20", Set.of()))).expectNext(UpsertOutcome.UPDATED)
                .verifyComplete();
        StepVerifier.create(copies.findById(id).map(Debtor::id)).expectNext(id).verifyComplete();
        assertThat(IdTypes.in(template(), "debtors")).containsExactly("String");
    }

    @Test
    void theDocumentIsCheckedAgainstTheSaltedHashOnly() {
        directory.upsert(debtor(uniquePhone(), DocumentHasher.hash("4321"), "10", Set.of())).block();
        StepVerifier.create(directory.verifyDocument(id, "4321")).expectNext(true).verifyComplete();
        StepVerifier.create(directory.verifyDocument(id, "1234")).expectNext(false).verifyComplete();
        StepVerifier.create(directory.verifyDocument("D-unknown", "4321")).expectNext(false).verifyComplete();
        StepVerifier.create(template().findById(id, org.bson.Document.class, "debtors"))
                .assertNext(raw -> assertThat(raw.toJson()).doesNotContain("4321"))
                .verifyComplete();
    }

    @Test
    void phoneLookupsMatchWithOrWithoutPlus() {
        String phone = uniquePhone();
        directory.upsert(debtor(phone, null, "10", Set.of())).block();
        StepVerifier.create(directory.findByPhone(phone.substring(1)).map(Debtor::id)).expectNext(id).verifyComplete();
        StepVerifier.create(directory.findByPhone(phone).map(Debtor::id)).expectNext(id).verifyComplete();
        StepVerifier.create(directory.findByPhone("+10000000000")).verifyComplete();
    }

    @Test
    void aDebtorWhosePhoneChangedIsNoLongerFoundByTheOldOne() {
        String oldPhone = uniquePhone();
        directory.upsert(debtor(oldPhone, null, "10", Set.of())).block();
        StepVerifier.create(directory.findByPhone(oldPhone).map(Debtor::id)).expectNext(id).verifyComplete();
        String newPhone = uniquePhone().replace("+5730", "+5731");
        directory.upsert(debtor(newPhone, null, "10", Set.of())).block();
        StepVerifier.create(directory.findByPhone(oldPhone)).verifyComplete();
        StepVerifier.create(directory.findByPhone(newPhone).map(Debtor::id)).expectNext(id).verifyComplete();
    }

    @Test
    void aMexicanMobileStoredInE164IsFoundFromWhatsAppsOldMobileForm() {
        String local = String.format("%08d", Math.abs(id.hashCode() % 100_000_000));
        directory.upsert(debtor("+5255" + local, null, "10", Set.of())).block();
        StepVerifier.create(directory.findByPhone("52155" + local).map(Debtor::id)).expectNext(id).verifyComplete();
    }

    @Test
    void aLinkedBsuidFindsTheDebtorAndSurvivesReimport() {
        String bsuid = "CO." + Math.abs(id.hashCode());
        directory.upsert(debtor(uniquePhone(), null, "10", Set.of())).block();
        StepVerifier.create(directory.findByBsuid(bsuid)).verifyComplete();
        directory.linkBsuid(id, bsuid).block();
        directory.linkBsuid(id, bsuid).block();
        StepVerifier.create(directory.findByBsuid(bsuid))
                .assertNext(d -> assertThat(d.bsuids()).containsExactly(bsuid))
                .verifyComplete();
        directory.upsert(debtor(uniquePhone(), null, "20", Set.of())).block();
        StepVerifier.create(directory.findByBsuid(bsuid).map(Debtor::id)).expectNext(id).verifyComplete();
    }

    @Test
    void optOutIsGlobalAndAReimportDoesNotUndoIt() {
        directory.upsert(debtor(uniquePhone(), null, "10", Set.of())).block();
        directory.optOut(id, "whatsapp", NOW).block();
        directory.upsert(debtor(uniquePhone(), null, "10", Set.of())).block();
        StepVerifier.create(directory.findById(id))
                .assertNext(d -> assertThat(d.optedOut()).isTrue())
                .verifyComplete();
    }

    @Test
    void anOptOutOnOneChannelWithdrawsConsentOnEveryChannel() {
        directory.upsert(debtor(uniquePhone(), null, "10", Set.of())).block();
        directory.optOut(id, "webchat", NOW).block();
        StepVerifier.create(directory.findById(id))
                .assertNext(d -> {
                    assertThat(d.optedOut()).isTrue();
                    assertThat(d.consent().get("whatsapp").optedIn()).isFalse();
                    assertThat(d.consent().get("whatsapp").at()).isEqualTo(NOW);
                    assertThat(d.consent().get("whatsapp").source()).isEqualTo("debtor-opt-out:webchat");
                    assertThat(d.consent()).containsKeys("sms", "email", "webchat");
                    assertThat(d.consent().values()).noneMatch(Consent::optedIn);
                })
                .verifyComplete();
    }

    @Test
    void optingOutAnUnknownDebtorChangesNothing() {
        StepVerifier.create(directory.optOut("D-unknown-" + id, "whatsapp", NOW)).verifyComplete();
        StepVerifier.create(directory.findById("D-unknown-" + id)).verifyComplete();
    }

    @Test
    void aWrongPartyFlagIsStored() {
        directory.upsert(debtor(uniquePhone(), null, "10", Set.of())).block();
        directory.flagWrongParty(id, NOW).block();
        StepVerifier.create(directory.findById(id).map(Debtor::wrongParty)).expectNext(true).verifyComplete();
    }

    @Test
    void staffUsernamesAreUnique() {
        String name = "user-" + UUID.randomUUID();
        StaffUser user = new StaffUser(name, "$2a$hash", Set.of(Role.AGENT), NOW);
        StepVerifier.create(users.create(user)).expectNext(user).verifyComplete();
        StepVerifier.create(users.create(user)).expectError(StaffUserStore.UsernameTakenException.class).verify();
        StepVerifier.create(users.findByUsername(name))
                .assertNext(found -> assertThat(found.roles()).containsExactly(Role.AGENT))
                .verifyComplete();
    }

    /**
     * The copy a read keeps is replaced by what each write path stored: import (upsert), BSUID link, opt-out,
     * opt-in, wrong party and erasure. Each step first checks that the read was answered from the copy (a second read
     * with the database row changed underneath by nothing else would return the same object), so the test fails
     * if any write path forgets to drop it.
     */
    @Test
    void aCachedDebtorIsNeverStaleAfterAnyWritePath() {
        String phone = uniquePhone();
        directory.upsert(debtor(phone, DocumentHasher.hash("1111"), "100", Set.of())).block();

        assertCachedThenFresh(() -> directory.upsert(debtor(phone, DocumentHasher.hash("2222"), "40", Set.of())).block(),
                d -> assertThat(d.debts().get(0).balance()).isEqualByComparingTo("40"));
        StepVerifier.create(directory.verifyDocument(id, "2222")).expectNext(true).verifyComplete();
        StepVerifier.create(directory.verifyDocument(id, "1111")).expectNext(false).verifyComplete();

        assertCachedThenFresh(() -> directory.linkBsuid(id, "CO.cache").block(),
                d -> assertThat(d.bsuids()).contains("CO.cache"));
        assertCachedThenFresh(() -> directory.optOut(id, "whatsapp", NOW).block(),
                d -> assertThat(d.optedOut()).isTrue());
        assertCachedThenFresh(() -> directory.recordOptIn(id, "whatsapp", NOW, "agent", "call").block(),
                d -> assertThat(d.optedOut()).isFalse());
        assertCachedThenFresh(() -> directory.flagWrongParty(id, NOW).block(),
                d -> assertThat(d.wrongParty()).isTrue());
        // Found by phone through the same copies.
        StepVerifier.create(directory.findByPhone(phone).map(Debtor::wrongParty)).expectNext(true).verifyComplete();

        directory.findById(id).block();
        assertThat(directory.cached(id)).isNotNull();
        directory.erase(new DebtorRecords.Erasure(id, "pseudo-" + id, List.of(), List.of(), Set.of())).block();
        assertThat(directory.cached(id)).isNull();
        StepVerifier.create(directory.findById(id)).verifyComplete();
        StepVerifier.create(directory.findByPhone(phone)).verifyComplete();
    }

    private void assertCachedThenFresh(Runnable write, java.util.function.Consumer<Debtor> expected) {
        Debtor first = directory.findById(id).block();
        assertThat(directory.cached(id)).as("the read kept a copy").isSameAs(first);
        assertThat(directory.findById(id).block()).as("answered from the copy").isSameAs(first);
        write.run();
        Debtor after = directory.findById(id).block();
        expected.accept(after);
        assertThat(after).isEqualTo(copies.findById(id).block());
    }
}
