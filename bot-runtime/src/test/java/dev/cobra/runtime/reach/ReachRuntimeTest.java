package dev.cobra.runtime.reach;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.cobra.runtime.channel.sms.FakeTwilio;
import dev.cobra.runtime.config.IsolatedRuntime;
import dev.cobra.runtime.conversation.PinnedClock;
import dev.cobra.runtime.conversation.PinnedClockConfiguration;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The runtime of the reach tests, shared by every subclass (one Spring context): SMS through a local Twilio stand-in,
 * email through an in-process SMTP server (GreenMail), a pinned clock. The stand-ins live as long as the test JVM,
 * like the cached context that points at them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bot.public-url=" + ReachTestSupport.PUBLIC_URL, "bot.sms.account-sid=" + ReachTestSupport.SID,
        "bot.sms.auth-token=" + ReachTestSupport.TOKEN, "bot.sms.from=+15550001111",
        "bot.email.from=cobros@cobra.test", "bot.email.from-name=Cobra", "spring.mail.host=127.0.0.1",
        "campaigns.poll-interval=PT0.1S"})
@Import(PinnedClockConfiguration.class)
abstract class ReachRuntimeTest {

    /** Wednesday 18 Nov 2026 15:00 UTC: 10:00 in Bogotá, 09:00 in Mexico City, 10:00 in New York. */
    static final Instant WEDNESDAY = Instant.parse("2026-11-18T15:00:00Z");
    static final Instant SUNDAY = Instant.parse("2026-11-15T15:00:00Z");
    /** Monday 16 Nov 2026 is a public holiday in Colombia (Independencia de Cartagena, moved to Monday). */
    static final Instant CO_HOLIDAY = Instant.parse("2026-11-16T15:00:00Z");
    static final Instant TUESDAY = Instant.parse("2026-11-17T15:00:00Z");

    static FakeTwilio twilio;
    static GreenMail smtp;

    @DynamicPropertySource
    static synchronized void properties(DynamicPropertyRegistry registry) throws Exception {
        IsolatedRuntime.register(registry);
        if (twilio == null) {
            twilio = new FakeTwilio(ReachTestSupport.SID, ReachTestSupport.TOKEN);
            smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
            smtp.start();
        }
        registry.add("bot.sms.base-url", twilio::baseUrl);
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
    }

    @Autowired
    WebTestClient client;

    @Autowired
    PinnedClock clock;

    @Autowired
    org.springframework.data.mongodb.core.ReactiveMongoTemplate mongo;

    ReachTestSupport http;

    @BeforeEach
    void setUp() {
        client = client.mutate().responseTimeout(Duration.ofSeconds(60)).build();
        http = new ReachTestSupport(client);
        clock.set(WEDNESDAY);
    }

    List<FakeTwilio.Message> smsTo(String phone) {
        return twilio.messages().stream().filter(m -> phone.equals(m.to())).toList();
    }

    List<MimeMessage> mailTo(String address) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            if (Arrays.stream(message.getAllRecipients()).anyMatch(a -> a.toString().equals(address))) {
                found.add(message);
            }
        }
        return found;
    }

    static String part(Part part, String type) throws Exception {
        if (part.isMimeType(type)) {
            return (String) part.getContent();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = part(multipart.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

}
