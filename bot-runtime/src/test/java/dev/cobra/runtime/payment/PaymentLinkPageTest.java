package dev.cobra.runtime.payment;

import dev.cobra.runtime.collections.OperationsRuntimeTest;
import dev.cobra.runtime.conversation.WebchatDriver;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The bot's payment link is signed and opens the built-in demo page, where paying records one payment. */
class PaymentLinkPageTest extends OperationsRuntimeTest {

    private static final Pattern LINK = Pattern.compile("https?://\\S+/pay/(\\S+)");

    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void theSignedLinkOpensTheDemoPageAndPayingTwiceRecordsOnePayment() {
        WebchatDriver chat = chat();
        chat.loadDebtor(WebchatDriver.defaultDebtor("D-PAY-1", WebchatDriver.today(), Map.of("phone", "+573006660001")));
        WebchatDriver.Session session = chat.open(chat.token("D-PAY-1"));
        chat.say(session, "1234");
        String text = chat.choose(session, "pay_now").text();
        Matcher m = LINK.matcher(text);
        assertThat(m.find()).as("a /pay/ link in: %s", text).isTrue();
        String token = m.group(1);
        assertThat(URI.create(m.group()).getPath()).isEqualTo("/pay/" + token);

        String page = client.get().uri("/pay/{t}", token).exchange().expectStatus().isOk()
                .expectHeader().valueMatches("Content-Security-Policy", ".*default-src 'none'.*")
                .expectHeader().valueMatches("Cache-Control", ".*no-store.*")
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("1250000").contains("COP").contains("<form method=\"post\"").doesNotContain("<script")
                .doesNotContain("Ana");
        client.get().uri("/pay/pay.css").exchange().expectStatus().isOk();

        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA");
        client.get().uri("/pay/{t}", tampered).exchange().expectStatus().isNotFound();
        client.post().uri("/pay/{t}", tampered).exchange().expectStatus().isNotFound();

        for (int i = 0; i < 2; i++) {
            assertThat(client.post().uri("/pay/{t}", token).exchange().expectStatus().isOk().expectBody(String.class)
                    .returnResult().getResponseBody()).contains("Pago recibido");
        }
        assertThat(mongo.count(Query.query(Criteria.where("debtorId").is("D-PAY-1")), "payments")
                .block(Duration.ofSeconds(10))).isEqualTo(1);
        assertThat(client.get().uri("/pay/{t}", token).exchange().expectStatus().isOk().expectBody(String.class)
                .returnResult().getResponseBody()).contains("Pago recibido");
    }

    @Test
    void tokensAreSignedAndExpire() {
        byte[] key = "k".repeat(32).getBytes(StandardCharsets.UTF_8);
        Instant now = Instant.parse("2026-11-18T12:00:00Z");
        String token = PaymentLinkTokens.sign(key, "pl_abc", now.plusSeconds(60));
        assertThat(PaymentLinkTokens.verify(key, token, now)).hasValueSatisfying(v -> assertThat(v.linkId()).isEqualTo("pl_abc"));
        assertThat(PaymentLinkTokens.verify(key, token, now.plusSeconds(61))).as("expired").isEmpty();
        assertThat(PaymentLinkTokens.verify("x".repeat(32).getBytes(StandardCharsets.UTF_8), token, now)).as("other key").isEmpty();
        assertThat(PaymentLinkTokens.verify(key, token.replace("pl_abc", "pl_abd"), now)).as("other link").isEmpty();
        String[] parts = token.split("\\.");
        assertThat(PaymentLinkTokens.verify(key, parts[0] + "." + (Long.parseLong(parts[1]) + 3600) + "." + parts[2], now))
                .as("extended expiry").isEmpty();
        assertThat(PaymentLinkTokens.verify(key, "garbage", now)).isEmpty();
    }
}
