package dev.cobra.runtime.demo;

import dev.cobra.runtime.channel.webchat.WebchatLinkService;
import dev.cobra.runtime.config.DemoProperties;
import dev.cobra.runtime.debtor.DebtorDirectory;
import dev.cobra.runtime.debtor.DebtorStore;
import dev.cobra.runtime.debtor.ImportReport;
import dev.cobra.runtime.debtor.PortfolioImporter;
import dev.cobra.runtime.security.AdminBootstrap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Runs once the server listens: loads the demo portfolio on an empty database (unless disabled) and prints where
 * to go. The banner is printed at every start so the deep links are at hand; fresh links are issued each time
 * because only hashes of earlier tokens are stored.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
public class StartupGuide implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(StartupGuide.class);
    /** Startup work on the main thread; bounded so a broken database cannot hang the start. */
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final DemoProperties demo;
    private final PortfolioImporter importer;
    private final DebtorDirectory directory;
    private final DebtorStore portfolio;
    private final AdminBootstrap admin;
    private final ObjectProvider<WebchatLinkService> links;
    private final Environment environment;
    private final Clock clock;
    private final ObjectProvider<DemoActivity> activity;

    public StartupGuide(DemoProperties demo, PortfolioImporter importer, DebtorDirectory directory,
                        DebtorStore portfolio, AdminBootstrap admin, ObjectProvider<WebchatLinkService> links,
                        Environment environment, ObjectProvider<Clock> clock, ObjectProvider<DemoActivity> activity) {
        this.activity = activity;
        this.demo = demo;
        this.importer = importer;
        this.directory = directory;
        this.portfolio = portfolio;
        this.admin = admin;
        this.links = links;
        this.environment = environment;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Override
    public void run(ApplicationArguments args) {
        String base = "http://localhost:" + environment.getProperty("local.server.port",
                environment.getProperty("server.port", "8080"));
        List<String> lines = new ArrayList<>();
        lines.add("Cobra is running.");
        lines.add("  Staff app:  " + base + "/console/");
        lines.add("  Sign in:    user 'admin'; password: " + admin.passwordOrigin());
        if (demo.enabled()) {
            if (loadDemoPortfolioIfEmpty()) {
                // In the background: the server is usable at once, the dashboards fill within seconds.
                DemoActivity generator = activity.getIfAvailable();
                if (generator != null) {
                    generator.start(base);
                }
            }
            lines.addAll(demoLines(base));
        }
        lines.add("  Health:     " + base + "/actuator/health");
        String rule = "=".repeat(78);
        log.info("\n{}\n{}\n{}", rule, String.join("\n", lines), rule);
    }

    /** Visible for tests. Loads the demo debtors only when the portfolio is empty; true when it did. */
    boolean loadDemoPortfolioIfEmpty() {
        Long count = portfolio.count().block(TIMEOUT);
        if (count != null && count > 0) {
            return false;
        }
        var rows = DemoPortfolio.asImportRows(clock);
        List<PortfolioImporter.Row> importRows = IntStream.range(0, rows.size())
                .mapToObj(i -> new PortfolioImporter.Row(i + 1, rows.get(i), null))
                .toList();
        ImportReport report = importer.importRows(importRows).block(TIMEOUT);
        if (report == null || !report.rejected().isEmpty()) {
            log.warn("demo.portfolio.rejected rows={}", report == null ? "none" : report.rejected());
        }
        log.info("demo.portfolio.loaded debtors={}", report == null ? 0 : report.imported());
        return true;
    }

    private List<String> demoLines(String base) {
        List<String> lines = new ArrayList<>();
        WebchatLinkService linkService = links.getIfAvailable();
        if (linkService == null) {
            log.info("demo.links.skipped reason=no WebchatLinkService bean");
        }
        lines.add("  Demo debtors (verification asks for the last 4 digits of the ID document):");
        Flux.fromIterable(DemoPortfolio.DEBTORS)
                .concatMap(d -> directory.findById(d.id())
                        .flatMap(found -> linkService == null
                                ? Mono.just("(webchat links unavailable)")
                                : linkService.createLink(d.id(), base).map(WebchatLinkService.WebchatLink::url))
                        .map(url -> String.format("    %-27s %-15s %-3s digits %s  %s", d.stage(), d.name(),
                                d.country(), d.documentLast4(), url))
                        .onErrorResume(e -> {
                            log.warn("demo.link.failed debtorId={} cause={}", d.id(), e.toString());
                            return Mono.empty();
                        }))
                .collectList()
                .blockOptional(TIMEOUT)
                .ifPresent(lines::addAll);
        if (lines.size() == 1) {
            lines.add("    (none: the portfolio was not empty on first start, so no demo debtors were loaded)");
        }
        return lines;
    }
}
