package dev.cobra.runtime.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cobra.runtime.campaign.Campaign;
import dev.cobra.runtime.campaign.CampaignService;
import dev.cobra.runtime.campaign.Segment;
import dev.cobra.runtime.channel.webchat.WebchatLinkService;
import dev.cobra.runtime.channel.whatsapp.WhatsAppTemplateRegistry;
import dev.cobra.runtime.debtor.PortfolioImporter;
import dev.cobra.runtime.payment.PaymentRecorder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * First-run activity of a demo install (only with {@code bot.demo.enabled}, only right after the demo portfolio was
 * loaded into an empty database): more invented debtors, real webchat conversations over this server's own public
 * webchat API (promises, payment links, people waiting for an agent, an opt-out, a dispute), payments recorded as a
 * creditor would, and a campaign started on a demo template, so the KPI dashboard, the agents' queue and the
 * campaign results show something on a new install. Everything goes through the same code as real traffic.
 *
 * <p>The demo campaign's template ({@link #TEMPLATE}) does not exist on any Meta account: should someone connect
 * a real WhatsApp number to a demo install, Meta refuses those queued messages instead of delivering them.
 */
@Component
public class DemoActivity {

    private static final Logger log = LoggerFactory.getLogger(DemoActivity.class);
    static final String TEMPLATE = "cobra_demo_recordatorio";
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(30);

    /** What each invented debtor does in the demo. */
    enum Script { PROMISE, PAY_NOW, AGENT, OPT_OUT, DISPUTE, SILENT }

    record Extra(String id, String name, String country, String locale, String timezone, String phone, String currency,
                 long balance, long daysPastDue, boolean consent, Script script) {
    }

    static final List<Extra> EXTRAS = List.of(
            new Extra("DEMO-S01", "Camila Rojas", "CO", "es-CO", "America/Bogota", "+573005550101", "COP", 860000, 6, true, Script.PROMISE),
            new Extra("DEMO-S02", "Andrés Gómez", "CO", "es-CO", "America/Bogota", "+573005550102", "COP", 420000, 12, true, Script.PAY_NOW),
            new Extra("DEMO-S03", "Valentina Ortiz", "CO", "es-CO", "America/Bogota", "+573005550103", "COP", 1530000, 18, true, Script.AGENT),
            new Extra("DEMO-S04", "Jorge Castaño", "CO", "es-CO", "America/Bogota", "+573005550104", "COP", 275000, 25, false, Script.OPT_OUT),
            new Extra("DEMO-S05", "Daniela Muñoz", "CO", "es-CO", "America/Bogota", "+573005550105", "COP", 990000, 4, true, Script.PROMISE),
            new Extra("DEMO-S06", "Sofía Ramírez", "MX", "es-MX", "America/Mexico_City", "+525555500106", "MXN", 12400, 9, true, Script.DISPUTE),
            new Extra("DEMO-S07", "Diego Navarro", "MX", "es-MX", "America/Mexico_City", "+525555500107", "MXN", 6800, 21, true, Script.AGENT),
            new Extra("DEMO-S08", "Mariana Flores", "MX", "es-MX", "America/Mexico_City", "+525555500108", "MXN", 15900, 14, true, Script.PAY_NOW),
            new Extra("DEMO-S09", "Emily Carter", "US", "en-US", "America/New_York", "+12025550109", "USD", 640, 8, true, Script.PROMISE),
            new Extra("DEMO-S10", "Lucía Serrano", "ES", "es-ES", "Europe/Madrid", "+34600000110", "EUR", 1850, 16, true, Script.SILENT),
            new Extra("DEMO-S11", "Pedro Salazar", "CO", "es-CO", "America/Bogota", "+573005550111", "COP", 3100000, 52, true, Script.SILENT),
            new Extra("DEMO-S12", "Gabriela Méndez", "MX", "es-MX", "America/Mexico_City", "+525555500112", "MXN", 22000, 95, true, Script.SILENT));

    private final PortfolioImporter importer;
    private final ObjectProvider<WebchatLinkService> links;
    private final PaymentRecorder payments;
    private final WhatsAppTemplateRegistry templates;
    private final CampaignService campaigns;
    private final WebClient.Builder http;
    private final Clock clock;

