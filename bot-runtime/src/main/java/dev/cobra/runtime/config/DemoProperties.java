package dev.cobra.runtime.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code bot.demo.*}.
 *
 * @param enabled load the demo portfolio on the first start on an empty database (default true)
 */
@ConfigurationProperties(prefix = "bot.demo")
public record DemoProperties(@DefaultValue("true") boolean enabled) {
}
