package dev.cobra.runtime.security;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;

/**
 * The role matrix, in one place. Read top to bottom: the first matching rule decides.
 *
 * <p>Everything a staff member can do lives under {@code /api/**} (and the actuator); the debtor-facing
 * surfaces are authorised by other means: {@code /webchat/**} by the unguessable session id or deep-link token,
 * {@code /webhooks/**} by the request signature. Static web apps are public (they sign in through
 * {@code GET /api/me}). Any other path is left to routing, which answers 404 for unknown ones.
 */
public final class AccessRules {

    private static final String[] ANY_STAFF = names(Role.values());

    private AccessRules() {
    }

    /** Paths anyone may call without signing in. */
    static final String[] PUBLIC_PATHS = {
            "/webchat/**", "/webhooks/**", "/actuator/health", "/actuator/health/**", "/actuator/info",
            "/console/**", "/designer/**", "/kpis/**", "/pay/**", "/chat/**", "/assets/**", "/", "/favicon.ico", "/error",
            "/email/unsubscribe/**"};

    /** The OpenAPI document, its UI and the UI's bundled files. */
    static final String[] API_DOCS_PATHS = {
            "/v3/api-docs", "/v3/api-docs/**", "/api-docs", "/api-docs/**", "/swagger-ui.html", "/swagger-ui/**",
            "/webjars/swagger-ui/**"};

    public static void apply(AuthorizeExchangeSpec rules) {
        rules
                .pathMatchers(PUBLIC_PATHS).permitAll()
                .pathMatchers("/actuator/prometheus").hasAnyRole(names(Role.ADMIN, Role.SUPERVISOR))
                .pathMatchers("/actuator/**").hasRole(Role.ADMIN.name())

                .pathMatchers("/api/users/**", "/api/security/**").hasRole(Role.ADMIN.name())
                .pathMatchers("/api/me").authenticated()
                .pathMatchers(HttpMethod.GET, "/api/debtors/*/account").hasAnyRole(ANY_STAFF)
                .pathMatchers(HttpMethod.POST, "/api/debtors/*/holds").hasAnyRole(names(Role.AGENT, Role.SUPERVISOR, Role.ADMIN))
                .pathMatchers(HttpMethod.DELETE, "/api/debtors/*/holds/*").hasAnyRole(names(Role.SUPERVISOR, Role.ADMIN))
                .pathMatchers("/api/debtors/*/erase", "/api/debtors/*/export").hasRole(Role.ADMIN.name())
                .pathMatchers(HttpMethod.DELETE, "/api/debtors/**").hasRole(Role.ADMIN.name())
                .pathMatchers(HttpMethod.POST, "/api/debtors/*/links/send")
                .hasAnyRole(names(Role.ADMIN, Role.SUPERVISOR, Role.AGENT))
                .pathMatchers("/api/debtors/**").hasAnyRole(names(Role.ADMIN, Role.SUPERVISOR))
                .pathMatchers(HttpMethod.POST, "/api/payments").hasAnyRole(names(Role.ADMIN, Role.SUPERVISOR, Role.AGENT))
                .pathMatchers("/api/payments/**").hasAnyRole(names(Role.ADMIN, Role.SUPERVISOR))
                .pathMatchers(HttpMethod.GET, "/api/plan-bounds/**", "/api/kpis/**").hasAnyRole(names(Role.ADMIN, Role.SUPERVISOR))
                .pathMatchers("/api/plan-bounds/**", "/api/webhooks/**").hasRole(Role.ADMIN.name())
                .pathMatchers("/api/webchat/links").hasAnyRole(names(Role.ADMIN, Role.SUPERVISOR, Role.AGENT))

                .pathMatchers(HttpMethod.GET, "/api/flows/**").hasAnyRole(ANY_STAFF)
                .pathMatchers(HttpMethod.HEAD, "/api/flows/**").hasAnyRole(ANY_STAFF)
                .pathMatchers("/api/flows/**").hasAnyRole(names(Role.DESIGNER, Role.ADMIN))

                .pathMatchers("/api/nlu/parse").hasAnyRole(ANY_STAFF)
                .pathMatchers("/api/nlu/**").hasAnyRole(names(Role.DESIGNER, Role.ADMIN))

                .pathMatchers("/api/conversations/**").hasAnyRole(ANY_STAFF)
                .pathMatchers("/api/agent/**").hasAnyRole(names(Role.AGENT, Role.SUPERVISOR, Role.ADMIN))
                .pathMatchers(HttpMethod.GET, "/api/whatsapp/templates/**").hasAnyRole(ANY_STAFF)
                .pathMatchers("/api/whatsapp/templates/**").hasAnyRole(names(Role.SUPERVISOR, Role.ADMIN))
                .pathMatchers("/api/campaigns/**", "/api/compliance/**")
                .hasAnyRole(names(Role.SUPERVISOR, Role.ADMIN))

                .pathMatchers("/api/**").authenticated()
                // the OpenAPI document and its UI (web.openapi), for any staff member
                .pathMatchers(API_DOCS_PATHS).hasAnyRole(ANY_STAFF)
                .anyExchange().permitAll();
    }

    private static String[] names(Role... roles) {
        String[] names = new String[roles.length];
        for (int i = 0; i < roles.length; i++) {
            names[i] = roles[i].name();
        }
        return names;
    }
}
