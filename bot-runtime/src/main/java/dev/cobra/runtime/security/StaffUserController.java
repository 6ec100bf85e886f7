package dev.cobra.runtime.security;

import dev.cobra.runtime.web.error.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Staff users: create (ADMIN), list (ADMIN), and "who am I" for the web apps' sign-in. */
@RestController
public class StaffUserController {

    private static final Logger log = LoggerFactory.getLogger(StaffUserController.class);

    static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{3,64}");
    static final int MIN_PASSWORD_LENGTH = 8;
    /** bcrypt only reads the first 72 bytes; longer passwords would silently lose their tail. */
    static final int MAX_PASSWORD_BYTES = 72;

    private final StaffUserStore store;
    private final PasswordEncoder encoder;
    private final Clock clock;

    public StaffUserController(StaffUserStore store, PasswordEncoder encoder, ObjectProvider<Clock> clock) {
        this.store = store;
        this.encoder = encoder;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    public record CreateUserRequest(String username, String password, List<String> roles) {
    }

    public record UserView(String username, List<String> roles) {
    }

    @PostMapping("/api/users")
    public Mono<ResponseEntity<UserView>> create(@RequestBody CreateUserRequest request) {
        Set<Role> roles = validate(request);
        return Mono.fromCallable(() -> encoder.encode(request.password()))
                .subscribeOn(Schedulers.boundedElastic()) // bcrypt: CPU work off the event loop
                .flatMap(hash -> store.create(new StaffUser(request.username(), hash, roles, clock.instant())))
                .onErrorMap(StaffUserStore.UsernameTakenException.class,
                        e -> ApiException.conflict("username_taken", "A user with this username already exists."))
                .doOnNext(user -> log.info("security.user.created username={} roles={}", user.username(),
                        user.roles()))
                .map(user -> ResponseEntity.created(URI.create("/api/users/" + user.username())).body(view(user)));
    }

    @GetMapping("/api/users")
    public Flux<UserView> list() {
        return store.findAll().map(StaffUserController::view);
    }

    @GetMapping("/api/me")
    public Mono<UserView> me(Mono<Authentication> authentication) {
        return authentication.map(auth -> new UserView(auth.getName(), auth.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring("ROLE_".length()))
                .sorted()
                .toList()));
    }

    private static Set<Role> validate(CreateUserRequest request) {
        if (request.username() == null || !USERNAME.matcher(request.username()).matches()) {
            throw ApiException.badRequest("invalid_username",
                    "username must be 3-64 characters: letters, digits, '.', '_', '@' or '-'.");
        }
        if (request.password() == null || request.password().length() < MIN_PASSWORD_LENGTH
                || request.password().getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw ApiException.badRequest("invalid_password",
                    "password must have at least " + MIN_PASSWORD_LENGTH + " characters and at most "
                            + MAX_PASSWORD_BYTES + " bytes.");
        }
        if (request.roles() == null || request.roles().isEmpty()) {
            throw ApiException.badRequest("invalid_roles",
                    "roles must name at least one of " + List.of(Role.values()) + ".");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        List<String> unknown = new ArrayList<>();
        for (String name : request.roles()) {
            Role.parse(name).ifPresentOrElse(roles::add, () -> unknown.add(String.valueOf(name)));
        }
        if (!unknown.isEmpty()) {
            throw ApiException.badRequest("invalid_roles",
                    "unknown roles " + unknown + "; allowed: " + List.of(Role.values()) + ".");
        }
        return roles;
    }

    private static UserView view(StaffUser user) {
        return new UserView(user.username(), user.roles().stream().map(Role::name).sorted().toList());
    }
}
