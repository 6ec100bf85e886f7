package dev.cobra.runtime.faults;

import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import dev.cobra.runtime.channel.whatsapp.FakeGraphApi;
import dev.cobra.runtime.load.ChildJvm;
import dev.cobra.runtime.persistence.DurableH2Backend;
import org.bson.Document;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Issue 8, fault "kill -9 under load" (run by {@code scripts/fault-kill9.sh}): starts the runtime jar on a fresh
 * data dir with WhatsApp pointed at a local Graph API recorder, posts signed webhooks from many debtors (each
 * retried like Meta until answered 200), kills the runtime with SIGKILL once {@code --kill-after} messages were
 * accepted (or, with {@code --kill-after-replies=N}, once N replies reached the Graph API, so that turns are
 * running at the kill), restarts it on the same data dir and port, lets every debtor finish, stops it gracefully and then
 * reads its database: every accepted wamid must be stored and processed once, each debtor's messages logged once
 * in order, and the Graph API must have received exactly the replies in the log (none lost, none sent twice).
 * Prints one {@code RESULT} line per check and exits 1 when one fails.
 */
public final class Kill9Check {

    private static final List<String> WORDS = List.of("alfa", "bravo", "charlie", "delta", "eco", "foxtrot", "golf",
            "hotel", "india", "juliet", "kilo", "lima", "mike", "november", "oscar", "papa");

    private Kill9Check() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            String[] kv = arg.replaceFirst("^--", "").split("=", 2);
            options.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        String jar = options.getOrDefault("jar", "bot-runtime/target/bot-runtime.jar");
        int debtors = Integer.parseInt(options.getOrDefault("debtors", "20"));
        int perDebtor = Math.min(WORDS.size(), Integer.parseInt(options.getOrDefault("messages", "10")));
        int killAfter = Integer.parseInt(options.getOrDefault("kill-after", String.valueOf(debtors * perDebtor / 3)));
        // Accepting is much faster than answering: to kill while turns are running, count replies instead.
        int killAfterReplies = Integer.parseInt(options.getOrDefault("kill-after-replies", "0"));
        Path dataDir = Files.createTempDirectory("cobra-kill9-");
        int port = freePort();
        String baseUrl = "http://127.0.0.1:" + port;
        say("data dir " + dataDir + ", port " + port + ", " + debtors + " debtors x " + perDebtor + " messages, kill after "
                + killAfter + " accepted");

