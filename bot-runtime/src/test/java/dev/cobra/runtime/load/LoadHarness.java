package dev.cobra.runtime.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The load harness of issue 8. Starts a bare baseline server and the runtime jar as separate JVMs on this
 * machine (or drives instances running elsewhere, {@code --targets}, round-robin), plays the Graph API for the
 * runtime, and drives signed WhatsApp webhooks from many distinct debtors:
 * <ol>
 *   <li>{@code baseline}: closed loop at {@code --concurrency} against the bare baseline (signature check, JSON
 *   parse, one MongoDB write, one outbound POST to the Graph API stand-in): acknowledged webhooks/s;</li>
 *   <li>{@code menu}: closed loop, every debtor says hello, verifies with 4 digits and taps "pay now" in the
 *   menu: answered messages/s and receipt → first outbound request latency;</li>
 *   <li>{@code nlu}: the same, then three free-text questions answered through the intent classifier;</li>
 *   <li>{@code open}: open loop at {@code --rate} messages/s (menu script): webhook acknowledgement latency and
 *   receipt → outbound latency at a fixed offered load.</li>
 * </ol>
 * Prints one JSON summary (and writes it to {@code --out} when given). Arguments are {@code --name=value};
 * see scripts/load-harness.sh and docs/benchmarks.md.
 */
public final class LoadHarness {

    private static final String SECRET = "load-secret";
    private static final String ADMIN_PASSWORD = "load-admin-password";
    private static final Duration TURN_TIMEOUT = Duration.ofSeconds(30);

    private final Map<String, String> options;
    /** The runtime instances driven (set once they are up), whose command counters the phases read. */
    private List<String> runtimeBases = List.of();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private LoadHarness(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("arguments are --name=value, got " + arg);
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        Map<String, Object> summary = new LoadHarness(options).run();
        String text = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(summary);
        System.out.println(text);
        if (options.containsKey("out")) {
            Files.writeString(Path.of(options.get("out")), text);
        }
        System.exit(0);
    }

