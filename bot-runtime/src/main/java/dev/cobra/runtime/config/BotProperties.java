package dev.cobra.runtime.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/**
 * Settings under {@code bot.*}.
 *
 * @param dataDir where the embedded database and uploaded media live
 */
@ConfigurationProperties(prefix = "bot")
public record BotProperties(Path dataDir) {

    public BotProperties {
        dataDir = dataDir == null ? Path.of("./data") : dataDir;
    }
}
