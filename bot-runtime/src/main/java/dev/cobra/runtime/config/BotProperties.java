package dev.cobra.runtime.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;

/**
 * Settings under {@code bot.*}.
 *
 * @param dataDir       where the embedded database and uploaded media live
 * @param durableWrites embedded database only: commit every acknowledged write to the file before answering
 *                      (default true; false trades the last second of writes on a crash for throughput)
 */
@ConfigurationProperties(prefix = "bot")
public record BotProperties(Path dataDir, @DefaultValue("true") boolean durableWrites) {

    @ConstructorBinding
    public BotProperties {
        dataDir = dataDir == null ? Path.of("./data") : dataDir;
    }

    /** Defaults for everything but the data directory (tests and tools). */
    public BotProperties(Path dataDir) {
        this(dataDir, true);
    }
}
