package dev.cobra.runtime.security;

import dev.cobra.runtime.config.AdminProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;

/**
 * Makes sure the bootstrap user {@code admin} (role ADMIN) exists before the server takes requests.
 * With {@code bot.admin.password} set, that password is authoritative (a changed value replaces the stored
 * hash). Without it, a random password is generated when the user is first created and printed once in the
 * log; later starts keep the stored password and print nothing secret.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class AdminBootstrap implements ApplicationRunner {

    public static final String ADMIN_USERNAME = "admin";

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    /** Startup runs once on the main thread; blocking here is fine, and bounded so a dead database fails fast. */
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final int GENERATED_LENGTH = 20;

    private final StaffUserStore store;
    private final PasswordEncoder encoder;
    private final AdminProperties properties;
    private final CachingAuthenticationManager authenticationCache;
    private final Clock clock;
    private volatile String origin = "unknown";

    public AdminBootstrap(StaffUserStore store, PasswordEncoder encoder, AdminProperties properties,
                          CachingAuthenticationManager authenticationCache, ObjectProvider<Clock> clock) {
        this.store = store;
        this.encoder = encoder;
        this.properties = properties;
        this.authenticationCache = authenticationCache;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Override
    public void run(ApplicationArguments args) {
        StaffUser existing = store.findByUsername(ADMIN_USERNAME).block(TIMEOUT);
        if (existing == null) {
            boolean generated = !properties.hasPassword();
            String password = generated ? randomPassword() : properties.password();
            StaffUser created = store.create(new StaffUser(ADMIN_USERNAME, encoder.encode(password),
                            EnumSet.of(Role.ADMIN), clock.instant()))
                    // Another instance on the same database won the race: its admin stands.
                    .onErrorResume(StaffUserStore.UsernameTakenException.class, e -> Mono.empty())
                    .block(TIMEOUT);
            if (created == null) {
                log.info("security.admin.exists created_by=another instance");
                origin = properties.hasPassword() ? "the value of BOT_ADMIN_PASSWORD (bot.admin.password)"
                        : "the one printed in the log of the instance that created it";
                return;
            }
            if (generated) {
                origin = "generated now and printed once above (set BOT_ADMIN_PASSWORD to choose your own)";
                // Deliberately printed: it is the only way to sign in the first time (CONTRACTS.md settings).
                log.warn("""

                        ================================================================
                          Created staff user 'admin' with a generated password:

                              {}

                          It is shown only this once. Set BOT_ADMIN_PASSWORD to choose it.
                        ================================================================""", password);
            } else {
                origin = "the value of BOT_ADMIN_PASSWORD (bot.admin.password)";
                log.info("security.admin.created source=bot.admin.password");
            }
            return;
        }
        if (properties.hasPassword()) {
            origin = "the value of BOT_ADMIN_PASSWORD (bot.admin.password)";
            if (!encoder.matches(properties.password(), existing.passwordHash())) {
                store.updatePasswordHash(ADMIN_USERNAME, encoder.encode(properties.password())).block(TIMEOUT);
                authenticationCache.forget(ADMIN_USERNAME);
                log.info("security.admin.password.updated source=bot.admin.password");
            }
        } else {
            origin = "the one printed in the log of the first start (set BOT_ADMIN_PASSWORD to replace it)";
        }
    }

    /** Where the admin password comes from, as a phrase for the startup guidance. Never the password itself. */
    public String passwordOrigin() {
        return origin;
    }

    private static String randomPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder(GENERATED_LENGTH);
        for (int i = 0; i < GENERATED_LENGTH; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
