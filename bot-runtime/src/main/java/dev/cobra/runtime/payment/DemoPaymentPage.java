package dev.cobra.runtime.payment;

import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;
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

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;

/**
 * The built-in demo payment page the embedded link provider points at: {@code GET /pay/{token}} shows the amount
 * of a valid, unexpired signed link and a "pay (demo)" button; {@code POST /pay/{token}} records the payment as if
 * a gateway had confirmed it (reference {@code demo-<linkId>}, so pressing twice pays once). Server-rendered, no
 * script, one same-origin stylesheet, strict CSP. Never shows who the debtor is.
 */
@RestController
public class DemoPaymentPage {

    static final String CSP = "default-src 'none'; style-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
    private static final String CSS = """
            body{font-family:system-ui,sans-serif;background:#f4f6f8;color:#1d2733;margin:0;padding:2rem}
            main{max-width:26rem;margin:auto;background:#fff;border-radius:12px;padding:1.5rem;box-shadow:0 2px 8px #0002}
            h1{font-size:1.3rem}.amount{font-size:2rem;font-weight:700;margin:1rem 0}
            button{background:#0b6e4f;color:#fff;border:0;border-radius:8px;padding:.8rem 1.4rem;font-size:1rem;cursor:pointer}
            .note{color:#5a6675;font-size:.85rem}.ok{color:#0b6e4f}""";

    private final SignedPaymentLinks links;
    private final PaymentRecorder recorder;
    private final Clock clock;

    public DemoPaymentPage(ObjectProvider<SignedPaymentLinks> links, PaymentRecorder recorder, ObjectProvider<Clock> clock) {
        this.links = links.getIfAvailable();
        this.recorder = recorder;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @GetMapping(path = "/pay/pay.css", produces = "text/css")
    public ResponseEntity<String> stylesheet() {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(java.time.Duration.ofHours(1))).body(CSS);
    }

    @GetMapping(path = "/pay/{token}")
    public Mono<ResponseEntity<String>> show(@PathVariable String token) {
        return link(token).map(link -> "PAID".equals(link.getString("status"))
                        ? page(HttpStatus.OK, paidBody())
                        : page(HttpStatus.OK, """
                        <h1>Pago seguro · Secure payment</h1>
                        <p class="amount">%s %s</p>
                        <form method="post" action="/pay/%s"><button type="submit">Pagar (demo) · Pay (demo)</button></form>
                        <p class="note">Página de demostración: no se cobra dinero real. Demo page: no real money is charged.</p>"""
                        .formatted(esc(link.getString("amount")), esc(link.getString("currency")), esc(token))))
                .defaultIfEmpty(invalid());
    }

    @PostMapping(path = "/pay/{token}")
    public Mono<ResponseEntity<String>> pay(@PathVariable String token) {
        Instant now = clock.instant();
        return link(token).flatMap(link -> {
            String amount = link.getString("amount");
            if (amount == null || link.getString("debtorId") == null) {
                return Mono.just(invalid());
            }
            PaymentRecorder.Payment payment = new PaymentRecorder.Payment(link.getString("debtorId"),
                    link.getString("debtId"), new BigDecimal(amount), link.getString("currency"), now,
                    "demo-" + link.getString("_id"), link.getString("conversationId"));
            return recorder.record(payment, "demo-page", now).thenReturn(page(HttpStatus.OK, paidBody()));
        }).defaultIfEmpty(invalid());
    }

    private Mono<Document> link(String token) {
        return links == null ? Mono.empty() : links.resolve(token, clock.instant());
    }

    private static String paidBody() {
        return "<h1 class=\"ok\">Pago recibido · Payment received</h1><p>Gracias. Thank you.</p>";
    }

    private static ResponseEntity<String> invalid() {
        return page(HttpStatus.NOT_FOUND, "<h1>Enlace no válido o vencido · Invalid or expired link</h1>"
                + "<p>Pide un enlace nuevo en el chat. Ask for a new link in the chat.</p>");
    }

    private static ResponseEntity<String> page(HttpStatus status, String body) {
        String html = """
                <!doctype html><html lang="es"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Pago · Payment</title><link rel="stylesheet" href="/pay/pay.css"></head>
                <body><main>%s</main></body></html>""".formatted(body);
        return ResponseEntity.status(status).contentType(MediaType.TEXT_HTML).cacheControl(CacheControl.noStore())
                .header("Content-Security-Policy", CSP).header("Referrer-Policy", "no-referrer")
                .header("X-Content-Type-Options", "nosniff").body(html);
    }

    private static String esc(String value) {
        return value == null ? "" : HtmlUtils.htmlEscape(value);
    }
}
