package dev.cobra.runtime.metrics;

import dev.cobra.runtime.channel.whatsapp.WhatsAppOutbox;
import dev.cobra.runtime.conversation.ConversationTurnHandler;
import dev.cobra.runtime.conversation.TurnHandler;
import dev.cobra.runtime.nlu.NluService;
import dev.cobra.runtime.nlu.OpenNlpNluService;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.mongo.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import java.time.Clock;

/**
 * Wires the metrics of {@code /actuator/prometheus}: the measured turn handler and NLU service are the primary
 * beans every caller gets (they delegate to the real ones), the driver counts its commands through
 * {@link DatabaseCommandMetrics} (Spring Boot's timing listener is off: {@code management.metrics.mongo.command
 * .enabled=false}), and the outbox lag is a gauge.
 */
@Configuration(proxyBeanMethods = false)
public class MetricsConfiguration {

    @Bean
    DatabaseCommandMetrics databaseCommandMetrics(MeterRegistry registry) {
        return new DatabaseCommandMetrics(registry);
    }

    @Bean
    MongoClientSettingsBuilderCustomizer countedDatabaseCommands(DatabaseCommandMetrics commands) {
        return settings -> settings.addCommandListener(commands).contextProvider(commands);
    }

    @Bean
    @Primary
    TurnHandler meteredTurnHandler(ConversationTurnHandler turns, MeterRegistry registry) {
        return new MeteredTurnHandler(turns, registry);
    }

    @Bean
    @Primary
    NluService meteredNluService(OpenNlpNluService nlu, MeterRegistry registry) {
        return new MeteredNluService(nlu, registry);
    }

    @Bean
    OutboxLagGauge outboxLagGauge(WhatsAppOutbox outbox, Clock clock, MeterRegistry registry) {
        return new OutboxLagGauge(outbox, clock, registry);
    }
}
