package dev.cobra.runtime.channel.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cobra.runtime.conversation.message.OutboundMessage;
import dev.cobra.runtime.conversation.message.Reply;
import dev.cobra.runtime.debtor.Debtor;
import dev.cobra.runtime.debtor.DebtorDirectory;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxSenderTest {

    private WhatsAppRig rig;

    @AfterEach
    void close() {
        if (rig != null) {
            rig.close();
        }
    }

    private static OutboundMessage reply(String to, Instant lastInboundAt, Reply... replies) {
        return new OutboundMessage("c1", "whatsapp", "D-1", to, "bot", List.of(replies), lastInboundAt, "es-CO");
    }

    @Test
    void aTextReplyGoesToTheGraphApiWithTheBearerTokenAndMetasJson() throws Exception {
        rig = new WhatsAppRig(4, null);
        rig.sender.start();
        StepVerifier.create(rig.channel.deliver(reply("+573001234567", Instant.now(), Reply.text("Hola Ana"))))
                .verifyComplete();

        WhatsAppRig.await("one message sent", Duration.ofSeconds(10), () -> rig.graph.messages.size() == 1);
        FakeGraphApi.Request sent = rig.graph.messages.get(0);
        assertThat(sent.path()).isEqualTo("/v21.0/PNID/messages");
        assertThat(sent.authorization()).isEqualTo("Bearer test-token");
        assertThat(sent.body().path("messaging_product").asText()).isEqualTo("whatsapp");
        assertThat(sent.body().path("to").asText()).isEqualTo("573001234567");
        assertThat(sent.body().path("type").asText()).isEqualTo("text");
        assertThat(sent.body().path("text").path("body").asText()).isEqualTo("Hola Ana");
        WhatsAppRig.await("recorded as sent", Duration.ofSeconds(5),
                () -> "SENT".equals(rig.outboxFor("573001234567").get(0).getString("status")));
        assertThat(rig.outboxFor("573001234567").get(0).getString("wamid")).startsWith("wamid.OUT");
        assertThat(sent.body().path("biz_opaque_callback_data").asText()).as("the outbox id, echoed in status webhooks")
                .isEqualTo(rig.outboxFor("573001234567").get(0).getObjectId("_id").toHexString());
    }

    @Test
    void theOldestUnsettledMessageGivesTheOutboxLagAndASentOneNoLonger() throws Exception {
        rig = new WhatsAppRig(4, null); // the sender is not started: what is queued stays PENDING
        assertThat(rig.outbox.oldestUnsettledAt().blockOptional()).isEmpty();
        Instant older = Instant.parse("2026-11-20T10:00:00Z");
        Instant newer = older.plusSeconds(30);
        rig.outbox.enqueue(List.of(WhatsAppOutbox.newMessage("5731", "c1", "D-1", "text", "{}", older))).block();
        rig.outbox.enqueue(List.of(WhatsAppOutbox.newMessage("5732", "c2", "D-2", "text", "{}", newer))).block();

        assertThat(rig.outbox.oldestUnsettledAt().block()).isEqualTo(older);
        ObjectId first = rig.outboxFor("5731").get(0).getObjectId("_id");
        rig.outbox.markSent(first, "wamid.X", newer).block();
        assertThat(rig.outbox.oldestUnsettledAt().block()).isEqualTo(newer);
    }

    @Test
    void theCallbackIdIsAppendedToTheStoredJsonWithoutChangingTheRestOfIt() throws Exception {
        rig = new WhatsAppRig(4, null);
        ObjectId id = new ObjectId();
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        String stored = "{\"to\":\"57300\",\"text\":{\"body\":\"a } and a { in text\"},\"n\":[1,{\"x\":2}]}";

        String sent = rig.sender.withCallbackData(stored, id);

        com.fasterxml.jackson.databind.node.ObjectNode expected = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(stored);
        expected.put("biz_opaque_callback_data", id.toHexString());
        assertThat(json.readTree(sent)).isEqualTo(expected);
        assertThat(json.readTree(rig.sender.withCallbackData("{ }", id)))
                .isEqualTo(json.createObjectNode().put("biz_opaque_callback_data", id.toHexString()));
        // A body that already carries the field gets the outbox id instead, once.
        String named = rig.sender.withCallbackData("{\"to\":\"1\",\"biz_opaque_callback_data\":\"old\"}", id);
        assertThat(named).containsOnlyOnce("biz_opaque_callback_data");
        assertThat(json.readTree(named).path("biz_opaque_callback_data").asText()).isEqualTo(id.toHexString());
        assertThat(rig.sender.withCallbackData("not json", id)).isEqualTo("not json");
    }

    @Test
    void aMenuBecomesReplyButtonsAndALongMenuAList() throws Exception {
        rig = new WhatsAppRig(4, null);
        rig.sender.start();
        Reply buttons = Reply.options("¿Qué deseas hacer?", List.of(new Reply.Option("pay_now", "Pagar ahora", null),
                new Reply.Option("promise", "Fijar fecha", null)));
        List<Reply.Option> many = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            many.add(new Reply.Option("o" + i, "Opción número " + i, null));
        }
        rig.channel.deliver(reply("573001234567", Instant.now(), buttons, Reply.options("Elige", many)))
                .block(Duration.ofSeconds(5));

        WhatsAppRig.await("two messages", Duration.ofSeconds(10), () -> rig.graph.messages.size() == 2);
        JsonNode first = rig.graph.messages.get(0).body().path("interactive");
        assertThat(first.path("type").asText()).isEqualTo("button");
        assertThat(first.path("action").path("buttons").get(0).path("reply").path("id").asText()).isEqualTo("pay_now");
        JsonNode second = rig.graph.messages.get(1).body().path("interactive");
        assertThat(second.path("type").asText()).isEqualTo("list");
        assertThat(second.path("action").path("sections").get(0).path("rows")).hasSize(5);
    }

    @Test
    void aMessage25HoursAfterTheDebtorsLastOneGoesOutAsTheTemplate() throws Exception {
        rig = new WhatsAppRig(4, "cobro_recordatorio");
        rig.sender.start();
        rig.channel.deliver(reply("573001234567", Instant.now().minus(Duration.ofHours(25)),
                Reply.text("Hola Ana, ¿pudiste revisar tu saldo?"))).block(Duration.ofSeconds(5));

        WhatsAppRig.await("one message", Duration.ofSeconds(10), () -> rig.graph.messages.size() == 1);
        JsonNode body = rig.graph.messages.get(0).body();
        assertThat(body.path("type").asText()).isEqualTo("template");
        assertThat(body.path("template").path("name").asText()).isEqualTo("cobro_recordatorio");
        assertThat(body.path("template").path("language").path("code").asText()).isEqualTo("es");
        assertThat(body.has("text")).isFalse();
    }

    @Test
    void anOptedOutDebtorGetsNoBusinessInitiatedMessageEvenWithATemplate() throws Exception {
        rig = new WhatsAppRig(4, "cobro_recordatorio");
        Debtor optedOut = new Debtor("D-1", "Ana Pérez", "+573001234567", null, "es-CO", "America/Bogota", "CO",
                null, null, null, null, true, false);
        rig.channel = rig.channel(new OneDebtor(optedOut), null);
        rig.sender.start();
        rig.channel.deliver(reply("573001234567", Instant.now().minus(Duration.ofHours(25)),
                Reply.text("Hola Ana, ¿pudiste revisar tu saldo?"))).block(Duration.ofSeconds(5));
        Thread.sleep(300);

        assertThat(rig.graph.messages).isEmpty();
        Document refused = rig.outboxFor("573001234567").get(0);
        assertThat(refused.getString("status")).isEqualTo("FAILED");
        assertThat(refused.getString("errorCode")).isEqualTo("opted_out");
    }

    @Test
    void aReplyInsideTheWindowStillReachesADebtorWhoJustOptedOut() throws Exception {
        rig = new WhatsAppRig(4, null);
        Debtor optedOut = new Debtor("D-1", "Ana Pérez", "+573001234567", null, "es-CO", "America/Bogota", "CO",
                null, null, null, null, true, false);
        rig.channel = rig.channel(new OneDebtor(optedOut), null);
        rig.sender.start();
        rig.channel.deliver(reply("573001234567", Instant.now(), Reply.text("Listo, no te escribiremos más.")))
                .block(Duration.ofSeconds(5));

        WhatsAppRig.await("the goodbye", Duration.ofSeconds(10), () -> rig.graph.messages.size() == 1);
    }

    /** A directory that knows one debtor; the channel only looks debtors up. */
    private record OneDebtor(Debtor debtor) implements DebtorDirectory {
        public Mono<Debtor> findById(String id) { return debtor.id().equals(id) ? Mono.just(debtor) : Mono.empty(); }
        public Mono<Debtor> findByPhone(String phone) { return Mono.empty(); }
        public Mono<Debtor> findByBsuid(String bsuid) { return Mono.empty(); }
        public Mono<Void> linkBsuid(String debtorId, String bsuid) { return Mono.empty(); }
        public Mono<Boolean> verifyDocument(String debtorId, String digits) { return Mono.just(false); }
        public Mono<Void> optOut(String debtorId, String channel, Instant at) { return Mono.empty(); }
        public Mono<Void> flagWrongParty(String debtorId, Instant at) { return Mono.empty(); }
    }

    @Test
    void outsideTheWindowWithoutATemplateNothingIsSentAndTheRefusalIsRecorded() throws Exception {
        rig = new WhatsAppRig(4, null);
        rig.sender.start();
        rig.channel.deliver(reply("573001234567", null, Reply.text("Hola"))).block(Duration.ofSeconds(5));
        Thread.sleep(300);
        assertThat(rig.graph.messages).isEmpty();
        Document refused = rig.outboxFor("573001234567").get(0);
        assertThat(refused.getString("status")).isEqualTo("FAILED");
        assertThat(refused.getString("errorCode")).isEqualTo("outside_window_no_template");
    }

    @Test
    void aTemplateTheRegistryDoesNotListAsApprovedIsRefusedWithACodeAndNotSent() throws Exception {
        rig = new WhatsAppRig(4, null);
        WhatsAppTemplateRegistry registry = new WhatsAppTemplateRegistry(rig.mongo.template,
                org.springframework.web.reactive.function.client.WebClient.builder(), rig.properties);
        Instant t = Instant.now();
        for (String[] entry : new String[][] {{"cobro_recordatorio", "es", "APPROVED"},
                {"cobro_recordatorio", "en_US", "PENDING"}, {"cobro_pausado", "es", "PAUSED"}}) {
            registry.save(new WhatsAppTemplateRegistry.Template(entry[0], entry[1], "UTILITY", entry[2], 0, null,
                    "manual", t)).block(Duration.ofSeconds(5));
        }
        rig.sender.templateRegistry(registry);
        String[][] sends = {{"573006660001", "cobro_recordatorio", "es"}, {"573006660002", "cobro_recordatorio", "en_US"},
                {"573006660003", "cobro_pausado", "es"}, {"573006660004", "cobro_recordatorio", "pt_BR"},
                {"573006660005", "no_registrada", "es"}};
        List<Document> queued = new ArrayList<>();
        for (String[] send : sends) {
            queued.add(WhatsAppOutbox.newMessage(send[0], "c", null, "template",
                    rig.graphMessages.template(send[0], send[1], send[2], List.of()).toString(), t));
        }
        rig.outbox.enqueue(queued).block(Duration.ofSeconds(5));
        rig.sender.start();
        WhatsAppRig.await("all settled", Duration.ofSeconds(10), () -> java.util.Arrays.stream(sends)
                .allMatch(send -> List.of("SENT", "FAILED").contains(rig.outboxFor(send[0]).get(0).getString("status"))));

        assertThat(rig.outboxFor("573006660001").get(0).getString("status")).isEqualTo("SENT");
        assertThat(rig.outboxFor("573006660005").get(0).getString("status")).as("a name the registry does not know")
                .isEqualTo("SENT");
        for (String refused : List.of("573006660002", "573006660003")) {
            Document doc = rig.outboxFor(refused).get(0);
            assertThat(doc.getString("status")).isEqualTo("FAILED");
            assertThat(doc.getString("errorCode")).isEqualTo("template_not_approved");
        }
        Document otherLanguage = rig.outboxFor("573006660004").get(0);
        assertThat(otherLanguage.getString("status")).isEqualTo("FAILED");
        assertThat(otherLanguage.getString("errorCode")).isEqualTo("template_not_registered");
        assertThat(rig.graph.messages.stream().map(r -> r.body().path("to").asText()))
                .containsExactlyInAnyOrder("573006660001", "573006660005");
    }

    @Test
    void aUsernameOnlyUserIsAddressedByBsuid() throws Exception {
        rig = new WhatsAppRig(4, null);
        rig.sender.start();
        rig.channel.deliver(reply("CO.1502576394655843", Instant.now(), Reply.text("Hola"))).block(Duration.ofSeconds(5));
        WhatsAppRig.await("one message", Duration.ofSeconds(10), () -> rig.graph.messages.size() == 1);
        JsonNode body = rig.graph.messages.get(0).body();
        assertThat(body.path("recipient").asText()).isEqualTo("CO.1502576394655843");
        assertThat(body.has("to")).isFalse();
    }

    @Test
    void the429sAnd500sAreRetriedUntilDeliveredInOrderAndAPermanentErrorIsNotRetried() throws Exception {
        rig = new WhatsAppRig(4, null);
        rig.graph.thenAnswer(429, "{\"error\":{\"code\":130429,\"message\":\"Rate limit hit\"}}", "0")
                .thenAnswer(500, "{\"error\":{\"code\":1,\"message\":\"unknown\"}}", null)
                .thenAnswer(503, "", null);
        rig.sender.start();
        rig.channel.deliver(reply("573001111111", Instant.now(), Reply.text("uno"), Reply.text("dos")))
                .block(Duration.ofSeconds(5));
        WhatsAppRig.await("both delivered", Duration.ofSeconds(15), () -> rig.outboxFor("573001111111").stream()
                .allMatch(d -> "SENT".equals(d.getString("status"))));
        List<String> bodies = rig.graph.messages.stream().map(r -> r.body().path("text").path("body").asText()).toList();
        assertThat(bodies).containsExactly("uno", "uno", "uno", "uno", "dos"); // 3 failures, then in order
        assertThat(rig.outboxFor("573001111111").get(0).getInteger("attempts")).isEqualTo(4);

        rig.graph.thenAnswer(400, "{\"error\":{\"code\":131026,\"message\":\"Message undeliverable\"}}", null);
        rig.channel.deliver(reply("573002222222", Instant.now(), Reply.text("tres"))).block(Duration.ofSeconds(5));
        WhatsAppRig.await("failed", Duration.ofSeconds(10),
                () -> "FAILED".equals(rig.outboxFor("573002222222").get(0).getString("status")));
        Thread.sleep(300);
        Document failed = rig.outboxFor("573002222222").get(0);
        assertThat(failed.getString("errorCode")).isEqualTo("131026");
        assertThat(failed.getInteger("attempts")).isEqualTo(1);
        assertThat(rig.graph.messages.stream().filter(r -> r.body().path("to").asText().equals("573002222222")))
                .hasSize(1);
    }

    /** What a crash mid-drain left and what the restart did. */
    private record CrashRun(int cutInFlight, Map<String, List<Long>> requestsById, long restartNanos) {
        long duplicates() {
            return requestsById.values().stream().filter(times -> times.size() > 1).count();
        }
    }

    /**
     * 1,000 messages to 100 recipients; the sender is killed with requests in flight once 300 reached the fake Graph
     * API (which answers 30 ms after accepting, so some are accepted and never answered); a new sender starts over
     * the same outbox with {@code inDoubtGrace}. With {@code webhooks}, Meta's status webhooks are held while the
     * process is "down" and delivered after the restart, as Meta retries them.
     */
    private CrashRun crashMidDrainAndRestart(boolean webhooks, Duration inDoubtGrace) throws Exception {
        rig = new WhatsAppRig(8, null);
        rig.graph.responseDelay(Duration.ofMillis(30));
        if (webhooks) {
            rig.statusWebhooks();
            rig.graph.pauseStatusWebhooks();
        }
        List<Document> queued = new ArrayList<>();
        Instant now = Instant.now();
        for (int i = 0; i < 1000; i++) {
            String to = "57300" + String.format("%07d", i % 100);
            queued.add(WhatsAppOutbox.newMessage(to, "c" + i, null, "text",
                    rig.graphMessages.text(to, "m-" + i).toString(), now));
        }
        rig.outbox.enqueue(queued).block(Duration.ofSeconds(60));
        rig.sender.start();
        WhatsAppRig.await("300 sent", Duration.ofSeconds(60), () -> rig.graph.messages.size() >= 300);
        rig.sender.kill(); // the process "dies": requests in flight are cut, their claims stay SENDING
        Thread.sleep(300);
        assertThat(rig.graph.messages.size()).isLessThan(1000);
        java.util.Set<String> reachedMeta = new java.util.HashSet<>(requestsById().keySet());
        int cutInFlight = rig.outbox.unsettled(2000).filter(d -> "SENDING".equals(d.getString("status")))
                .filter(d -> reachedMeta.contains(d.getObjectId("_id").toHexString())).count()
                .block(Duration.ofSeconds(10)).intValue();
        assertThat(cutInFlight).as("the crash cut requests Meta had accepted but whose answer was never recorded")
                .isPositive();

        long restart = System.nanoTime();
        rig.sender = rig.newSender(Duration.ofMinutes(2), inDoubtGrace); // a new process over the same outbox
        rig.sender.soleSender(true);
        rig.sender.start();
        if (webhooks) {
            Thread.sleep(200);
            rig.graph.resumeStatusWebhooks(); // the product is up again: Meta's held status webhooks arrive
        }
        WhatsAppRig.await("every message sent", Duration.ofSeconds(120), () -> requestsById().size() == 1000);
        WhatsAppRig.await("every message recorded SENT", Duration.ofSeconds(30), () -> allSent(1000));
        Thread.sleep(300);
        return new CrashRun(cutInFlight, requestsById(), restart);
    }

    private boolean allSent(int expected) {
        List<Document> all = rig.mongo.template.findAll(Document.class, "whatsapp_outbox")
                .collectList().block(Duration.ofSeconds(10));
        return all.size() == expected && all.stream().allMatch(d -> "SENT".equals(d.getString("status")));
    }

    /** Graph API requests by the outbox id they carry, each with the time it arrived. */
    private Map<String, List<Long>> requestsById() {
        Map<String, List<Long>> byId = new HashMap<>();
        rig.graph.messages.forEach(r -> byId.computeIfAbsent(r.body().path("biz_opaque_callback_data").asText(),
                id -> new ArrayList<>()).add(r.receivedNanos()));
        return byId;
    }

    @Test
    void aThousandQueuedMessagesCutByACrashWithRequestsInFlightAreEachSentExactlyOnceAfterRestart() throws Exception {
        CrashRun run = crashMidDrainAndRestart(true, Duration.ofSeconds(10));

        assertThat(run.requestsById()).hasSize(1000);
        assertThat(run.duplicates()).as("requests cut by the crash were settled by their status webhook, not resent")
                .isZero();
        assertThat(rig.graph.messages).hasSize(1000);
        System.out.printf("crash with webhooks: cut in flight=%d, requests=%d, distinct=%d, duplicates=%d%n",
                run.cutInFlight(), rig.graph.messages.size(), run.requestsById().size(), run.duplicates());
    }

    @Test
    void withoutStatusWebhooksTheClaimsCutByACrashAreResentOnlyAfterTheGraceAndNothingIsLost() throws Exception {
        Duration grace = Duration.ofMillis(1500);
        CrashRun run = crashMidDrainAndRestart(false, grace);

        assertThat(run.requestsById()).hasSize(1000);
        // At least once: nothing tells the restarted sender that Meta had the cut requests, so after the grace each
        // goes out a second time. Only those can: every other message is sent once.
        assertThat(run.duplicates()).isEqualTo(run.cutInFlight());
        assertThat(run.requestsById().values()).allMatch(times -> times.size() <= 2);
        run.requestsById().values().stream().filter(times -> times.size() == 2).forEach(times ->
                assertThat(Duration.ofNanos(times.get(1) - run.restartNanos()))
                        .as("resent only after the in-doubt grace").isGreaterThanOrEqualTo(grace));
        System.out.printf("crash without webhooks: cut in flight=%d, requests=%d, distinct=%d, duplicates=%d%n",
                run.cutInFlight(), rig.graph.messages.size(), run.requestsById().size(), run.duplicates());
    }

    @Test
    void aStatusWebhookBeforeTheSendersOwnRecordSettlesTheMessageAndTheRecordDoesNotMoveItBack() throws Exception {
        rig = new WhatsAppRig(4, null);
        rig.statusWebhooks("sent", "delivered");
        rig.graph.statusesBeforeResponse(true);
        rig.sender.start();
        rig.channel.deliver(reply("573004440000", Instant.now(), Reply.text("uno"))).block(Duration.ofSeconds(5));
        WhatsAppRig.await("sent", Duration.ofSeconds(10), () -> "SENT".equals(rig.outboxFor("573004440000").get(0)
                .getString("status")));
        Thread.sleep(200); // the sender's own record lands after the webhook
        Document first = rig.outboxFor("573004440000").get(0);
        assertThat(first.getString("settledBy")).as("the webhook came first").isEqualTo("status");
        assertThat(first.getString("status")).isEqualTo("SENT");
        assertThat(rig.statuses.currentStatus(first.getString("wamid")).block(Duration.ofSeconds(5)))
                .isEqualTo("delivered");

        // Meta accepts, its status webhook arrives, then the connection drops before the answer: the sender sees a
        // network error, but the message is settled and must not be retried.
        rig.graph.statusesBeforeResponse(false);
        rig.statusWebhooks("delivered", "sent"); // and in the other order
        rig.graph.thenAnswer(FakeGraphApi.DROP_AFTER_ACCEPT, "", null);
        rig.channel.deliver(reply("573004441111", Instant.now(), Reply.text("dos"))).block(Duration.ofSeconds(5));
        WhatsAppRig.await("accepted", Duration.ofSeconds(10), () -> rig.graph.messages.size() == 2);
        Thread.sleep(600); // far beyond the 20 ms retry delay
        assertThat(rig.graph.messages).as("not sent again").hasSize(2);
        Document second = rig.outboxFor("573004441111").get(0);
        assertThat(second.getString("status")).isEqualTo("SENT");
        assertThat(second.getString("errorCode")).isNull();
        assertThat(rig.statuses.currentStatus(second.getString("wamid")).block(Duration.ofSeconds(5)))
                .isEqualTo("delivered");
    }

    @Test
    void callbackDataNamingAnUnknownOrForgedIdChangesNothing() throws Exception {
        rig = new WhatsAppRig(1, null);
        Instant t = Instant.now();
        Document never = WhatsAppOutbox.newMessage("573005550000", "c", null, "text", "{}", t);
        Document claimed = WhatsAppOutbox.newMessage("573005551111", "c", null, "text", "{}", t);
        rig.outbox.enqueue(new ArrayList<>(List.of(never, claimed))).block(Duration.ofSeconds(5));
        rig.outbox.claimAll(List.of(claimed.getObjectId("_id")), t).blockLast(Duration.ofSeconds(5));
        String neverId = never.getObjectId("_id").toHexString();
        String claimedId = claimed.getObjectId("_id").toHexString();

        for (WhatsAppStatusUpdate forged : List.of(
                status("wamid.F1", new org.bson.types.ObjectId().toHexString(), "573005551111"), // unknown id
                status("wamid.F2", "not-an-object-id", "573005551111"),
                status("wamid.F3", "{\"$ne\":null}", "573005551111"),
                status("wamid.F4", neverId, "573005550000"), // a message no sender ever handed to Meta
                status("wamid.F5", claimedId, "573009999999"))) { // another recipient's status naming it
            rig.statuses.apply(forged).block(Duration.ofSeconds(5));
        }
        assertThat(rig.outboxFor("573005550000").get(0).getString("status")).isEqualTo("PENDING");
        assertThat(rig.outboxFor("573005551111").get(0).getString("status")).isEqualTo("SENDING");
        assertThat(rig.mongo.template.count(new org.springframework.data.mongodb.core.query.Query(),
                "whatsapp_outbox").block(Duration.ofSeconds(5))).isEqualTo(2);

        rig.statuses.apply(status("wamid.OK", claimedId, "573005551111")).block(Duration.ofSeconds(5));
        Document settled = rig.outboxFor("573005551111").get(0);
        assertThat(settled.getString("status")).isEqualTo("SENT");
        assertThat(settled.getString("wamid")).isEqualTo("wamid.OK");
        // A later status naming it with another wamid (a forged replay) does not rewrite it.
        rig.statuses.apply(status("wamid.F6", claimedId, "573005551111")).block(Duration.ofSeconds(5));
        assertThat(rig.outboxFor("573005551111").get(0).getString("wamid")).isEqualTo("wamid.OK");
    }

    private static WhatsAppStatusUpdate status(String wamid, String callbackData, String recipient) {
        return new WhatsAppStatusUpdate(wamid, "sent", Instant.now(), null, null, callbackData, recipient);
    }

    @Test
    void claimsLeftByACrashAreReleasedAtOnceByTheSoleSenderAndAfterTheClaimTimeoutOtherwise() throws Exception {
        rig = new WhatsAppRig(4, null);
        List<Document> queued = new ArrayList<>();
        Instant now = Instant.now();
        for (int i = 0; i < 40; i++) {
            String to = "57301" + String.format("%07d", i % 4);
            queued.add(WhatsAppOutbox.newMessage(to, "c" + i, null, "text",
                    rig.graphMessages.text(to, "k-" + i).toString(), now));
        }
        rig.outbox.enqueue(queued).block(Duration.ofSeconds(30));
        // A crash right after claiming: four heads SENDING, nobody working on them.
        for (int i = 0; i < 4; i++) {
            assertThat(rig.outbox.claimAll(List.of(queued.get(i).getObjectId("_id")), Instant.now())
                    .blockLast(Duration.ofSeconds(10))).isNotNull();
        }

        rig.sender = rig.newSender(Duration.ofMinutes(2)); // a shared database: another instance may hold them
        rig.sender.start();
        Thread.sleep(1500);
        assertThat(rig.graph.messages).as("every recipient's head is held by a claim younger than the timeout")
                .isEmpty();
        rig.sender.kill();

        rig.sender = rig.newSender(Duration.ofMinutes(2), Duration.ofMillis(300));
        rig.sender.soleSender(true); // the embedded database: those claims can only be this process's previous life
        // (in doubt for the 300 ms grace, then sent again: no status webhook settles them here)
        rig.sender.start();
        WhatsAppRig.await("all sent", Duration.ofSeconds(60), () -> distinctBodies().size() == 40);
    }

    @Test
    void anOrderlyStopMidwaySendsEveryMessageExactlyOnceAfterRestart() throws Exception {
        rig = new WhatsAppRig(8, null);
        List<Document> queued = new ArrayList<>();
        Instant now = Instant.now();
        for (int i = 0; i < 1000; i++) {
            String to = "57310" + String.format("%07d", i % 50);
            queued.add(WhatsAppOutbox.newMessage(to, "c" + i, null, "text",
                    rig.graphMessages.text(to, "n-" + i).toString(), now));
        }
        rig.outbox.enqueue(queued).block(Duration.ofSeconds(60));
        rig.sender.start();
        WhatsAppRig.await("some sent", Duration.ofSeconds(60), () -> rig.graph.messages.size() >= 300);
        rig.sender.stop(); // shutdown: waits for the requests in flight and records them
        int beforeRestart = rig.graph.messages.size();
        assertThat(beforeRestart).isLessThan(1000);

        rig.sender = rig.newSender();
        rig.sender.start();
        WhatsAppRig.await("all sent", Duration.ofSeconds(120), () -> distinctBodies().size() == 1000);
        Thread.sleep(300);
        assertThat(rig.graph.messages).hasSize(1000);
    }

    private java.util.Set<String> distinctBodies() {
        java.util.Set<String> seen = new java.util.HashSet<>();
        rig.graph.messages.forEach(r -> seen.add(r.body().path("text").path("body").asText()));
        return seen;
    }

    @Test
    void statusCallbacksInAnyOrderLeaveTheMostAdvancedStatus() {
        rig = assertDoesNotThrowRig();
        Instant t = Instant.parse("2026-11-23T10:00:00Z");
        StepVerifier.create(rig.statuses.apply(new WhatsAppStatusUpdate("wamid.A", "read", t.plusSeconds(20), null, null))
                        .then(rig.statuses.apply(new WhatsAppStatusUpdate("wamid.A", "sent", t, null, null)))
                        .then(rig.statuses.apply(new WhatsAppStatusUpdate("wamid.A", "delivered", t.plusSeconds(5), null, null)))
                        .then(rig.statuses.currentStatus("wamid.A")))
                .expectNext("read").verifyComplete();
        StepVerifier.create(rig.statuses.find("wamid.A"))
                .assertNext(doc -> assertThat(doc.keySet()).contains("sentAt", "deliveredAt", "readAt"))
                .verifyComplete();
        StepVerifier.create(rig.statuses.apply(new WhatsAppStatusUpdate("wamid.B", "failed", t, 131047, "Re-engagement message"))
                        .then(rig.statuses.apply(new WhatsAppStatusUpdate("wamid.B", "sent", t.minusSeconds(1), null, null)))
                        .then(rig.statuses.find("wamid.B")))
                .assertNext(doc -> {
                    assertThat(doc.getInteger("rank")).isEqualTo(4);
                    assertThat(doc.getInteger("errorCode")).isEqualTo(131047);
                })
                .verifyComplete();
    }

    private static WhatsAppRig assertDoesNotThrowRig() {
        try {
            return new WhatsAppRig(1, null);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
