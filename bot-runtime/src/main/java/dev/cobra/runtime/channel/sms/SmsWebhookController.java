package dev.cobra.runtime.channel.sms;

import dev.cobra.runtime.channel.webchat.WebchatLinkService;
import dev.cobra.runtime.compliance.ConsentLedger;
import dev.cobra.runtime.conversation.engine.CollectionActions;
import dev.cobra.runtime.debtor.Debtor;
import dev.cobra.runtime.debtor.DebtorDirectory;
import dev.cobra.runtime.debtor.PhoneNumbers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * {@code POST /webhooks/sms}: what the SMS provider sends, authorised only by {@code X-Twilio-Signature} over
 * {@code bot.public-url + /webhooks/sms} and the form. Two kinds arrive here:
 * <ul>
 *   <li>status callbacks ({@code MessageSid}, {@code MessageStatus}, no {@code Body}): the message's status moves
 *       forward, and campaign counts follow;</li>
 *   <li>inbound messages ({@code From}, {@code Body}, {@code MessageSid}): an opt-out keyword opts the debtor out on
 *       every channel at once (through the consent ledger, and the creditor's systems hear an {@code opted_out}
 *       event); START opts back in to SMS; HELP explains; other text from
 *       a contactable debtor is answered with their personal chat link. Answers are TwiML. A message id seen before
 *       is acknowledged and not processed again.</li>
 * </ul>
 */
@RestController
public class SmsWebhookController {

    static final String PATH = "/webhooks/sms";
    static final String SIGNATURE_HEADER = "X-Twilio-Signature";
    private static final Logger log = LoggerFactory.getLogger(SmsWebhookController.class);
    private static final MediaType TWIML = MediaType.parseMediaType("text/xml;charset=UTF-8");

    private final SmsProperties properties;
    private final SmsMessageStore store;
    private final DebtorDirectory debtors;
    private final ConsentLedger ledger;
    private final WebchatLinkService links;
    private final CollectionActions actions;
    private final String webhookUrl;
    private final Clock clock;

    public SmsWebhookController(SmsProperties properties, SmsMessageStore store, DebtorDirectory debtors,
                                ConsentLedger ledger, WebchatLinkService links, CollectionActions actions,
                                @org.springframework.beans.factory.annotation.Value("${bot.public-url:http://localhost:${server.port:8080}}") String publicUrl,
                                Clock clock) {
        this.properties = properties;
        this.store = store;
        this.debtors = debtors;
        this.ledger = ledger;
        this.links = links;
        this.actions = actions;
        this.webhookUrl = webhookUrl(publicUrl);
        this.clock = clock;
    }

    /** The URL the provider calls and signs: {@code bot.public-url} without a trailing slash + {@code /webhooks/sms}. */
    static String webhookUrl(String publicUrl) {
        String base = publicUrl == null ? "" : publicUrl.trim();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return base + PATH;
    }

