package dev.cobra.runtime.config;

import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Settings for a Spring test context of its own: a fresh embedded database in a temporary {@code bot.data-dir},
 * no demo portfolio, and the known admin password {@link #ADMIN_PASSWORD}.
 */
public final class IsolatedRuntime {

    public static final String ADMIN_PASSWORD = "test-admin";

    private IsolatedRuntime() {
    }

    public static Path register(DynamicPropertyRegistry registry) {
        Path dataDir;
        try {
            dataDir = Files.createTempDirectory("cobra-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        dataDir.toFile().deleteOnExit();
        registry.add("bot.data-dir", dataDir::toString);
        registry.add("bot.demo.enabled", () -> "false");
        registry.add("bot.admin.password", () -> ADMIN_PASSWORD);
        return dataDir;
    }
}
