package dev.cobra.runtime.web.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cobra.runtime.config.IsolatedRuntime;
import dev.cobra.runtime.web.pages.BrowserScript;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The build fails when an endpoint is missing from the OpenAPI document: every route the running application serves
 * — annotated controllers, actuator endpoints, router functions and resource handlers — is compared with the paths
 * and methods of {@code /v3/api-docs}. Only the documentation's own plumbing and Spring Boot's catch-all static
 * mappings are left out, by name. The UI at {@code /api-docs/} is checked in Chromium with no network.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenApiCoverageTest {

    /** Routes of the documentation itself (its entry and the Swagger UI files), and Spring Boot's defaults for static files. */
    static final Set<String> NOT_ENDPOINTS = Set.of("/api-docs", "/api-docs/", "/webjars/swagger-ui/**", "/swagger-ui/**",
            "/**", "/webjars/**");

    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        IsolatedRuntime.register(registry);
    }

    @Autowired
    WebTestClient client;

    @Autowired
    ApplicationContext context;

    @LocalServerPort
    int port;

    private JsonNode document() throws Exception {
        byte[] body = client.mutate().responseTimeout(Duration.ofSeconds(60)).build()
                .get().uri("/v3/api-docs").headers(h -> h.setBasicAuth("admin", IsolatedRuntime.ADMIN_PASSWORD))
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody();
        return JSON.readTree(body);
    }

    /** {@code /chat/{token}}, {@code /chat/**} and {@code /chat/{*rest}} all become {@code /chat/{}}. */
    static String canonical(String path) {
        String p = path.replaceAll("\\{[^}]*}", "{}").replace("/**", "/{}");
        return p;
    }

    @Test
    void everyServedRouteIsInTheDocument() throws Exception {
        JsonNode document = document();
        assertThat(document.path("openapi").asText()).startsWith("3.");
        Set<String> documented = new TreeSet<>();
        Set<String> documentedPaths = new TreeSet<>();
        document.path("paths").fields().forEachRemaining(path -> {
            documentedPaths.add(canonical(path.getKey()));
            path.getValue().fieldNames().forEachRemaining(method -> documented.add(method.toUpperCase() + " "
                    + canonical(path.getKey())));
        });

        List<String> served = new ArrayList<>();
        List<String> anyMethod = new ArrayList<>();
        context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values().forEach(mapping ->
                mapping.getHandlerMethods().forEach((info, handler) -> {
                    if (handler.getBeanType().getPackageName().startsWith("org.springdoc")) {
                        return; // the document and the UI's configuration
                    }
                    for (String pattern : patterns(info)) {
                        if (info.getMethodsCondition().getMethods().isEmpty()) {
                            anyMethod.add(pattern);
                        }
                        info.getMethodsCondition().getMethods().forEach(m -> served.add(m.name() + " " + pattern));
                    }
                }));
        context.getBeansOfType(RouterFunction.class).values().forEach(router -> routes(router, served));
        context.getBeansOfType(SimpleUrlHandlerMapping.class).values().forEach(mapping ->
                mapping.getUrlMap().keySet().forEach(pattern -> served.add("GET " + pattern)));

        assertThat(served).as("routes found").hasSizeGreaterThan(100);
        List<String> missing = new ArrayList<>();
        for (String route : served) {
            String path = route.substring(route.indexOf(' ') + 1);
            String method = route.substring(0, route.indexOf(' '));
            if (NOT_ENDPOINTS.contains(path) || method.equals("HEAD") || method.equals("OPTIONS")) {
                continue;
            }
            if (!documented.contains(method + " " + canonical(path))) {
                missing.add(route);
            }
        }
        for (String path : anyMethod) {
            if (!NOT_ENDPOINTS.contains(path) && !documentedPaths.contains(canonical(path))) {
                missing.add("* " + path);
            }
        }
        assertThat(missing).as("endpoints missing from /v3/api-docs (document them, e.g. with springdoc annotations "
                + "or OpenApiConfiguration.PAGES)").isEmpty();
    }

    @Test
    void staffOperationsNeedBasicAuthAndPublicOnesDoNot() throws Exception {
        JsonNode paths = document().path("paths");
        assertThat(paths.path("/api/debtors/{id}/links/send").path("post").path("security").toString())
                .contains("basicAuth");
        assertThat(paths.path("/api/campaigns").path("post").path("security").toString()).contains("basicAuth");
        assertThat(paths.path("/webhooks/sms").path("post").has("security")).isFalse();
        assertThat(paths.path("/webchat/api/sessions").path("post").has("security")).isFalse();
        assertThat(paths.has("/actuator/health")).isTrue();

        client.get().uri("/v3/api-docs").exchange().expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.error").isEqualTo("unauthorized");
        client.get().uri("/api-docs/").exchange().expectStatus().isUnauthorized();
        client.get().uri("/api-docs/").headers(h -> h.setBasicAuth("admin", IsolatedRuntime.ADMIN_PASSWORD))
                .exchange().expectStatus().isFound().expectHeader().location("/webjars/swagger-ui/index.html");
        client.get().uri("/webjars/swagger-ui/index.html")
                .headers(h -> h.setBasicAuth("admin", IsolatedRuntime.ADMIN_PASSWORD))
                .exchange().expectStatus().isOk().expectBody(String.class)
                .value(html -> assertThat(html).contains("swagger-ui").doesNotContain("https://"));
    }

    /** designer-ui/e2e/api-docs.e2e.mjs: the UI renders the document in Chromium with everything outside blocked. */
    @Test
    void theUiLoadsInChromiumWithNoNetwork() throws Exception {
        BrowserScript.assumeAvailable();
        BrowserScript.runAndExpectPass("api-docs.e2e.mjs", Map.of("BASE_URL", "http://localhost:" + port,
                "STAFF_USER", "admin", "STAFF_PASSWORD", IsolatedRuntime.ADMIN_PASSWORD, "STEP_TIMEOUT_MS", "60000"), 240);
    }

    private static Set<String> patterns(RequestMappingInfo info) {
        Set<String> patterns = new TreeSet<>();
        info.getPatternsCondition().getPatterns().stream().map(PathPattern::getPatternString).forEach(patterns::add);
        return patterns;
    }

    /** Every (method, path) a router function serves, read with the router's own visitors. */
    private static void routes(RouterFunction<?> router, List<String> served) {
        router.accept(new RouterFunctions.Visitor() {
            @Override
            public void startNested(RequestPredicate predicate) {
            }

            @Override
            public void endNested(RequestPredicate predicate) {
            }

            @Override
            public void route(RequestPredicate predicate,
                              org.springframework.web.reactive.function.server.HandlerFunction<?> handlerFunction) {
                List<String> methods = new ArrayList<>();
                List<String> paths = new ArrayList<>();
                predicate.accept(new PredicateCollector(methods, paths));
                for (String path : paths) {
                    for (String method : methods.isEmpty() ? List.of("GET") : methods) {
                        served.add(method + " " + path);
                    }
                }
            }

            @Override
            public void resources(java.util.function.Function<org.springframework.web.reactive.function.server.ServerRequest,
                    reactor.core.publisher.Mono<org.springframework.core.io.Resource>> lookupFunction) {
            }

            @Override
            public void attributes(Map<String, Object> attributes) {
            }

            @Override
            public void unknown(RouterFunction<?> routerFunction) {
            }
        });
    }

    private record PredicateCollector(List<String> methods, List<String> paths) implements RequestPredicates.Visitor {
        @Override
        public void method(Set<HttpMethod> httpMethods) {
            httpMethods.forEach(m -> methods.add(m.name()));
        }

        @Override
        public void path(String pattern) {
            paths.add(pattern);
        }

        @Override
        public void pathExtension(String extension) {
        }

        @Override
        public void header(String name, String value) {
        }

        @Override
        public void queryParam(String name, String value) {
        }

        @Override
        public void startAnd() {
        }

        @Override
        public void and() {
        }

        @Override
        public void endAnd() {
        }

        @Override
        public void startOr() {
        }

        @Override
        public void or() {
        }

        @Override
        public void endOr() {
        }

        @Override
        public void startNegate() {
        }

        @Override
        public void endNegate() {
        }

        @Override
        public void unknown(RequestPredicate predicate) {
        }
    }
}
