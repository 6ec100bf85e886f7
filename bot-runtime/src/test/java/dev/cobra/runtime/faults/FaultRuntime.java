package dev.cobra.runtime.faults;

import dev.cobra.runtime.CobraApplication;
import dev.cobra.runtime.config.IsolatedRuntime;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts a whole runtime (real engine, NLU and stores) on a given MongoDB URI with the WhatsApp channel wired to
 * a local Graph API, as the fault tests need it: several instances may share one database.
 */
final class FaultRuntime {

    static final String APP_SECRET = "fault-secret";

    private FaultRuntime() {
    }

    static ConfigurableApplicationContext start(String mongoUri, Path dataDir, String graphApiUrl, String... extra) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.data.mongodb.uri=" + mongoUri,
                "--bot.data-dir=" + dataDir, "--bot.demo.enabled=false",
                "--bot.admin.password=" + IsolatedRuntime.ADMIN_PASSWORD, "--bot.public-url=https://cobra.example",
                "--whatsapp.app-secret=" + APP_SECRET, "--whatsapp.verify-token=fault-verify",
                "--whatsapp.access-token=test-token", "--whatsapp.phone-number-id=PNID",
                "--whatsapp.graph-api-url=" + graphApiUrl, "--whatsapp.outbox.poll-interval=PT0.05S"));
        args.addAll(List.of(extra));
        return new SpringApplicationBuilder(CobraApplication.class).run(args.toArray(String[]::new));
    }

    static String baseUrl(ConfigurableApplicationContext runtime) {
        return "http://127.0.0.1:" + runtime.getEnvironment().getProperty("local.server.port");
    }
}
