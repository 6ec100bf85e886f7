package dev.cobra.runtime.web.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.PathParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The document's frame: title, licence, the HTTP Basic scheme on every staff route ({@code /api/**}, the actuator
 * beyond health and info), and the routes springdoc cannot see because they are not annotated controllers: the web
 * apps' pages and the widget loader ({@link #PAGES}). {@code OpenApiCoverageTest} fails the build when a route of any
 * kind is missing from the document.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    static final String BASIC = "basicAuth";

    /** Routes served by router functions and resource handlers: path → what it serves. */
    static final Map<String, String> PAGES = Map.ofEntries(
            Map.entry("/console", "Redirects to /console/."),
            Map.entry("/console/{path}", "The agent console and supervision web app (signs in with the staff API)."),
            Map.entry("/designer", "Redirects to /designer/."),
            Map.entry("/designer/{path}", "The flow designer web app."),
            Map.entry("/kpis", "Redirects to /kpis/."),
            Map.entry("/kpis/{path}", "The KPI dashboard web app."),
            Map.entry("/chat", "Redirects to /chat/."),
            Map.entry("/chat/{path}", "The debtor's webchat page; /chat/{token} opens a personal deep link."),
            Map.entry("/simulator/whatsapp", "Redirects to /simulator/whatsapp/."),
            Map.entry("/simulator/whatsapp/", "The local WhatsApp simulator page."),
            Map.entry("/assets/{path}", "Content-hashed scripts and styles of the web apps."),
            Map.entry("/webchat.js", "The embeddable webchat widget loader for the creditor's site."));

    @Bean
    OpenAPI cobraOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Cobra API")
                        .description("Staff API (`/api/**`, HTTP Basic), debtor-facing webchat (`/webchat/**`, by "
                                + "session), signed provider webhooks (`/webhooks/**`) and public pages. Errors are "
                                + "`{\"error\":\"code\",\"message\":\"...\"}`. See docs/integrations.md.")
                        .version("v1")
                        .license(new License().name("GPL-3.0-or-later").url("https://www.gnu.org/licenses/gpl-3.0.html")))
                .components(new Components().addSecuritySchemes(BASIC,
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("A staff user: admin:$BOT_ADMIN_PASSWORD or a user made with POST /api/users")));
    }

    /** Pages and assets, then the Basic requirement on staff operations (public ones stay open). */
    @Bean
    GlobalOpenApiCustomizer cobraPagesAndSecurity() {
        return openApi -> {
            PAGES.forEach((path, description) -> openApi.path(path, page(path, description)));
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> {
                if (staffOnly(path)) {
                    item.readOperations().forEach(operation ->
                            operation.setSecurity(List.of(new SecurityRequirement().addList(BASIC))));
                }
            });
        };
    }

    static boolean staffOnly(String path) {
        return path.startsWith("/api/") || path.equals("/api") || (path.startsWith("/actuator")
                && !path.startsWith("/actuator/health") && !path.equals("/actuator/info"));
    }

    private static PathItem page(String path, String description) {
        ApiResponses responses = new ApiResponses()
                .addApiResponse("200", new ApiResponse().description("The page or file")
                        .content(new Content().addMediaType(path.endsWith(".js") || path.startsWith("/assets")
                                ? "application/javascript" : "text/html", new MediaType().schema(new StringSchema()))))
                .addApiResponse("301", new ApiResponse().description("Redirect to the path with a trailing slash"));
        Operation get = new Operation().summary(description).addTagsItem("pages").responses(responses)
                .operationId("page" + path.replaceAll("[^A-Za-z0-9]", "_"));
        Matcher variables = Pattern.compile("\\{([^}]+)}").matcher(path);
        while (variables.find()) {
            get.addParametersItem(new PathParameter().name(variables.group(1)).schema(new StringSchema())
                    .description("The rest of the path (the app routes it in the browser)"));
        }
        return new PathItem().get(get);
    }

    /** {@code /api-docs/} — the UI's address — leads to the bundled Swagger UI. */
    @RestController
    static class ApiDocsEntry {

        @io.swagger.v3.oas.annotations.Hidden
        @GetMapping({"/api-docs", "/api-docs/"})
        ResponseEntity<Void> ui() {
            return ResponseEntity.status(HttpStatus.FOUND).location(URI.create("/webjars/swagger-ui/index.html"))
                    .build();
        }
    }
}
