package dev.cobra.runtime.campaign;

import dev.cobra.runtime.account.DebtAccounts;
import dev.cobra.runtime.account.DebtorStanding;
import dev.cobra.runtime.channel.whatsapp.WhatsAppTemplateRegistry;
import dev.cobra.runtime.compliance.ContactPolicy;
import dev.cobra.runtime.debtor.Debtor;
import dev.cobra.runtime.debtor.DebtorStore;
import dev.cobra.runtime.flow.FlowCatalog;
import dev.cobra.runtime.web.error.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Campaign lifecycle: create (checked), preview, start (fixes the audience), pause, resume, cancel, report. */
@Service
public class CampaignService {

    private static final Logger log = LoggerFactory.getLogger(CampaignService.class);
    static final int PAGE = 500;

    private final CampaignStore campaigns;
    private final CampaignContacts contacts;
    private final DebtorStore portfolio;
    private final WhatsAppTemplateRegistry templates;
    private final ObjectProvider<FlowCatalog> flows;
    private final ContactPolicy policy;
    private final DeliveryStatuses deliveries;
    private final CampaignDispatcher dispatcher;
    private final Clock clock;
    private final DebtAccounts accounts;
    private final DebtorStanding standing;
    private final Set<String> debtDetailCountries;

    public CampaignService(CampaignStore campaigns, CampaignContacts contacts, DebtorStore portfolio,
                           WhatsAppTemplateRegistry templates, ObjectProvider<FlowCatalog> flows, ContactPolicy policy,
                           DeliveryStatuses deliveries, CampaignDispatcher dispatcher, ObjectProvider<Clock> clock,
                           DebtAccounts accounts, DebtorStanding standing,
                           @Value("${bot.campaigns.debt-detail-countries:}") List<String> debtDetailCountries) {
        this.accounts = accounts;
        this.standing = standing;
        this.debtDetailCountries = debtDetailCountries.stream().filter(c -> c != null && !c.isBlank())
                .map(c -> c.trim().toUpperCase(java.util.Locale.ROOT)).collect(java.util.stream.Collectors.toSet());
        this.campaigns = campaigns;
        this.contacts = contacts;
        this.portfolio = portfolio;
        this.templates = templates;
        this.flows = flows;
        this.policy = policy;
        this.deliveries = deliveries;
        this.dispatcher = dispatcher;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    public Mono<Campaign> create(Campaign request) {
        List<String> detail = request.templateParameters().stream().filter(TemplateParameters::debtDetail).toList();
        String country = request.segment().country();
        if (!detail.isEmpty() && (country == null || !debtDetailCountries.contains(country))) {
            return Mono.error(ApiException.badRequest("debt_detail_before_verification",
                    "A campaign template reaches a phone not yet verified as the debtor's; " + detail
                            + " would disclose debt detail. Map only debtor.firstName, debtor.name or today, or send "
                            + "the detail after verification in the conversation."));
        }
        FlowCatalog catalog = flows.getIfAvailable();
        Mono<Boolean> flowExists = catalog == null ? Mono.just(true) : catalog.published(request.flowId()).hasElement();
        return flowExists.flatMap(exists -> exists ? (request.usesWhatsApp()
                        ? templates.find(request.templateName(), request.templateLanguage()).hasElement() : Mono.just(true))
                        : Mono.error(ApiException.badRequest("unknown_flow", "No published flow with this flowId.")))
                .flatMap(exists -> exists ? campaigns.create(request)
                        : Mono.error(ApiException.badRequest("unknown_template",
                        "No registered WhatsApp template with this name and language (PUT /api/whatsapp/templates).")));
    }

    public Flux<Campaign> all() {
        return campaigns.all();
    }

    public Mono<Campaign> find(String id) {
        return campaigns.find(id).switchIfEmpty(Mono.error(() -> ApiException.notFound("No campaign with this id.")));
    }

    /** Fixes the audience from the segment and lets the dispatcher send; only approved templates go out. */
    public Mono<Campaign> start(String id) {
        Instant now = clock.instant();
        return find(id).flatMap(campaign -> (campaign.usesWhatsApp()
                ? templates.find(campaign.templateName(), campaign.templateLanguage())
                .filter(t -> "APPROVED".equals(t.status()))
                .switchIfEmpty(Mono.error(() -> ApiException.conflict("template_not_approved",
                        "Campaigns send only templates Meta approved; this one is not (yet).")))
                .flatMap(t -> t.parameters() > campaign.templateParameters().size()
                        ? Mono.error(ApiException.conflict("template_parameters_unmapped", "The template has "
                        + t.parameters() + " parameters; the campaign maps " + campaign.templateParameters().size()
                        + ". Map each one explicitly (template.parameters)."))
                        : Mono.just(t))
                .then() : Mono.<Void>empty())
                .then(campaigns.transition(id, List.of(Campaign.DRAFT), Campaign.RUNNING, now))
                .switchIfEmpty(Mono.error(() -> ApiException.conflict("invalid_state",
                        "Only a draft campaign can be started; this one is " + campaign.status() + ".")))
                .flatMap(running -> audience(running).concatMap(debtor -> contacts.enqueue(id, debtor.id(), now)
                                .thenReturn(1), 64)
                        .count()
                        .flatMap(size -> campaigns.setAudience(id, size.intValue())
                                .doOnSuccess(v -> log.info("campaign.started id={} audience={}", id, size)))
                        .then(campaigns.find(id))))
                .doOnSuccess(started -> dispatcher.wake());
    }

    public Mono<Campaign> pause(String id) {
        return change(id, List.of(Campaign.RUNNING), Campaign.PAUSED);
    }

    public Mono<Campaign> resume(String id) {
        return change(id, List.of(Campaign.PAUSED), Campaign.RUNNING).doOnSuccess(c -> dispatcher.wake());
    }

    public Mono<Campaign> cancel(String id) {
        return change(id, List.of(Campaign.DRAFT, Campaign.RUNNING, Campaign.PAUSED), Campaign.CANCELLED)
                .flatMap(campaign -> contacts.cancelPending(id).thenReturn(campaign));
    }

    private Mono<Campaign> change(String id, List<String> from, String to) {
        return find(id).flatMap(campaign -> campaigns.transition(id, from, to, clock.instant())
                .switchIfEmpty(Mono.error(() -> ApiException.conflict("invalid_state",
                        "A " + campaign.status() + " campaign cannot become " + to + "."))));
    }

    /** The audience (the segment now for a draft, the fixed audience after start) and the policy's decisions now. */
    public Mono<Map<String, Object>> preview(String id) {
        Instant now = clock.instant();
        return find(id).flatMap(campaign -> {
            // A draft previews its whole segment: paid and held debtors show as blocked with their reason.
            Flux<String> debtorIds = Campaign.DRAFT.equals(campaign.status())
                    ? segment(campaign).map(Debtor::id)
                    : contacts.of(id).map(CampaignContact::debtorId);
            Mono<List<String>> warnings = !campaign.usesWhatsApp() ? Mono.just(List.of())
                    : templates.find(campaign.templateName(), campaign.templateLanguage())
                    .map(template -> OptOutNotice.warnings(campaign, template.body()))
                    .defaultIfEmpty(List.of("The template is not in the registry."));
            return debtorIds.concatMap(debtorId -> policy.decide(debtorId, campaign.channel(), now), 16)
                    .collectList()
                    .zipWith(warnings)
                    .map(decisionsAndWarnings -> {
                        List<dev.cobra.runtime.compliance.ContactDecision> decisions = decisionsAndWarnings.getT1();
                        Map<String, Long> blocked = zeroReasons();
                        decisions.stream().filter(d -> !d.allowed())
                                .forEach(d -> blocked.merge(d.reason(), 1L, Long::sum));
                        Map<String, Object> view = new LinkedHashMap<>();
                        view.put("campaignId", id);
                        view.put("at", now.toString());
                        view.put("audience", decisions.size());
                        view.put("allowedNow", decisions.stream().filter(d -> d.allowed()).count());
                        view.put("blockReasons", blocked);
                        view.put("warnings", decisionsAndWarnings.getT2());
                        return view;
                    });
        });
    }

    /**
     * A segment's audience now, before any campaign exists (the console's segment builder): its size, how many
     * the policy would let through now, and the block reasons of the others. Nothing is written.
     */
    public Mono<Map<String, Object>> previewSegment(Segment segment, String channel) {
        Instant now = clock.instant();
        return pages(null).filter(debtor -> segment.matches(debtor, clock))
                .concatMap(debtor -> policy.decide(debtor.id(), channel, now), 16)
                .collectList()
                .map(decisions -> {
                    Map<String, Long> blocked = zeroReasons();
                    decisions.stream().filter(d -> !d.allowed()).forEach(d -> blocked.merge(d.reason(), 1L, Long::sum));
                    Map<String, Object> view = new LinkedHashMap<>();
                    view.put("at", now.toString());
                    view.put("audience", decisions.size());
                    view.put("allowedNow", decisions.stream().filter(d -> d.allowed()).count());
                    view.put("blockReasons", blocked);
                    return view;
                });
    }

    public Mono<CampaignReport> report(String id) {
        return find(id).flatMap(campaign -> rows(id).collectList().map(rows -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            CampaignReport.STATUSES.forEach(s -> counts.put(s, 0L));
            Map<String, Long> reasons = zeroReasons();
            for (CampaignReport.Row row : rows) {
                counts.merge(row.status(), 1L, Long::sum);
                if (row.reason() != null && (row.status().equals(CampaignContact.DEFERRED)
                        || row.status().equals(CampaignContact.BLOCKED))) {
                    reasons.merge(row.reason(), 1L, Long::sum);
                }
            }
            return new CampaignReport(campaign, counts, reasons);
        }));
    }

