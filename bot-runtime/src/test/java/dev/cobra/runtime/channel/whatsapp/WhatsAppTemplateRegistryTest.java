package dev.cobra.runtime.channel.whatsapp;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.test.StepVerifier;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class WhatsAppTemplateRegistryTest {

    private WhatsAppRig rig;

    @AfterEach
    void close() {
        if (rig != null) {
            rig.close();
        }
    }

    @Test
    void syncReadsEveryPageOfMetasTemplatesWithStatusCategoryAndParameterCount() throws Exception {
        rig = new WhatsAppRig(1, null);
        WhatsAppTemplateRegistry registry = new WhatsAppTemplateRegistry(rig.mongo.template, WebClient.builder(),
                rig.properties);
        StepVerifier.create(registry.syncFromGraph()).expectNext(2L).verifyComplete();
        StepVerifier.create(registry.find("cobro_recordatorio", "es"))
                .assertNext(t -> {
                    assertThat(t.status()).isEqualTo("APPROVED");
                    assertThat(t.category()).isEqualTo("UTILITY");
                    assertThat(t.parameters()).isEqualTo(2);
                    assertThat(t.source()).isEqualTo("graph");
                })
                .verifyComplete();
        StepVerifier.create(registry.all().map(WhatsAppTemplateRegistry.Template::language).collectList())
                .assertNext(languages -> assertThat(languages).containsExactly("en_US", "es"))
                .verifyComplete();
    }

    @Test
    void thePackIsCreatedOnMetaWithAnExamplePerParameterAndRecordedWithMetasStatus() throws Exception {
        rig = new WhatsAppRig(1, null);
        WhatsAppTemplateRegistry registry = new WhatsAppTemplateRegistry(rig.mongo.template, WebClient.builder(),
                rig.properties);
        WhatsAppTemplatePack pack = new WhatsAppTemplatePack(rig.json, registry, WebClient.builder(), rig.properties);
        assertThat(pack.templates()).extracting(WhatsAppTemplatePack.PackTemplate::name).contains("cobranza_temprana",
                "cobranza_media", "cobranza_avanzada", "recordatorio_promesa", "pago_recibido", "plan_confirmado");
        assertThat(pack.templates()).extracting(WhatsAppTemplatePack.PackTemplate::language).containsOnly("es", "en");
        for (WhatsAppTemplatePack.PackTemplate t : pack.templates()) {
            assertThat(WhatsAppTemplateRegistry.countParameters(t.body())).as(t.name()).isEqualTo(t.parameters().size())
                    .isEqualTo(t.example().size());
            if (t.stage() != null) {
                assertThat(t.parameters()).as("a stage template reaches unverified phones").containsOnly("debtor.firstName");
            }
        }

        var submitted = pack.submit().block(java.time.Duration.ofSeconds(20));
        assertThat(submitted).hasSize(pack.templates().size()).allSatisfy(s -> {
            assertThat(s.status()).isEqualTo("PENDING");
            assertThat(s.error()).isNull();
        });
        var first = rig.graph.templateCreations.get(0);
        assertThat(first.path()).endsWith("/WABA1/message_templates");
        assertThat(first.authorization()).isEqualTo("Bearer test-token");
        assertThat(first.body().path("components").get(0).path("type").asText()).isEqualTo("BODY");
        assertThat(first.body().path("components").get(0).path("example").path("body_text").get(0)).hasSize(1);
        StepVerifier.create(registry.find("recordatorio_promesa", "es"))
                .assertNext(t -> {
                    assertThat(t.status()).isEqualTo("PENDING");
                    assertThat(t.parameters()).isEqualTo(3);
                    assertThat(t.source()).isEqualTo("pack");
                })
                .verifyComplete();

        // Submitting again: Meta refuses the existing names; each refusal is reported, nothing stops.
        var again = pack.submit().block(java.time.Duration.ofSeconds(20));
        assertThat(again).hasSize(pack.templates().size())
                .allSatisfy(s -> assertThat(s.error()).contains("already exists"));
    }

    @Test
    void aHandTypedTemplateIsValidatedAgainstMetasNamingRules() {
        assertThat(WhatsAppTemplateRegistry.validate(new WhatsAppTemplateRegistry.Template("Bad Name", "spanish",
                "PROMO", "PENDING", 0, null, "manual", Instant.now()))).hasSize(3);
        assertThat(WhatsAppTemplateRegistry.validate(new WhatsAppTemplateRegistry.Template("recordatorio_pago", "es_MX",
                "UTILITY", "APPROVED", 1, "Hola {{1}}", "manual", Instant.now()))).isEmpty();
    }
}
