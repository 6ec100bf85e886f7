package dev.cobra.runtime.channel.email;

import dev.cobra.runtime.compliance.ConsentLedger;
import dev.cobra.runtime.conversation.engine.CollectionActions;
import dev.cobra.runtime.debtor.Debtor;
import dev.cobra.runtime.debtor.DebtorDirectory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;
import reactor.core.publisher.Mono;

import java.time.Clock;

/**
 * The public unsubscribe route of every email: {@code GET /email/unsubscribe/{token}} (the link in the body) and
 * {@code POST} (RFC 8058 one-click from the mail client). A genuine token opts the debtor out through the consent
 * ledger — which, as every opt-out, withdraws consent on every channel at once — tells the creditor's systems
 * ({@code opted_out} event) and answers a short page in the
 * debtor's language; a forged token gets 404 and changes nothing. Unsubscribing twice records one opt-out.
 */
@RestController
public class UnsubscribeController {

    static final String PATH_PREFIX = "/email/unsubscribe/";

    private final UnsubscribeKeys keys;
    private final DebtorDirectory debtors;
    private final ConsentLedger ledger;
    private final CollectionActions actions;
    private final Clock clock;

    public UnsubscribeController(UnsubscribeKeys keys, DebtorDirectory debtors, ConsentLedger ledger,
                                 CollectionActions actions, Clock clock) {
        this.keys = keys;
        this.debtors = debtors;
        this.ledger = ledger;
        this.actions = actions;
        this.clock = clock;
    }

    @GetMapping(value = PATH_PREFIX + "{token}", produces = MediaType.TEXT_HTML_VALUE)
    public Mono<ResponseEntity<String>> unsubscribeFromLink(@PathVariable String token) {
        return unsubscribe(token);
    }

    @PostMapping(value = PATH_PREFIX + "{token}", produces = MediaType.TEXT_HTML_VALUE)
    public Mono<ResponseEntity<String>> unsubscribeOneClick(@PathVariable String token) {
        return unsubscribe(token);
    }

    private Mono<ResponseEntity<String>> unsubscribe(String token) {
        return keys.debtorIdOf(token)
                .flatMap(debtors::findById)
                .flatMap(debtor -> (debtor.optedOut() ? Mono.empty()
                        : ledger.record(new ConsentLedger.Entry(null, debtor.id(), "email", false,
                        "Unsubscribe link of an email", "email-unsubscribe", clock.instant(), "debtor"))
                        .flatMap(entry -> actions.emitEvent(new CollectionActions.ConversationEvent("opted_out", null,
                                debtor.id(), java.util.Map.of("channel", "email", "source", "email-unsubscribe"),
                                entry.at()))))
                        .then(Mono.just(page(HttpStatus.OK, english(debtor), true))))
                .defaultIfEmpty(page(HttpStatus.NOT_FOUND, false, false));
    }

    private static boolean english(Debtor debtor) {
        return debtor.locale() != null && debtor.locale().toLowerCase(java.util.Locale.ROOT).startsWith("en");
    }

    private static ResponseEntity<String> page(HttpStatus status, boolean english, boolean done) {
        String title = done ? (english ? "You are unsubscribed" : "Te diste de baja")
                : "Enlace no válido · Link not valid";
        String body = done
                ? (english ? "We will not send you more messages on any channel. If this was a mistake, contact us."
                : "No te enviaremos más mensajes por ningún canal. Si fue un error, comunícate con nosotros.")
                : "Este enlace de baja no es válido. · This unsubscribe link is not valid.";
        String html = "<!DOCTYPE html><html lang=\"" + (english ? "en" : "es") + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>" + esc(title)
                + "</title></head><body style=\"font-family:Arial,Helvetica,sans-serif;max-width:560px;margin:40px auto\">"
                + "<h1>" + esc(title) + "</h1><p>" + esc(body) + "</p></body></html>";
        return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'")
                .body(html);
    }

    private static String esc(String value) {
        return HtmlUtils.htmlEscape(value, "UTF-8");
    }
}
