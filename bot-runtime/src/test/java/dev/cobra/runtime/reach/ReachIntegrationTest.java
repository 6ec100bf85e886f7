package dev.cobra.runtime.reach;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cobra.runtime.channel.sms.FakeTwilio;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18 acceptance, single links: the chat link by SMS (local Twilio stand-in) and by email (in-process SMTP server)
 * opens the right debtor's chat; STOP by SMS opts out everywhere; hours, holidays and caps apply to SMS and email as
 * to WhatsApp, with the audit trail; the email's unsubscribe link; forged SMS webhooks.
 */
class ReachIntegrationTest extends ReachRuntimeTest {

    @Test
    void linkBySmsOpensTheDebtorsOwnChat() throws Exception {
        http.importDebtors("[" + ReachTestSupport.debtor("S-1", "+573001110001", null, "es-CO", "America/Bogota", "CO",
                "sms", "2026-11-08") + "," + ReachTestSupport.debtor("S-2", "+573001110002", null, "es-CO",
                "America/Bogota", "CO", "sms", "2026-11-08") + "]");

        JsonNode sent = http.sendLink("S-1", "sms", 202);
        assertThat(sent.path("sent").asBoolean()).isTrue();

        List<FakeTwilio.Message> messages = smsTo("+573001110001");
        assertThat(messages).hasSize(1);
        FakeTwilio.Message sms = messages.get(0);
        assertThat(sms.form()).containsEntry("From", "+15550001111")
                .containsEntry("StatusCallback", ReachTestSupport.PUBLIC_URL + "/webhooks/sms");
        assertThat(sms.body()).contains("BAJA").doesNotContain("150"); // opt-out word, no debt detail
        assertThat(http.debtorOfChat(ReachTestSupport.chatToken(sms.body()))).isEqualTo("S-1");

        // the attempt is in the contact audit trail on its channel
        JsonNode audit = http.adminGet("/api/compliance/audit?debtorId=S-1");
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).path("channel").asText()).isEqualTo("sms");
        assertThat(audit.get(0).path("allowed").asBoolean()).isTrue();

        // no email on file: nothing to send to
        JsonNode noEmail = http.sendLink("S-2", "email", 409);
        assertThat(noEmail.path("error").asText()).isEqualTo("contact_not_allowed");
        assertThat(noEmail.path("reason").asText()).isEqualTo("no_address");
        // bad input
        http.body(http.adminPost("/api/debtors/S-2/links/send", "{\"channel\":\"fax\"}"), 400);
        http.body(http.adminPost("/api/debtors/NOPE/links/send", "{\"channel\":\"sms\"}"), 404);
        assertThat(smsTo("+573001110002")).isEmpty();
    }

    @Test
    void linkByEmailInSpanishAndEnglishWithAWorkingUnsubscribeLink() throws Exception {
        http.importDebtors("[" + ReachTestSupport.debtor("M-1", "+525511110001", "ana.m1@example.com", "es-MX",
                "America/Mexico_City", "MX", "email,whatsapp", "2026-11-08") + "," + ReachTestSupport.debtor("E-1",
                "+12125550001", "emma.e1@example.com", "en-US", "America/New_York", "US", "email", "2026-11-08") + "]");

        http.sendLink("M-1", "email", 202);
        http.sendLink("E-1", "email", 202);

        MimeMessage spanish = mailTo("ana.m1@example.com").get(0);
        assertThat(spanish.getFrom()[0].toString()).contains("cobros@cobra.test");
        assertThat(spanish.getSubject()).isEqualTo("Tu chat personal está listo");
        String text = part(spanish, "text/plain");
        String html = part(spanish, "text/html");
        assertThat(text).contains("Hola, Ana").contains("/chat/").doesNotContain("150");
        assertThat(html).contains("Abrir mi chat").contains("href=\"" + ReachTestSupport.PUBLIC_URL + "/chat/");
        assertThat(http.debtorOfChat(ReachTestSupport.chatToken(text))).isEqualTo("M-1");
        String listUnsubscribe = spanish.getHeader("List-Unsubscribe", null);
        assertThat(listUnsubscribe).startsWith("<" + ReachTestSupport.PUBLIC_URL + "/email/unsubscribe/");
        assertThat(spanish.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");

        MimeMessage english = mailTo("emma.e1@example.com").get(0);
        assertThat(english.getSubject()).isEqualTo("Your personal chat is ready");
        assertThat(part(english, "text/plain")).contains("Hello Emma").contains("unsubscribe here");
        assertThat(http.debtorOfChat(ReachTestSupport.chatToken(part(english, "text/plain")))).isEqualTo("E-1");

        // a forged unsubscribe token changes nothing; the genuine one opts the debtor out at once
        String path = listUnsubscribe.substring(1 + ReachTestSupport.PUBLIC_URL.length(), listUnsubscribe.length() - 1);
        client.get().uri(path.substring(0, path.length() - 3) + "AAA").exchange().expectStatus().isNotFound();
        assertThat(http.canContact("M-1", "email").path("reason").asText()).isEqualTo("frequency_cap"); // emailed today
        String page = client.get().uri(path).exchange().expectStatus().isOk().expectBody(String.class).returnResult()
                .getResponseBody();
        assertThat(page).contains("Te diste de baja");
        assertThat(http.canContact("M-1", "email").path("reason").asText()).isEqualTo("opted_out");
        assertThat(http.canContact("M-1", "whatsapp").path("reason").asText()).isEqualTo("opted_out");
        // one-click POST from a mail client, and a second click: one ledger entry
        client.post().uri(path).exchange().expectStatus().isOk();
        assertThat(http.adminGet("/api/compliance/consent?debtorId=M-1").path("history")).hasSize(1);
        JsonNode blocked = http.sendLink("M-1", "email", 409);
        assertThat(blocked.path("reason").asText()).isEqualTo("opted_out");
        assertThat(mailTo("ana.m1@example.com")).hasSize(1);
    }

    @Test
    void stopBySmsOptsOutOnEveryChannelAtOnce() throws Exception {
        String[] words = {"STOP", "baja", "Cancelar", "UNSUBSCRIBE"};
        StringBuilder rows = new StringBuilder("[");
        for (int i = 0; i < words.length; i++) {
            rows.append(i == 0 ? "" : ",").append(ReachTestSupport.debtor("T-" + i, "+57300222000" + i,
                    "t" + i + "@example.com", "es-CO", "America/Bogota", "CO", "whatsapp,sms,email", "2026-11-08"));
        }
        http.importDebtors(rows.append("]").toString());
        for (int i = 0; i < words.length; i++) {
            assertThat(http.canContact("T-" + i, "whatsapp").path("allowed").asBoolean()).isTrue();
            String twiml = http.inboundSms("SMSTOP" + i, "+57300222000" + i, words[i]);
            assertThat(twiml).as(words[i]).contains("<Message>").contains("no te enviaremos");
            for (String channel : List.of("whatsapp", "sms", "email", "webchat")) {
                assertThat(http.canContact("T-" + i, channel).path("reason").asText()).as(words[i] + " " + channel)
                        .isEqualTo("opted_out");
            }
        }
        // the provider retries a webhook, the debtor repeats it: one opt-out, one event for the creditor's systems
        http.inboundSms("SMSTOP0", "+573002220000", "STOP");
        http.inboundSms("SMSTOP0b", "+573002220000", "STOP");
        assertThat(http.adminGet("/api/compliance/consent?debtorId=T-0").path("history")).hasSize(1);
        assertThat(mongo.count(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("type").is("opted_out")
                        .and("debtorId").is("T-0")), "conversation_events").block()).isEqualTo(1);
        // nothing goes out to an opted-out debtor, whoever asks
        assertThat(http.sendLink("T-1", "sms", 409).path("reason").asText()).isEqualTo("opted_out");
        // forged or missing signatures are refused and change nothing
        JsonNode forged = http.body(http.smsWebhook(Map.of("MessageSid", "SMX", "From", "+573002220003",
                "Body", "START"), "not-the-token"), 403);
        assertThat(forged.path("error").asText()).isEqualTo("invalid_signature");
        client.post().uri("/webhooks/sms").bodyValue("From=%2B573002220003&Body=START")
                .header("Content-Type", "application/x-www-form-urlencoded").exchange().expectStatus().isForbidden();
        assertThat(http.canContact("T-3", "sms").path("reason").asText()).isEqualTo("opted_out");
        // a genuine START opts back in to SMS only
        assertThat(http.inboundSms("SMSTART3", "+573002220003", "START")).contains("<Message>");
        assertThat(http.canContact("T-3", "sms").path("allowed").asBoolean()).isTrue();
        assertThat(http.canContact("T-3", "whatsapp").path("reason").asText()).isEqualTo("opted_out");
    }

    @Test
    void hoursHolidaysAndCapsApplyToSmsAndEmail() throws Exception {
        http.importDebtors("[" + ReachTestSupport.debtor("H-CO", "+573003330001", "h.co@example.com", "es-CO",
                "America/Bogota", "CO", "sms,email", "2026-11-08") + "," + ReachTestSupport.debtor("H-MX",
                "+525533330001", "h.mx@example.com", "es-MX", "America/Mexico_City", "MX", "sms,email", "2026-11-08")
                + "]");

        clock.set(SUNDAY); // never on Sundays in Colombia
        JsonNode sunday = http.sendLink("H-CO", "sms", 409);
        assertThat(sunday.path("error").asText()).isEqualTo("contact_not_allowed");
        assertThat(sunday.path("reason").asText()).isEqualTo("outside_contact_hours");
        assertThat(sunday.path("nextAllowedAt").asText()).isEqualTo("2026-11-17T12:00:00Z"); // Tuesday 07:00 Bogotá
        clock.set(CO_HOLIDAY);
        assertThat(http.sendLink("H-CO", "email", 409).path("reason").asText()).isEqualTo("holiday");
        clock.set(TUESDAY);
        http.sendLink("H-CO", "sms", 202);
        JsonNode capped = http.sendLink("H-CO", "email", 409); // one contact a day, one channel a week
        assertThat(capped.path("reason").asText()).isEqualTo("frequency_cap");
        assertThat(capped.path("nextAllowedAt").isTextual()).isTrue();
        assertThat(smsTo("+573003330001")).hasSize(1);
        assertThat(mailTo("h.co@example.com")).isEmpty();

        clock.set(Instant.parse("2026-11-17T05:00:00Z")); // 23:00 on Monday in Mexico City: after 22:00
        assertThat(http.sendLink("H-MX", "email", 409).path("reason").asText()).isEqualTo("outside_contact_hours");
        clock.set(TUESDAY);
        http.sendLink("H-MX", "email", 202);
        assertThat(http.sendLink("H-MX", "sms", 409).path("reason").asText()).isEqualTo("frequency_cap");

        JsonNode audit = http.adminGet("/api/compliance/audit?debtorId=H-CO");
        assertThat(audit).extracting(row -> row.path("channel").asText() + ":" + row.path("reason").asText())
                .containsExactly("sms:outside_contact_hours", "email:holiday", "sms:allowed", "email:frequency_cap");
    }

    @Test
    void inboundTextIsAnsweredWithTheChatLinkAndUnknownNumbersGetNothing() throws Exception {
        http.importDebtors("[" + ReachTestSupport.debtor("I-1", "+573004440001", null, "es-CO", "America/Bogota", "CO",
                "sms", "2026-11-08") + "]");
        String twiml = http.inboundSms("SMIN1", "+573004440001", "hola, cuanto debo?");
        assertThat(http.debtorOfChat(ReachTestSupport.chatToken(twiml))).isEqualTo("I-1");
        assertThat(http.inboundSms("SMIN2", "+573009999999", "hola")).doesNotContain("<Message>");
    }
}
