package dev.cobra.runtime.campaign;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class OptOutNoticeTest {

    private static Campaign campaign(String country) {
        return new Campaign("cmp-1", "x", "early", "t", "es", new Segment(0, 30, null, null, country, null), "whatsapp",
                Campaign.DRAFT, Instant.EPOCH, "admin", null, null);
    }

    @Test
    void warnsOnlyWhenUsDebtorsMayGetATemplateWithoutAnOptOutNotice() {
        assertThat(OptOutNotice.warnings(campaign(null), "Hola {{1}}, tu pago vence pronto.")).hasSize(1);
        assertThat(OptOutNotice.warnings(campaign("US"), "Hi {{1}}, your payment is due. Reply STOP to opt out.")).isEmpty();
        assertThat(OptOutNotice.warnings(campaign("US"), null)).hasSize(1);
        assertThat(OptOutNotice.warnings(campaign("CO"), "Hola {{1}}, tu pago vence pronto.")).isEmpty();
        assertThat(OptOutNotice.warnings(campaign(null), "Responde BAJA si no deseas recibir más mensajes.")).isEmpty();
    }
}
