package dev.cobra.runtime.security;

import dev.cobra.runtime.web.error.JsonErrorWriter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UserDetailsRepositoryReactiveAuthenticationManager;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;

/**
 * Stateless HTTP security: HTTP Basic against the staff users in MongoDB on every request (no session, so no
 * CSRF exposure), the role matrix of {@link AccessRules}, JSON 401/403.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableConfigurationProperties(SignInProperties.class)
public class SecurityConfiguration {

    /** bcrypt cost: ~50–100 ms per check on a small machine; checks run off the event loop and are cached. */
    static final int BCRYPT_STRENGTH = 10;

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder(BCRYPT_STRENGTH);
    }

    @Bean
    ReactiveUserDetailsService staffUserDetailsService(StaffUserStore store, PasswordEncoder encoder) {
        return new StaffUserDetailsService(store, encoder);
    }

    /** Requests the security firewall refuses (encoded slashes, "..", bad header values) get a JSON 400 too. */
    @Bean
    ServerExchangeRejectedHandler jsonExchangeRejectedHandler(JsonErrorWriter writer) {
        return (exchange, rejected) -> writer.write(exchange.getResponse(), HttpStatus.BAD_REQUEST, "rejected_request",
                "The request was rejected as malformed (its path or headers are not allowed).");
    }

    @Bean
    SignInFailureLog signInFailureLog(ReactiveMongoTemplate mongo) {
        return new SignInFailureLog(mongo);
    }

    @Bean
    CachingAuthenticationManager staffAuthenticationManager(ReactiveUserDetailsService users,
                                                            PasswordEncoder encoder, SignInFailureLog failures,
                                                            SignInProperties signIn, ObjectProvider<Clock> clock) {
        UserDetailsRepositoryReactiveAuthenticationManager bcrypt =
                new UserDetailsRepositoryReactiveAuthenticationManager(users);
        bcrypt.setPasswordEncoder(encoder);
        // bcrypt is CPU work: never on a Netty thread.
        bcrypt.setScheduler(Schedulers.boundedElastic());
        Clock time = clock.getIfAvailable(Clock::systemUTC);
        // Cached successes first (a signed-in user keeps working during an attack), then the throttle, then bcrypt.
        return new CachingAuthenticationManager(new ThrottledAuthenticationManager(bcrypt, failures, signIn, time), time);
    }

    /**
     * Debtor-facing pages and APIs: public and embeddable in the creditor's site (no X-Frame-Options). Who may
     * see what is decided by the session id or the deep-link token, not by a sign-in.
     */
    @Bean
    @Order(1)
    SecurityWebFilterChain debtorFacingChain(ServerHttpSecurity http) {
        return http
                .securityMatcher(ServerWebExchangeMatchers.pathMatchers("/chat/**", "/webchat/**"))
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .headers(headers -> headers.frameOptions(ServerHttpSecurity.HeaderSpec.FrameOptionsSpec::disable))
                .authorizeExchange(rules -> rules.anyExchange().permitAll())
                .build();
    }

    @Bean
    @Order(2)
    SecurityWebFilterChain staffChain(ServerHttpSecurity http, CachingAuthenticationManager authenticationManager,
                                      JsonErrorWriter writer) {
        JsonAuthenticationEntryPoint entryPoint = new JsonAuthenticationEntryPoint(writer);
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .authenticationManager(authenticationManager)
                .httpBasic(basic -> basic.authenticationManager(authenticationManager)
                        .authenticationEntryPoint(entryPoint))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(new JsonAccessDeniedHandler(writer)))
                .authorizeExchange(AccessRules::apply)
                .build();
    }
}