    public Flux<CampaignReport.Row> rows(String id) {
        return contacts.of(id).concatMap(contact -> deliveries.of(contact).map(delivery -> new CampaignReport.Row(
                contact.debtorId(), delivery.status(), contact.reason(), contact.attempts(),
                CampaignContact.DEFERRED.equals(contact.status()) && contact.nextAttemptAt() != null
                        ? contact.nextAttemptAt().toString() : null,
                delivery.wamid())), 16);
    }

    /**
     * The segment's debtors that collection still applies to: a paid account or a hold in force (dispute,
     * complaint, payment under review, hardship) leaves the debtor out. Segments see what is outstanding now.
     */
    private Flux<Debtor> audience(Campaign campaign) {
        Instant now = clock.instant();
        return segment(campaign)
                .concatMap(debtor -> standing.lastingBlock(debtor, now)
                        .flatMap(block -> block.isPresent() ? Mono.<Debtor>empty() : Mono.just(debtor)), 16);
    }

    private Flux<Debtor> segment(Campaign campaign) {
        return pages(null).concatMap(accounts::withOutstanding, 16)
                .filter(debtor -> campaign.segment().matches(debtor, clock));
    }

    private Flux<Debtor> pages(String after) {
        return portfolio.page(after, PAGE).collectList().flatMapMany(page -> page.size() < PAGE
                ? Flux.fromIterable(page)
                : Flux.fromIterable(page).concatWith(Flux.defer(() -> pages(page.get(page.size() - 1).id()))));
    }

    private static Map<String, Long> zeroReasons() {
        Map<String, Long> reasons = new TreeMap<>();
        CampaignReport.REASONS.forEach(r -> reasons.put(r, 0L));
        return reasons;
    }
}