    public DemoActivity(PortfolioImporter importer, ObjectProvider<WebchatLinkService> links, PaymentRecorder payments,
                        WhatsAppTemplateRegistry templates, CampaignService campaigns, WebClient.Builder http,
                        ObjectProvider<Clock> clock) {
        this.importer = importer;
        this.links = links;
        this.payments = payments;
        this.templates = templates;
        this.campaigns = campaigns;
        this.http = http;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    private volatile Mono<Void> started = Mono.empty();

    /** Starts {@link #generate} in the background; {@link #finished()} completes when it is done. */
    public void start(String baseUrl) {
        Mono<Void> run = generate(baseUrl).cache();
        started = run;
        run.subscribe();
    }

    /** Completes when the activity started by {@link #start} is done (at once when none was started). */
    public Mono<Void> finished() {
        return started;
    }

    /** Generates the activity against the server at {@code baseUrl}; errors are logged, never thrown. */
    public Mono<Void> generate(String baseUrl) {
        WebClient client = http.clone().baseUrl(baseUrl).build();
        return importer.importRows(rows(clock))
                .thenMany(Flux.fromIterable(EXTRAS).concatMap(extra -> converse(client, extra)
                        .onErrorResume(e -> {
                            log.warn("demo.activity.conversation.failed debtorId={} cause={}", extra.id(), e.toString());
                            return Mono.empty();
                        })))
                .then(recordPayments())
                .then(startCampaign())
                .doOnSuccess(v -> log.info("demo.activity.done debtors={}", EXTRAS.size()))
                .onErrorResume(e -> {
                    log.warn("demo.activity.failed cause={}", e.toString());
                    return Mono.empty();
                });
    }

    /** Due dates count from today in each debtor's own zone, where days past due are counted. */
    static List<PortfolioImporter.Row> rows(Clock clock) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        List<PortfolioImporter.Row> rows = new ArrayList<>();
        IntStream.range(0, EXTRAS.size()).forEach(i -> {
            Extra e = EXTRAS.get(i);
            LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(e.timezone())));
            ObjectNode row = json.objectNode().put("id", e.id()).put("name", e.name()).put("phone", e.phone())
                    .put("locale", e.locale()).put("timezone", e.timezone()).put("country", e.country())
                    .put("documentLast4", digits(e));
            if (e.consent()) {
                row.putObject("consent").putObject("whatsapp").put("optedIn", true)
                        .put("at", today.minusDays(60).atStartOfDay().toInstant(ZoneOffset.UTC).toString())
                        .put("source", "demo");
            }
            row.putArray("debts").addObject().put("id", e.id().replace("DEMO-", "L-"))
                    .put("product", e.currency().equals("COP") ? "Tarjeta de crédito" : "Préstamo personal")
                    .put("balance", e.balance()).put("currency", e.currency())
                    .put("dueDate", today.minusDays(e.daysPastDue()).toString());
            rows.add(new PortfolioImporter.Row(i + 1, row, null));
        });
        return rows;
    }

    /** The last four document digits of an invented debtor (public on purpose, like the demo debtors'). */
    static String digits(Extra e) {
        return "4" + e.id().substring(e.id().length() - 2) + "0";
    }

    private Mono<Void> converse(WebClient client, Extra extra) {
        List<Map<String, String>> turns = switch (extra.script()) {
            case PROMISE -> List.of(text(digits(extra)), option("promise"), text("el viernes"),
                    text(String.valueOf(extra.balance() / 2)), option("confirm_yes"));
            case PAY_NOW -> List.of(text(digits(extra)), option("pay_now"));
            case AGENT -> List.of(text(digits(extra)), text("quiero hablar con una persona por favor"));
            case OPT_OUT -> List.of(text("BAJA"));
            case DISPUTE -> List.of(text(digits(extra)), text("no reconozco esa deuda, yo nunca saqué ese préstamo"));
            case SILENT -> List.of();
        };
        if (turns.isEmpty()) {
            return Mono.empty();
        }
        WebchatLinkService linkService = links.getIfAvailable();
        if (linkService == null) {
            return Mono.empty();
        }
        return linkService.createLink(extra.id())
                .flatMap(link -> client.post().uri("/webchat/api/sessions").bodyValue(Map.of("token", link.token()))
                        .retrieve().bodyToMono(JsonNode.class).timeout(STEP_TIMEOUT))
                .flatMap(session -> Flux.fromIterable(turns).concatMap(turn -> client.post()
                                .uri("/webchat/api/sessions/{id}/messages", session.path("sessionId").asText())
                                .bodyValue(turn).retrieve().bodyToMono(JsonNode.class).timeout(STEP_TIMEOUT))
                        .then());
    }

    private static Map<String, String> text(String text) {
        return Map.of("text", text);
    }

    private static Map<String, String> option(String id) {
        return Map.of("optionId", id);
    }

    /** Creditor-reported payments: one in full, two partial (one of them meets a promise's date). */
    private Mono<Void> recordPayments() {
        Instant now = clock.instant();
        return Flux.just(
                        new PaymentRecorder.Payment("DEMO-S02", "L-S02", new BigDecimal("420000"), "COP", now.minus(Duration.ofDays(1)), "DEMO-PAY-1"),
                        new PaymentRecorder.Payment("DEMO-S05", "L-S05", new BigDecimal("495000"), "COP", now, "DEMO-PAY-2"),
                        new PaymentRecorder.Payment("DEMO-S08", "L-S08", new BigDecimal("5000.00"), "MXN", now.minus(Duration.ofDays(2)), "DEMO-PAY-3"))
                .concatMap(p -> payments.record(p, "demo", now).onErrorResume(e -> Mono.empty()))
                .then();
    }

    /** A demo template and an early-stage campaign started on it (its contacts meet the real contact policy). */
    private Mono<Void> startCampaign() {
        Instant now = clock.instant();
        WhatsAppTemplateRegistry.Template template = new WhatsAppTemplateRegistry.Template(TEMPLATE, "es", "UTILITY",
                "APPROVED", 1, "Hola {{1}}, te escribimos de parte de tu entidad. Responde para ver tus opciones.",
                "demo", now);
        Campaign campaign = new Campaign(null, "Demo · etapa temprana", "early", TEMPLATE, "es",
                new Segment(0, 30, null, null, null, null), "whatsapp", Campaign.DRAFT, now, "demo", null, null, null,
                List.of("debtor.firstName"));
        return templates.save(template)
                .then(campaigns.create(campaign))
                .flatMap(created -> campaigns.start(created.id()))
                .doOnNext(started -> log.info("demo.activity.campaign id={} audience={}", started.id(), started.audience()))
                .then();
    }
}
