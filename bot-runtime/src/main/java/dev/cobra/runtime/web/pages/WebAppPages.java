package dev.cobra.runtime.web.pages;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.config.ResourceHandlerRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * Routes the single-page apps built by {@code designer-ui} (Vite multi-page build, packaged under
 * {@code static/}). Every path below an app answers that app's {@code index.html} (client-side routing, and
 * the deep-link token lives in the path); HTML is revalidated on every load so a new release is picked up
 * at once, while content-hashed assets are cached for a year.
 */
@Configuration(proxyBeanMethods = false)
public class WebAppPages implements WebFluxConfigurer {

    static final String CONSOLE_INDEX = "static/console/index.html";
    static final String DESIGNER_INDEX = "static/designer/index.html";
    static final String CHAT_INDEX = "static/chat/index.html";
    static final String SIMULATOR_INDEX = "static/simulator/index.html";
    static final String KPIS_INDEX = "static/kpis/index.html";

    /** Vite puts a content hash in every asset name, so a cached copy can never be stale. */
    private static final CacheControl HASHED_ASSETS = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

    /** The widget loader keeps its name across releases (creditors' sites embed it), so it is cached briefly. */
    private static final CacheControl WIDGET_LOADER = CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();

    private static final String PAGE_CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; "
            + "script-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'";

    private final String chatFrameAncestors;
    private final byte[] consoleIndex;
    private final byte[] designerIndex;
    private final byte[] chatIndex;
    private final byte[] simulatorIndex;
    private final byte[] kpisIndex;

    /**
     * @param chatFrameAncestors who may show the chat in an iframe (the embeddable widget); CSP
     *                           {@code frame-ancestors} syntax, e.g. {@code https://www.bank.example}
     */
    public WebAppPages(@Value("${bot.webchat.frame-ancestors:*}") String chatFrameAncestors) {
        this.chatFrameAncestors = chatFrameAncestors;
        // Read once at start: the pages are tiny, and reading from the jar on a Netty thread would block.
        this.consoleIndex = readOrNull(CONSOLE_INDEX);
        this.designerIndex = readOrNull(DESIGNER_INDEX);
        this.chatIndex = readOrNull(CHAT_INDEX);
        this.simulatorIndex = readOrNull(SIMULATOR_INDEX);
        this.kpisIndex = readOrNull(KPIS_INDEX);
    }

    private static byte[] readOrNull(String classpathLocation) {
        ClassPathResource resource = new ClassPathResource(classpathLocation);
        if (!resource.exists()) {
            return null;
        }
        try (var in = resource.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + classpathLocation, e);
        }
    }

    @Bean
    RouterFunction<ServerResponse> webAppPageRoutes() {
        return RouterFunctions.route()
                .GET("/console", request -> redirect("/console/"))
                .GET("/console/**", request -> page(consoleIndex, "frame-ancestors 'self'"))
                .GET("/designer", request -> redirect("/designer/"))
                .GET("/designer/**", request -> page(designerIndex, "frame-ancestors 'self'"))
                .GET("/kpis", request -> redirect("/kpis/"))
                .GET("/kpis/**", request -> page(kpisIndex, "frame-ancestors 'self'"))
                .GET("/chat", request -> redirect("/chat/"))
                .GET("/chat/**", request -> page(chatIndex, "frame-ancestors " + chatFrameAncestors))
                .GET("/simulator/whatsapp", request -> redirect("/simulator/whatsapp/"))
                .GET("/simulator/whatsapp/", request -> page(simulatorIndex, "frame-ancestors 'self'"))
                .build();
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/assets/**")
                .addResourceLocations("classpath:/static/assets/")
                .setCacheControl(HASHED_ASSETS);
        registry.addResourceHandler("/webchat.js")
                .addResourceLocations("classpath:/static/")
                .setCacheControl(WIDGET_LOADER);
    }

    private static Mono<ServerResponse> redirect(String path) {
        return ServerResponse.status(HttpStatus.MOVED_PERMANENTLY).location(URI.create(path)).build();
    }

    private Mono<ServerResponse> page(byte[] index, String frameAncestors) {
        if (index == null) {
            // A backend-only build (-Dskip.npm=true) has no bundled apps: say so instead of a bare 404.
            return ServerResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("error", "ui_not_built",
                            "message", "The web apps were not built into this package (built with -Dskip.npm=true)."));
        }
        return ServerResponse.ok()
                .contentType(MediaType.TEXT_HTML)
                .cacheControl(CacheControl.noCache())
                .header("Content-Security-Policy", PAGE_CSP + "; " + frameAncestors)
                .header("Referrer-Policy", "no-referrer")
                .header("X-Content-Type-Options", "nosniff")
                .bodyValue(index);
    }
}
