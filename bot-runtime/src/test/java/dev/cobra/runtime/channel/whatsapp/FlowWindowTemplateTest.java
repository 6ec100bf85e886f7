package dev.cobra.runtime.channel.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cobra.flow.read.FlowReader;
import dev.cobra.runtime.conversation.message.OutboundMessage;
import dev.cobra.runtime.conversation.message.Reply;
import dev.cobra.runtime.conversation.engine.CompiledFlows;
import dev.cobra.runtime.conversation.state.ConversationState;
import dev.cobra.runtime.conversation.state.ConversationStore;
import dev.cobra.runtime.conversation.state.StackFrame;
import dev.cobra.runtime.debtor.Debtor;
import dev.cobra.runtime.debtor.DebtorDirectory;
import dev.cobra.runtime.flow.FlowCatalog;
import dev.cobra.runtime.flow.FlowVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 4: "a flow that wants to speak outside the window uses its configured template". Conversations are stored
 * through the real driver on the embedded server; flows are read from YAML; the Graph API is the local fake.
 */
class FlowWindowTemplateTest {

    private static final String WITH_TEMPLATE = """
            id: seguimiento
            entry: hola
            whatsapp:
              windowTemplate:
                name: cobro_seguimiento
                parameters: ["{{debtor.firstName}}", "{{debtor.name}}"]
            steps:
              hola: {type: message, text: Hola, next: fin}
              fin: {type: end}
            """;
    private static final String WITHOUT_TEMPLATE = """
            id: simple
            entry: hola
            steps:
              hola: {type: message, text: Hola, next: fin}
              fin: {type: end}
            """;

    private WhatsAppRig rig;
    private ConversationStore conversations;
    private final Debtor ana = new Debtor("D-1", "Ana María Pérez", "+573001234567", null, "es-CO", "America/Bogota",
            "CO", null, null, null, null, false, false);

    @BeforeEach
    void wire() throws Exception {
        rig = new WhatsAppRig(4, "cobro_global");
        conversations = new ConversationStore(rig.mongo.template);
        CompiledFlows flows = new CompiledFlows(new TwoFlows());
        DebtorDirectory debtors = new OneDebtor(ana);
        rig.channel = rig.channel(debtors, new FlowWindowTemplates(conversations, flows, debtors, rig.clock));
        rig.sender.start();
    }

    @AfterEach
    void close() {
        rig.close();
    }

    private void conversation(String id, String flowId, List<StackFrame> stack) {
        ConversationState state = ConversationState.start(id, "whatsapp", "D-1", "573001234567", "es-CO", Instant.now());
        state.flowId(flowId);
        state.flowVersion(1);
        state.stack(stack);
        conversations.save(state).block(Duration.ofSeconds(10));
    }

    private JsonNode deliverAndAwait(String conversationId, Instant lastInboundAt) throws Exception {
        int before = rig.graph.messages.size();
        rig.channel.deliver(new OutboundMessage(conversationId, "whatsapp", "D-1", "573001234567", "bot",
                List.of(Reply.text("Hola Ana, ¿pudiste revisar tu saldo?")), lastInboundAt, "es-CO"))
                .block(Duration.ofSeconds(10));
        WhatsAppRig.await("one more message", Duration.ofSeconds(10), () -> rig.graph.messages.size() == before + 1);
        return rig.graph.messages.get(before).body();
    }

    @Test
    void aMessage25HoursLaterInAFlowWithItsOwnTemplateGoesOutAsThatTemplateWithItsParametersFilled() throws Exception {
        conversation("c_own", "seguimiento", List.of());
        JsonNode body = deliverAndAwait("c_own", Instant.now().minus(Duration.ofHours(25)));

        assertThat(body.path("type").asText()).isEqualTo("template");
        assertThat(body.has("text")).isFalse();
        JsonNode template = body.path("template");
        assertThat(template.path("name").asText()).isEqualTo("cobro_seguimiento");
        assertThat(template.path("language").path("code").asText()).as("from the debtor's locale es-CO").isEqualTo("es");
        JsonNode parameters = template.path("components").get(0).path("parameters");
        assertThat(template.path("components").get(0).path("type").asText()).isEqualTo("body");
        assertThat(parameters).hasSize(2);
        assertThat(parameters.get(0).path("type").asText()).isEqualTo("text");
        assertThat(parameters.get(0).path("text").asText()).isEqualTo("Ana");
        assertThat(parameters.get(1).path("text").asText()).isEqualTo("Ana María Pérez");
    }

