package dev.cobra.runtime.config;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

import java.net.URI;

/**
 * {@code bot.public-url} (env {@code BOT_PUBLIC_URL}): the base of every link and page URL the product builds, and
 * the browser origin staff requests come from. Never derived from a request's {@code Host} header, which the
 * client chooses. Unset, it is {@code http://localhost:<the port actually listened on>} (a development default).
 */
@Component
public class PublicUrl implements ApplicationListener<WebServerInitializedEvent> {

    private final String configured;
    private volatile String base;

    public PublicUrl(@Value("${bot.public-url:}") String configured, @Value("${server.port:8080}") int port) {
        this.configured = configured == null || configured.isBlank() ? null : strip(configured.trim());
        this.base = this.configured != null ? this.configured : "http://localhost:" + port;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if (configured == null && event.getApplicationContext().getServerNamespace() == null) {
            base = "http://localhost:" + event.getWebServer().getPort();
        }
    }

    /** The base URL without a trailing slash. */
    public String base() {
        return base;
    }

    /** True when the operator set {@code bot.public-url}. */
    public boolean configured() {
        return configured != null;
    }

    /** The origin ({@code scheme://host[:port]}) of {@link #base()}, as browsers send it in {@code Origin}. */
    public String origin() {
        return origin(base);
    }

    /** {@code scheme://host[:port]} of a URL, lower-case, default ports dropped; null when it is not one. */
    public static String origin(String url) {
        try {
            URI uri = URI.create(url.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return null;
            }
            String scheme = uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            int port = uri.getPort();
            boolean defaultPort = port < 0 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
            return scheme + "://" + uri.getHost().toLowerCase(java.util.Locale.ROOT) + (defaultPort ? "" : ":" + port);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String strip(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