    private String option(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    private int intOption(String name, int fallback) {
        return Integer.parseInt(option(name, Integer.toString(fallback)));
    }

    private Map<String, Object> run() throws Exception {
        int seconds = intOption("duration", 30);
        int concurrency = intOption("concurrency", 64);
        int rate = intOption("rate", 300);
        int debtors = intOption("debtors", 20000);
        String heap = option("heap", "1536m");
        List<String> phases = List.of(option("phases", "baseline,menu,nlu,open").split(","));
        Path jar = Path.of(option("jar", "bot-runtime/target/bot-runtime.jar")).toAbsolutePath();
        Path work = Files.createTempDirectory("cobra-load");

        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("date", Instant.now().toString());
        summary.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(),
                "java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                "os", System.getProperty("os.name") + " " + System.getProperty("os.version")));
        summary.put("settings", Map.of("durationSeconds", seconds, "concurrency", concurrency,
                "openLoopRate", rate, "debtors", debtors, "runtimeHeap", heap));

        Double baseline = null;
        if (phases.contains("baseline")) {
            Map<String, Object> result = baselinePhase(work, seconds, concurrency);
            summary.put("baseline", result);
            baseline = (Double) result.get("perSecond");
        }
        if (phases.stream().anyMatch(p -> !p.equals("baseline"))) {
            // --targets: instances started elsewhere (the generator on its own machine, several instances on one
            // MongoDB); otherwise the harness starts the runtime jar here.
            List<String> targets = options.containsKey("targets") ? List.of(options.get("targets").split(",")) : List.of();
            try (GraphApiRecorder graph = graphApi()) {
                StartedRuntime started = null;
                MeasuredRuntime measured;
                List<String> bases;
                if (targets.isEmpty()) {
                    started = startRuntime(jar, work, heap, graph);
                    bases = List.of(started.baseUrl());
                    measured = started.jvm();
                    summary.put("runtimeStartupToReadySeconds", started.startup().toMillis() / 1000.0);
                } else {
                    System.err.println("load: driving " + targets + "; each instance must run with " + String.join(" ",
                            runtimeSettings(graph)));
                    for (String target : targets) {
                        awaitHealthy(target, Duration.ofSeconds(60));
                    }
                    bases = targets;
                    measured = new RemoteRuntimes(targets, adminPassword());
                    summary.put("targets", targets);
                }
                runtimeBases = bases;
                try {
                    importDebtors(bases.get(0), debtors);
                    VirtualDebtors people = new VirtualDebtors(debtors);
                    graph.listen(people);
                    SignedWebhooks webhooks = new SignedWebhooks(bases, SECRET);
                    Map<String, int[]> expected = new HashMap<>();
                    expected.put("menu", calibrate(people, webhooks, VirtualDebtors.menuScript()));
                    expected.put("nlu", calibrate(people, webhooks, VirtualDebtors.classifierScript()));
                    summary.put("repliesPerStep", Map.of("menu", expected.get("menu"), "nlu", expected.get("nlu")));
                    closedLoop(people, webhooks, VirtualDebtors.menuScript(), expected.get("menu"), concurrency,
                            Duration.ofSeconds(Math.min(10, seconds)), null); // warm-up, not reported
                    for (String phase : phases) {
                        Map<String, Object> result = switch (phase) {
                            case "menu" -> closedLoop(people, webhooks, VirtualDebtors.menuScript(),
                                    expected.get("menu"), concurrency, Duration.ofSeconds(seconds), measured);
                            case "nlu" -> closedLoop(people, webhooks, VirtualDebtors.classifierScript(),
                                    expected.get("nlu"), concurrency, Duration.ofSeconds(seconds), measured);
                            case "open" -> openLoop(people, webhooks, VirtualDebtors.menuScript(),
                                    expected.get("menu"), rate, Duration.ofSeconds(seconds), measured);
                            default -> null;
                        };
                        if (result == null) {
                            continue;
                        }
                        if (baseline != null && result.get("perSecond") instanceof Double perSecond) {
                            result.put("ratioToBaseline", round(perSecond / baseline, 3));
                        }
                        summary.put(phase, result);
                    }
                    summary.put("strayOutboundMessages", people.strayReplies());
                    summary.put("databaseCommands", actuator().commandsByName(bases));
                    summary.put("runtimeHeapUsedMbAtEnd", round(measured.heapUsedMb(), 1));
                } finally {
                    if (started != null) {
                        started.jvm().close();
                    }
                }
            }
        }
        return summary;
    }

    /** A runtime jar started here, next to the generator. */
    private record StartedRuntime(ChildJvm jvm, String baseUrl, Duration startup) {
    }

    private StartedRuntime startRuntime(Path jar, Path work, String heap, GraphApiRecorder graph) throws Exception {
        int port = freePort();
        List<String> jvmArgs = new ArrayList<>(List.of("-Xmx" + heap, "-Xms" + heap));
        if (options.containsKey("jfr")) { // a flight recording of the runtime, to see where the time goes
            jvmArgs.add("-XX:StartFlightRecording=settings=profile,filename=" + Path.of(options.get("jfr")).toAbsolutePath());
        }
        if (options.containsKey("runtime-jvm-args")) { // e.g. --runtime-jvm-args=-XX:+UseParallelGC
            jvmArgs.addAll(List.of(options.get("runtime-jvm-args").split(",")));
        }
        List<String> runtimeArgs = new ArrayList<>(List.of("-jar", jar.toString(), "--server.port=" + port,
                "--bot.data-dir=" + work.resolve("runtime"), "--bot.demo.enabled=false", "--logging.level.dev.cobra=WARN"));
        runtimeArgs.addAll(runtimeSettings(graph));
        if (options.containsKey("runtime-args")) { // e.g. --runtime-args=--bot.durable-writes=false
            runtimeArgs.addAll(List.of(options.get("runtime-args").split(",")));
        }
        ChildJvm runtime = ChildJvm.start("runtime", jvmArgs, runtimeArgs);
        String base = "http://127.0.0.1:" + port;
        try {
            return new StartedRuntime(runtime, base, runtime.awaitReady(base + "/actuator/health", Duration.ofSeconds(120)));
        } catch (Exception e) {
            runtime.close();
            throw e;
        }
    }

    /** The settings every driven instance needs: the harness's secret, token and Graph API stand-in. */
    private List<String> runtimeSettings(GraphApiRecorder graph) {
        return List.of("--bot.admin.password=" + adminPassword(), "--whatsapp.app-secret=" + SECRET,
                "--whatsapp.access-token=load-token", "--whatsapp.phone-number-id=PNID",
                "--whatsapp.graph-api-url=" + graph.baseUrl(), "--whatsapp.messages-per-second=1000",
                // the runtime's command counters (cobra.db.commands) tell which database calls a turn makes
                "--management.endpoints.web.exposure.include=health,info,metrics,prometheus");
    }

    private String adminPassword() {
        return option("admin-password", ADMIN_PASSWORD);
    }

    /**
     * The Graph API stand-in; {@code --graph-listen=host:port} makes it reachable from other machines, and
     * {@code --graph-url} is the address they use for it (e.g. {@code http://generator.internal:9099}).
     */
    private GraphApiRecorder graphApi() throws IOException {
        if (!options.containsKey("graph-listen")) {
            return new GraphApiRecorder();
        }
        String listen = options.get("graph-listen");
        int colon = listen.lastIndexOf(':');
        InetSocketAddress address = new InetSocketAddress(listen.substring(0, colon),
                Integer.parseInt(listen.substring(colon + 1)));
        return new GraphApiRecorder(address, option("graph-url", "http://" + listen));
    }

    private void awaitHealthy(String base, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(base + " is not healthy after " + timeout);
            }
            Thread.sleep(500);
        }
    }

    private Map<String, Object> baselinePhase(Path work, int seconds, int concurrency) throws Exception {
        int port = freePort();
        try (GraphApiRecorder graph = new GraphApiRecorder()) {
            ChildJvm server = ChildJvm.start("baseline", List.of("-Xmx512m", "-cp", System.getProperty("java.class.path")),
                    List.of(BaselineWebhookServer.class.getName(), Integer.toString(port), SECRET,
                            work.resolve("baseline").toString(), graph.baseUrl()));
            try {
                String base = "http://127.0.0.1:" + port;
                server.awaitReady(base + "/ready", Duration.ofSeconds(60));
                SignedWebhooks webhooks = new SignedWebhooks(base, SECRET);
                blast(webhooks, concurrency, Duration.ofSeconds(Math.min(10, seconds)), null, null); // warm-up
                return blast(webhooks, concurrency, Duration.ofSeconds(seconds), server, base + "/stats");
            } finally {
                server.close();
            }
        }
    }

    /** Closed loop of webhook posts (each from a new sender): acknowledged requests per second. */
    private Map<String, Object> blast(SignedWebhooks webhooks, int concurrency, Duration duration, ChildJvm measured,
                                      String statsUrl) throws Exception {
        long end = System.nanoTime() + duration.toNanos();
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicLong errors = new AtomicLong();
        AtomicLong senders = new AtomicLong();
        double cpuBefore = measured == null ? 0 : measured.cpuSeconds();
        com.fasterxml.jackson.databind.JsonNode statsBefore = statsUrl == null ? null : actuator().getJson(statsUrl);
        long start = System.nanoTime();
        List<CompletableFuture<Void>> loops = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            loops.add(CompletableFuture.runAsync(() -> {
                while (System.nanoTime() < end) {
                    String phone = "5799" + String.format("%08d", senders.incrementAndGet());
                    long posted = System.nanoTime();
                    int status = webhooks.post(webhooks.payload(phone, SignedWebhooks.Message.text("hola"))).join();
                    if (status == 200) {
                        latencies.add((System.nanoTime() - posted) / 1e6);
                    } else {
                        errors.incrementAndGet();
                    }
                }
            }, Executors.newSingleThreadExecutor()));
        }
        CompletableFuture.allOf(loops.toArray(CompletableFuture[]::new)).join();
        double wall = (System.nanoTime() - start) / 1e9;
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("what", "signature check + JSON parse + one MongoDB insert + one outbound POST, then 200 "
                + "(bare WebFlux endpoint)");
        result.put("requests", latencies.size());
        result.put("errors", errors.get());
        result.put("perSecond", round(latencies.size() / wall, 1));
        result.put("ackLatencyMs", percentiles(latencies));
        if (measured != null) {
            double cpu = measured.cpuSeconds() - cpuBefore;
            result.put("serverCpuCores", round(cpu / wall, 2));
            result.put("cpuMsPerMessage", latencies.isEmpty() ? null : round(cpu * 1000 / latencies.size(), 2));
            result.put("serverHeapUsedMb", round(measured.heapUsedMb(), 1));
        }
        if (statsBefore != null) {
            com.fasterxml.jackson.databind.JsonNode after = actuator().getJson(statsUrl);
            long commands = after.path("databaseCommands").asLong() - statsBefore.path("databaseCommands").asLong();
            long posts = after.path("outboundPosts").asLong() - statsBefore.path("outboundPosts").asLong();
            result.put("outboundPosts", posts);
            result.put("databaseCommandsPerMessage", latencies.isEmpty() ? null
                    : round(commands / (double) latencies.size(), 2));
        }
        return result;
    }

    /** Sends each step of the script once with a pause, counting the outbound messages each step causes. */
    private int[] calibrate(VirtualDebtors people, SignedWebhooks webhooks, List<SignedWebhooks.Message> script)
            throws Exception {
        String phone = people.freshDebtor();
        int[] counts = new int[script.size()];
        for (int step = 0; step < script.size(); step++) {
            VirtualDebtors.Turn turn = people.expect(phone, Integer.MAX_VALUE);
            int status = webhooks.post(webhooks.payload(phone, script.get(step))).join();
            if (status != 200) {
                throw new IllegalStateException("calibration webhook answered " + status);
            }
            Thread.sleep(3000);
            counts[step] = turn.replies.get();
            people.abandon(phone, turn);
            if (counts[step] == 0) {
                throw new IllegalStateException("step " + step + " of the script got no answer in 3 s");
            }
        }
        return counts;
    }

    /**
     * {@code concurrency} debtors at a time walk the script; each sends its next message when the previous
     * turn is fully answered. Reports answered messages per second over the window.
     */
    private Map<String, Object> closedLoop(VirtualDebtors people, SignedWebhooks webhooks,
                                           List<SignedWebhooks.Message> script, int[] expected, int concurrency,
                                           Duration duration, MeasuredRuntime measured) throws Exception {
        TurnStats stats = new TurnStats();
        HeapSampler heap = measured == null ? null : new HeapSampler(measured);
        double cpuBefore = measured == null ? 0 : measured.cpuSeconds();
        double commandsBefore = measured == null ? 0 : actuator().totalCommands(runtimeBases);
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        List<CompletableFuture<Void>> loops = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            loops.add(CompletableFuture.runAsync(() -> {
                while (System.nanoTime() < end) {
                    String phone = people.freshDebtor();
                    for (int step = 0; step < script.size() && System.nanoTime() < end; step++) {
                        if (!stats.play(people, webhooks, phone, script.get(step), expected[step])) {
                            break;
                        }
                    }
                }
            }, Executors.newSingleThreadExecutor()));
        }
        CompletableFuture.allOf(loops.toArray(CompletableFuture[]::new)).join();
        double wall = (System.nanoTime() - start) / 1e9;
        Map<String, Object> result = stats.report(wall);
        if (measured != null) {
            putCpu(result, measured, cpuBefore, wall);
            putCommands(result, commandsBefore);
            result.put("runtimeHeapUsedMbMax", heap.stop());
        }
        return result;
    }

    /**
     * CPU cores the runtime used over the phase and CPU milliseconds per answered message, when it can tell (a
     * remote instance without the metric cannot).
     */
    private static void putCpu(Map<String, Object> result, MeasuredRuntime measured, double cpuBefore, double wall)
            throws Exception {
        double used = measured.cpuSeconds() - cpuBefore;
        if (Double.isFinite(used)) {
            result.put("runtimeCpuCores", round(used / wall, 2));
            int answered = (Integer) result.get("answeredMessages");
            if (answered > 0) {
                result.put("cpuMsPerMessage", round(used * 1000 / answered, 2));
            }
        }
    }

    /** Database commands the runtime sent over the phase, per answered message (every command, not only turns'). */
    private void putCommands(Map<String, Object> result, double commandsBefore) throws Exception {
        double commands = actuator().totalCommands(runtimeBases) - commandsBefore;
        int answered = (Integer) result.get("answeredMessages");
        if (answered > 0 && Double.isFinite(commands)) {
            result.put("databaseCommandsPerMessage", round(commands / answered, 2));
        }
    }

    /** Sends {@code rate} messages per second on a fixed schedule, whatever the answers do (open loop). */
    private Map<String, Object> openLoop(VirtualDebtors people, SignedWebhooks webhooks,
                                         List<SignedWebhooks.Message> script, int[] expected, int rate,
                                         Duration duration, MeasuredRuntime measured) throws Exception {
        TurnStats stats = new TurnStats();
        HeapSampler heap = new HeapSampler(measured);
        ConcurrentLinkedQueue<Object[]> ready = new ConcurrentLinkedQueue<>(); // {phone, nextStep}
        double cpuBefore = measured.cpuSeconds();
        double commandsBefore = actuator().totalCommands(runtimeBases);
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        long next = start;
        long sent = 0;
        List<CompletableFuture<?>> inFlight = new ArrayList<>();
        while (next < end) {
            LockSupport.parkNanos(next - System.nanoTime());
            Object[] debtor = ready.poll();
            if (debtor == null) {
                debtor = new Object[] {people.freshDebtor(), 0};
            }
            String phone = (String) debtor[0];
            int step = (Integer) debtor[1];
            inFlight.add(stats.playAsync(people, webhooks, phone, script.get(step), expected[step]).thenAccept(ok -> {
                if (ok && step + 1 < script.size()) {
                    ready.add(new Object[] {phone, step + 1});
                }
            }));
            sent++;
            next += interval;
        }
        double sendWindow = (System.nanoTime() - start) / 1e9;
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new))
                .completeOnTimeout(null, TURN_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS).join();
        double wall = (System.nanoTime() - start) / 1e9;
        Map<String, Object> result = stats.report(wall);
        result.put("offeredPerSecond", rate);
        result.put("sent", sent);
        result.put("sentPerSecond", round(sent / sendWindow, 1));
        putCpu(result, measured, cpuBefore, wall);
        putCommands(result, commandsBefore);
        result.put("runtimeHeapUsedMbMax", heap.stop());
        return result;
    }

    /** Latencies and counts of played turns. */
    private static final class TurnStats {
        final List<Double> endToEnd = Collections.synchronizedList(new ArrayList<>());
        final List<Double> ack = Collections.synchronizedList(new ArrayList<>());
        final AtomicLong webhookErrors = new AtomicLong();
        final AtomicLong unanswered = new AtomicLong();

        /** Plays one turn and waits for it; false when the debtor should stop (error or no answer). */
        boolean play(VirtualDebtors people, SignedWebhooks webhooks, String phone, SignedWebhooks.Message message,
                     int expected) {
            return playAsync(people, webhooks, phone, message, expected).join();
        }

        CompletableFuture<Boolean> playAsync(VirtualDebtors people, SignedWebhooks webhooks, String phone,
                                             SignedWebhooks.Message message, int expected) {
            VirtualDebtors.Turn turn = people.expect(phone, expected);
            return webhooks.post(webhooks.payload(phone, message)).thenCompose(status -> {
                ack.add((System.nanoTime() - turn.postedNanos) / 1e6);
                if (status != 200) {
                    webhookErrors.incrementAndGet();
                    people.abandon(phone, turn);
                    return CompletableFuture.completedFuture(false);
                }
                return turn.done.orTimeout(TURN_TIMEOUT.toSeconds(), TimeUnit.SECONDS).handle((t, error) -> {
                    if (error != null) {
                        if (error instanceof TimeoutException || error.getCause() instanceof TimeoutException) {
                            unanswered.incrementAndGet();
                        }
                        people.abandon(phone, turn);
                        return false;
                    }
                    endToEnd.add(t.latencyMs());
                    return true;
                });
            });
        }

        Map<String, Object> report(double wallSeconds) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("answeredMessages", endToEnd.size());
            result.put("perSecond", round(endToEnd.size() / wallSeconds, 1));
            result.put("webhookErrors", webhookErrors.get());
            result.put("unanswered", unanswered.get());
            result.put("webhookAckMs", percentiles(ack));
            result.put("receiptToOutboundMs", percentiles(endToEnd));
            return result;
        }
    }

    /** Samples the heap in use every few seconds while a phase runs. */
    private static final class HeapSampler {
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        private volatile double max = -1;

        HeapSampler(MeasuredRuntime jvm) {
            timer.scheduleAtFixedRate(() -> max = Math.max(max, jvm.heapUsedMb()), 1, 3, TimeUnit.SECONDS);
        }

        double stop() {
            timer.shutdownNow();
            return round(max, 1);
        }
    }

    private void importDebtors(String base, int count) throws Exception {
        String auth = "Basic " + Base64.getEncoder().encodeToString(("admin:" + adminPassword())
                .getBytes(StandardCharsets.UTF_8));
        String dueDate = LocalDate.now().minusDays(10).toString();
        for (int from = 0; from < count; from += 1000) {
            StringBuilder body = new StringBuilder("[");
            for (int i = from; i < Math.min(count, from + 1000); i++) {
                if (i > from) {
                    body.append(',');
                }
                body.append("{\"id\":\"LOAD-").append(i).append("\",\"name\":\"Debtor ").append(i)
                        .append("\",\"phone\":\"+").append(VirtualDebtors.phone(i))
                        .append("\",\"locale\":\"es-CO\",\"timezone\":\"America/Bogota\",\"country\":\"CO\",")
                        .append("\"documentLast4\":\"1234\",\"consent\":{\"whatsapp\":{\"optedIn\":true,")
                        .append("\"at\":\"2026-10-01T10:00:00Z\",\"source\":\"load-test\"}},\"debts\":[{\"id\":\"L-")
                        .append(i).append("\",\"product\":\"Tarjeta\",\"balance\":1250000,\"currency\":\"COP\",")
                        .append("\"dueDate\":\"").append(dueDate).append("\"}]}");
            }
            body.append(']');
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/debtors"))
                    .timeout(Duration.ofMinutes(2))
                    .header("Authorization", auth).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("debtor import answered " + response.statusCode() + ": " + response.body());
            }
        }
    }

    private ActuatorReader actuator() {
        return new ActuatorReader(http, adminPassword());
    }

    private static Map<String, Object> percentiles(List<Double> values) {
        List<Double> sorted;
        synchronized (values) {
            sorted = new ArrayList<>(values);
        }
        Collections.sort(sorted);
        Map<String, Object> result = new LinkedHashMap<>();
        if (sorted.isEmpty()) {
            return result;
        }
        for (int p : new int[] {50, 95, 99}) {
            int index = Math.max(0, (int) Math.ceil(p / 100.0 * sorted.size()) - 1);
            result.put("p" + p, round(sorted.get(index), 1));
        }
        result.put("max", round(sorted.get(sorted.size() - 1), 1));
        return result;
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