    @io.swagger.v3.oas.annotations.Operation(summary = "Inbound SMS and delivery statuses from the SMS provider",
            description = "Twilio's form fields (From, To, Body, MessageSid, MessageStatus, ...), authorised by "
                    + "X-Twilio-Signature only: base64(HMAC-SHA1(auth token, bot.public-url + /webhooks/sms + every form "
                    + "key and value in key order)). Opt-out keywords (STOP, BAJA, CANCELAR, UNSUBSCRIBE, ...) opt the "
                    + "debtor out on every channel. Answers TwiML (messages) or 204 (statuses); 403 on a bad signature.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content =
            @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/x-www-form-urlencoded")))
    @io.swagger.v3.oas.annotations.Parameter(name = SIGNATURE_HEADER, in = io.swagger.v3.oas.annotations.enums.ParameterIn.HEADER,
            required = true, description = "The provider's request signature")
    @PostMapping(value = PATH)
    public Mono<ResponseEntity<?>> receive(ServerWebExchange exchange) {
        if (!properties.webhookConfigured()) {
            return Mono.just(error(HttpStatus.SERVICE_UNAVAILABLE, "not_configured", "bot.sms.auth-token is not set"));
        }
        String signature = exchange.getRequest().getHeaders().getFirst(SIGNATURE_HEADER);
        return exchange.getFormData().flatMap(form -> {
            if (!TwilioSignature.isValid(properties.authToken(), webhookUrl, form, signature)) {
                log.warn("sms.webhook.rejected reason=signature fields={}", form.size());
                return Mono.just(error(HttpStatus.FORBIDDEN, "invalid_signature", "Missing or wrong X-Twilio-Signature"));
            }
            Instant now = clock.instant();
            String sid = first(form, "MessageSid", "SmsSid");
            String body = form.getFirst("Body");
            String status = first(form, "MessageStatus", "SmsStatus");
            if (body == null && status != null) {
                return store.applyStatus(sid, status.toLowerCase(java.util.Locale.ROOT), form.getFirst("ErrorCode"), now)
                        .thenReturn(ResponseEntity.noContent().build());
            }
            if (sid == null || form.getFirst("From") == null) {
                return Mono.just(error(HttpStatus.BAD_REQUEST, "invalid_sms", "From and MessageSid are required"));
            }
            return inbound(sid, form.getFirst("From"), body == null ? "" : body, now)
                    .map(reply -> ResponseEntity.ok().contentType(TWIML).body((Object) twiml(reply)));
        });
    }

    /** Handles one inbound message; emits the reply text, or "" for none. */
    private Mono<String> inbound(String sid, String from, String body, Instant now) {
        SmsKeywords.Kind kind = SmsKeywords.classify(body);
        return debtors.findByPhone(from)
                .flatMap(debtor -> store.recordInbound(sid, debtor.id(), kind == SmsKeywords.Kind.OPT_OUT, now)
                        .flatMap(first -> first ? act(debtor, kind, now) : Mono.just("")))
                .switchIfEmpty(Mono.defer(() -> {
                    log.info("sms.inbound.unknown_number from={}", PhoneNumbers.mask(from));
                    return store.recordInbound(sid, null, kind == SmsKeywords.Kind.OPT_OUT, now).thenReturn("");
                }));
    }

    private Mono<String> act(Debtor debtor, SmsKeywords.Kind kind, Instant now) {
        boolean english = SmsReplies.english(debtor.locale());
        Mono<Void> replied = store.markReplied(debtor.id(), now);
        return switch (kind) {
            case OPT_OUT -> replied.then(debtor.optedOut() ? Mono.empty()
                            : ledger.record(new ConsentLedger.Entry(null, debtor.id(), "sms", false,
                            "Opt-out keyword texted from the debtor's number", "sms-keyword", now, "debtor"))
                            .flatMap(entry -> actions.emitEvent(new CollectionActions.ConversationEvent("opted_out", null,
                                    debtor.id(), Map.of("channel", "sms", "source", "sms-keyword"), now)))
                            .doOnSuccess(done -> log.info("sms.inbound.opt_out debtorId={}", debtor.id())))
                    .thenReturn(SmsReplies.optedOut(english));
            case OPT_IN -> replied.then(ledger.record(new ConsentLedger.Entry(null, debtor.id(), "sms", true,
                            "Opt-in keyword (START) texted from the debtor's number", "sms-keyword", now, "debtor")))
                    .thenReturn(SmsReplies.optedIn(english));
            case HELP -> replied.thenReturn(SmsReplies.help(english));
            case TEXT -> replied.then(debtor.optedOut() || debtor.wrongParty() ? Mono.just("")
                    : links.createLink(debtor.id()).map(link -> SmsReplies.chatLink(english, link.url())));
        };
    }

    private static String first(MultiValueMap<String, String> form, String name, String alternative) {
        String value = form.getFirst(name);
        return value != null ? value : form.getFirst(alternative);
    }

    static String twiml(String reply) {
        if (reply == null || reply.isEmpty()) {
            return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>";
        }
        String escaped = reply.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Message>" + escaped + "</Message></Response>";
    }

    private static ResponseEntity<?> error(HttpStatus status, String code, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("error", code, "message", message));
    }
}