        try (FakeGraphApi graph = new FakeGraphApi()) {
            graph.statusWebhooksTo(baseUrl + "/webhooks/whatsapp", FaultRuntime.APP_SECRET); // like Meta: outbox exactly once
            ChildJvm runtime = start(jar, dataDir, port, graph.baseUrl(), "first");
            runtime.awaitReady(baseUrl + "/actuator/health", Duration.ofMinutes(3));
            SignedWebhookClient webhooks = new SignedWebhookClient(baseUrl, FaultRuntime.APP_SECRET);
            Set<String> accepted = ConcurrentHashMap.newKeySet();
            AtomicInteger acceptedCount = new AtomicInteger();
            CountDownLatch killPoint = new CountDownLatch(1);
            long start = Instant.now().getEpochSecond();
            List<Thread> senders = new ArrayList<>();
            for (int d = 0; d < debtors; d++) {
                int debtor = d;
                Thread sender = new Thread(() -> {
                    for (int m = 0; m < perDebtor; m++) {
                        String wamid = "wamid.KILL-" + debtor + "-" + m;
                        String body = SignedWebhookClient.textMessage(phone(debtor), wamid, text(m), start + m);
                        long giveUp = System.nanoTime() + Duration.ofMinutes(3).toNanos();
                        while (webhooks.post(body) != 200 && System.nanoTime() < giveUp) {
                            pause(500); // like Meta: deliver again later
                        }
                        accepted.add(wamid);
                        if (acceptedCount.incrementAndGet() >= killAfter && killAfterReplies == 0) {
                            killPoint.countDown();
                        }
                    }
                });
                sender.start();
                senders.add(sender);
            }
            long lastReplyAt = System.nanoTime();
            int repliesSeen = 0;
            while (killAfterReplies > 0 && graph.sentBodies().size() < killAfterReplies) {
                pause(2);
                int replies = graph.sentBodies().size();
                if (replies != repliesSeen) {
                    repliesSeen = replies;
                    lastReplyAt = System.nanoTime();
                } else if (senders.stream().noneMatch(Thread::isAlive)
                        && System.nanoTime() - lastReplyAt > Duration.ofSeconds(20).toNanos()) {
                    // Conversations handed to an agent stop getting bot replies, so a run has a ceiling.
                    say("only " + replies + " replies came, every message was sent and none came for 20 s; choose "
                            + "--kill-after-replies below that");
                    runtime.kill();
                    System.exit(2);
                }
            }
            if (killAfterReplies == 0) {
                killPoint.await();
            }
            runtime.kill(); // SIGKILL
            say("killed -9 with " + acceptedCount.get() + " accepted, " + graph.sentBodies().size() + " replies sent");
            runtime = start(jar, dataDir, port, graph.baseUrl(), "second");
            runtime.awaitReady(baseUrl + "/actuator/health", Duration.ofMinutes(3));
            say("restarted");
            for (Thread sender : senders) {
                sender.join();
            }
            // Longer than the outbox's in-doubt grace (30 s): a claim cut by the kill before its request left gets no
            // status webhook and is sent only once the grace is over.
            awaitQuiet(graph, Duration.ofSeconds(40), Duration.ofMinutes(4));
            runtime.close(); // graceful stop, so that the data file can be opened here
            say(graph.sentBodies().size() + " replies reached the Graph API in both lives");
            boolean ok = verify(dataDir, accepted, debtors, perDebtor, graph);
            say(ok ? "PASSED" : "FAILED");
            System.exit(ok ? 0 : 1);
        }
    }

    private static boolean verify(Path dataDir, Set<String> accepted, int debtors, int perDebtor, FakeGraphApi graph) {
        MongoServer server = new MongoServer(DurableH2Backend.open(dataDir.resolve("cobra.mv"), true));
        server.bind("127.0.0.1", 0);
        try (DatabaseReader database = new DatabaseReader("mongodb://127.0.0.1:" + server.getLocalAddress().getPort(), "cobra")) {
            List<Document> inbound = database.find("whatsapp_inbound", Filters.regex("_id", "^wamid\\.KILL"));
            Map<String, String> states = new HashMap<>();
            inbound.forEach(d -> states.put(d.getString("_id"), d.getString("state")));
            long missing = accepted.stream().filter(w -> !states.containsKey(w)).count();
            long notDone = accepted.stream().filter(w -> !"DONE".equals(states.get(w))).count();
            boolean ok = check("accepted wamids stored", missing == 0, accepted.size() + " accepted, " + missing + " missing");
            ok &= check("accepted wamids processed", notDone == 0, notDone + " not DONE");
            Map<String, Long> sends = DatabaseReader.sendsPerRecipient(graph.sentBodies());
            int orderBroken = 0;
            int sendMismatch = 0;
            long extraSends = 0;
            long lostSends = 0;
            for (int d = 0; d < debtors; d++) {
                List<String> transcript = database.whatsappTranscript(phone(d));
                List<String> expected = new ArrayList<>();
                for (int m = 0; m < perDebtor; m++) {
                    expected.add("debtor:" + text(m));
                }
                if (!transcript.stream().filter(e -> e.startsWith("debtor:")).toList().equals(expected)) {
                    orderBroken++;
                    say("debtor " + d + " logged " + transcript.stream().filter(e -> e.startsWith("debtor:")).toList());
                }
                long logged = transcript.stream().filter(e -> e.startsWith("bot:")).count();
                long sent = sends.getOrDefault(phone(d), 0L);
                if (sent != logged) {
                    sendMismatch++;
                    extraSends += Math.max(0, sent - logged);
                    lostSends += Math.max(0, logged - sent);
                }
            }
            ok &= check("each debtor's messages logged once, in order", orderBroken == 0, orderBroken + " debtors differ");
            ok &= check("Graph API sends = logged replies", sendMismatch == 0, sendMismatch + " debtors differ, "
                    + extraSends + " sent twice, " + lostSends + " never sent");
            return ok;
        } finally {
            server.shutdownNow();
        }
    }

    private static boolean check(String what, boolean passed, String detail) {
        System.out.println("RESULT " + (passed ? "ok   " : "FAIL ") + what + " (" + detail + ")");
        return passed;
    }

    private static ChildJvm start(String jar, Path dataDir, int port, String graphUrl, String name) throws IOException {
        return ChildJvm.start("kill9-" + name, List.of("-Xmx512m"), List.of(
                "-jar", jar, "--server.port=" + port, "--bot.data-dir=" + dataDir, "--bot.demo.enabled=false",
                "--bot.admin.password=kill9-admin", "--whatsapp.app-secret=" + FaultRuntime.APP_SECRET,
                "--whatsapp.verify-token=kill9", "--whatsapp.access-token=test-token",
                "--whatsapp.phone-number-id=PNID", "--whatsapp.graph-api-url=" + graphUrl,
                "--whatsapp.outbox.poll-interval=PT0.1S"));
    }

    /** Waits until the Graph API got nothing new for {@code quiet}. */
    private static void awaitQuiet(FakeGraphApi graph, Duration quiet, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        int last = -1;
        long lastChange = System.nanoTime();
        while (System.nanoTime() < deadline) {
            int now = graph.sentBodies().size();
            if (now != last) {
                last = now;
                lastChange = System.nanoTime();
            } else if (System.nanoTime() - lastChange > quiet.toNanos()) {
                return;
            }
            Thread.sleep(200);
        }
    }

    private static String phone(int debtor) {
        return "5730088" + String.format("%05d", debtor);
    }

    private static String text(int message) {
        return "mensaje " + WORDS.get(message);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void say(String line) {
        System.out.println("kill9: " + line);
    }
}
