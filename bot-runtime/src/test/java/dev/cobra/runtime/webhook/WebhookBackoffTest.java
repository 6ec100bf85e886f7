package dev.cobra.runtime.webhook;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookBackoffTest {

    @Test
    void backoffDoublesFromTheBaseAndStopsAtOneHour() {
        WebhookDispatcher dispatcher = new WebhookDispatcher(null, null,
                org.springframework.web.reactive.function.client.WebClient.builder(), null,
                new org.springframework.beans.factory.support.StaticListableBeanFactory().getBeanProvider(java.time.Clock.class),
                Duration.ofSeconds(2), Duration.ofSeconds(10), 12);
        assertThat(dispatcher.backoff(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(dispatcher.backoff(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(dispatcher.backoff(5)).isEqualTo(Duration.ofSeconds(160));
        assertThat(dispatcher.backoff(12)).isEqualTo(Duration.ofHours(1));
        assertThat(dispatcher.backoff(60)).isEqualTo(Duration.ofHours(1));
    }
}