    @Test
    void aFlowTemplateWithoutLanguageFallsBackToTheConfiguredWindowTemplateLanguage() throws Exception {
        DebtorDirectory debtors = new OneDebtor(ana);
        rig.channel = rig.channel(debtors, new FlowWindowTemplates(conversations, new CompiledFlows(new TwoFlows()), debtors, rig.clock)
                        .fallbackLanguage("es_MX"));
        conversation("c_lang", "seguimiento", List.of());
        JsonNode body = deliverAndAwait("c_lang", Instant.now().minus(Duration.ofHours(25)));

        assertThat(body.path("template").path("name").asText()).isEqualTo("cobro_seguimiento");
        assertThat(body.path("template").path("language").path("code").asText())
                .as("es-CO maps to no Meta code of its own: whatsapp.window-template-language").isEqualTo("es_MX");
    }

    @Test
    void aFlowWithoutOneUsesTheGlobalTemplate() throws Exception {
        conversation("c_global", "simple", List.of());
        JsonNode body = deliverAndAwait("c_global", Instant.now().minus(Duration.ofHours(25)));

        assertThat(body.path("type").asText()).isEqualTo("template");
        assertThat(body.path("template").path("name").asText()).isEqualTo("cobro_global");
        assertThat(body.path("template").has("components")).isFalse();
    }

    @Test
    void insideASubflowTheCallingFlowsTemplateApplies() throws Exception {
        conversation("c_sub", "simple", List.of(new StackFrame("seguimiento", 1, "fin")));
        JsonNode body = deliverAndAwait("c_sub", Instant.now().minus(Duration.ofHours(30)));

        assertThat(body.path("template").path("name").asText()).isEqualTo("cobro_seguimiento");
    }

    @Test
    void insideTheWindowTheFlowsTemplateIsNotUsed() throws Exception {
        conversation("c_open", "seguimiento", List.of());
        JsonNode body = deliverAndAwait("c_open", Instant.now().minus(Duration.ofHours(2)));

        assertThat(body.path("type").asText()).isEqualTo("text");
        assertThat(body.path("text").path("body").asText()).isEqualTo("Hola Ana, ¿pudiste revisar tu saldo?");
    }

    @Test
    void parametersAreMadeAcceptableToMeta() {
        assertThat(FlowWindowTemplates.metaSafe("Ana\nPérez\tx")).isEqualTo("Ana Pérez x");
        assertThat(FlowWindowTemplates.metaSafe("  ")).isEqualTo("-");
        assertThat(FlowWindowTemplates.metaSafe("a" + " ".repeat(8) + "b")).isEqualTo("a    b");
    }

    /** Version 1 of the two flows above. */
    private static final class TwoFlows implements FlowCatalog {
        private final FlowReader reader = new FlowReader();

        public Mono<FlowVersion> published(String flowId) {
            return version(flowId, 1);
        }

        public Mono<FlowVersion> version(String flowId, int version) {
            return switch (flowId) {
                case "seguimiento" -> Mono.just(new FlowVersion(reader.read(flowId, WITH_TEMPLATE), 1));
                case "simple" -> Mono.just(new FlowVersion(reader.read(flowId, WITHOUT_TEMPLATE), 1));
                default -> Mono.empty();
            };
        }

        public Mono<FlowVersion> forStage(long daysPastDue) {
            return Mono.empty();
        }
    }

    private record OneDebtor(Debtor debtor) implements DebtorDirectory {
        public Mono<Debtor> findById(String id) { return debtor.id().equals(id) ? Mono.just(debtor) : Mono.empty(); }
        public Mono<Debtor> findByPhone(String phone) { return Mono.empty(); }
        public Mono<Debtor> findByBsuid(String bsuid) { return Mono.empty(); }
        public Mono<Void> linkBsuid(String debtorId, String bsuid) { return Mono.empty(); }
        public Mono<Boolean> verifyDocument(String debtorId, String digits) { return Mono.just(false); }
        public Mono<Void> optOut(String debtorId, String channel, Instant at) { return Mono.empty(); }
        public Mono<Void> flagWrongParty(String debtorId, Instant at) { return Mono.empty(); }
    }
}
