package dev.cobra.runtime.security;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.cobra.runtime.web.error.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
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
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Staff users: create (ADMIN; with a chosen password or a generated one-time password), list (ADMIN), and
 * "who am I" for the web apps' sign-in. Changes to existing users live in {@link StaffUserAdminController}.
 */
@RestController
public class StaffUserController {

    private static final Logger log = LoggerFactory.getLogger(StaffUserController.class);

    private final StaffUserStore store;
    private final PasswordEncoder encoder;
    private final Clock clock;

    public StaffUserController(StaffUserStore store, PasswordEncoder encoder, ObjectProvider<Clock> clock) {
        this.store = store;
        this.encoder = encoder;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /**
     * @param generatePassword when true and no password is given, the server generates a one-time password,
     *                         answers it once ({@code oneTimePassword}) and asks for a new one at first sign-in
     */
    public record CreateUserRequest(String username, String password, List<String> roles, String name,
                                    List<String> queues, Boolean generatePassword) {
    }

    /** A user as the API shows it; {@code oneTimePassword} only in the answer that issued it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record UserView(String username, List<String> roles, String name, List<String> queues, boolean disabled,
                           boolean mustChangePassword, Instant createdAt, String oneTimePassword) {

        static UserView of(StaffUser user) {
            return of(user, null);
        }

        static UserView of(StaffUser user, String oneTimePassword) {
            return new UserView(user.username(), user.roles().stream().map(Role::name).sorted().toList(), user.name(),
                    user.queues(), user.disabled(), user.mustChangePassword(), user.createdAt(), oneTimePassword);
        }
    }

    @PostMapping("/api/users")
    public Mono<ResponseEntity<UserView>> create(@RequestBody CreateUserRequest request) {
        StaffUserRules.username(request.username());
        boolean generate = Boolean.TRUE.equals(request.generatePassword())
                && (request.password() == null || request.password().isEmpty());
        String password = generate ? StaffUserRules.oneTimePassword() : request.password();
        StaffUserRules.password(password);
        Set<Role> roles = StaffUserRules.roles(request.roles());
        String name = StaffUserRules.name(request.name());
        List<String> queues = StaffUserRules.queues(request.queues());
        return Mono.fromCallable(() -> encoder.encode(password))
                .subscribeOn(Schedulers.boundedElastic()) // bcrypt: CPU work off the event loop
                .flatMap(hash -> store.create(new StaffUser(request.username(), hash, roles, clock.instant(), name,
                        queues, false, generate)))
                .onErrorMap(StaffUserStore.UsernameTakenException.class,
                        e -> ApiException.conflict("username_taken", "A user with this username already exists."))
                .doOnNext(user -> log.info("security.user.created username={} roles={} one_time_password={}",
                        user.username(), user.roles(), generate))
                .map(user -> ResponseEntity.created(URI.create("/api/users/" + user.username()))
                        .body(UserView.of(user, generate ? password : null)));
    }

    @GetMapping("/api/users")
    public Flux<UserView> list() {
        return store.findAll().map(UserView::of);
    }

    /** The signed-in user: username and roles, plus the display name and whether a new password is due. */
    @GetMapping("/api/me")
    public Mono<UserView> me(Mono<Authentication> authentication) {
        return authentication.flatMap(auth -> {
            List<String> roles = auth.getAuthorities().stream()
                    .map(GrantedAuthority::getAuthority)
                    .filter(a -> a.startsWith("ROLE_"))
                    .map(a -> a.substring("ROLE_".length()))
                    .sorted()
                    .toList();
            return store.findByUsername(auth.getName())
                    .map(user -> new UserView(auth.getName(), roles, user.name(), user.queues(), false,
                            user.mustChangePassword(), user.createdAt(), null))
                    .defaultIfEmpty(new UserView(auth.getName(), roles, null, List.of(), false, false, null, null));
        });
    }
}
