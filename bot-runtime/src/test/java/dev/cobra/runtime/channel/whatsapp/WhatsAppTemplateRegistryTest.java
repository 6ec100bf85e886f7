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
    void aHandTypedTemplateIsValidatedAgainstMetasNamingRules() {
        assertThat(WhatsAppTemplateRegistry.validate(new WhatsAppTemplateRegistry.Template("Bad Name", "spanish",
                "PROMO", "PENDING", 0, null, "manual", Instant.now()))).hasSize(3);
        assertThat(WhatsAppTemplateRegistry.validate(new WhatsAppTemplateRegistry.Template("recordatorio_pago", "es_MX",
                "UTILITY", "APPROVED", 1, "Hola {{1}}", "manual", Instant.now()))).isEmpty();
    }
}
