package dev.cobra.runtime.security;

import dev.cobra.runtime.web.error.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Changing staff users after creation: profile, roles, queues and disabling (ADMIN, under {@code /api/users/**}),
 * a password reset by an admin (a one-time password unless one is given), and a user changing their own
 * password ({@code /api/me/password}, any staff). Every change drops the user's cached sign-ins, so a disabled
 * user or an old password stops working at once rather than after the cache's two minutes.
 */
@RestController
public class StaffUserAdminController {

    private static final Logger log = LoggerFactory.getLogger(StaffUserAdminController.class);

    private final StaffUserStore store;
    private final PasswordEncoder encoder;
    private final CachingAuthenticationManager signIns;

    public StaffUserAdminController(StaffUserStore store, PasswordEncoder encoder, CachingAuthenticationManager signIns) {
        this.store = store;
        this.encoder = encoder;
        this.signIns = signIns;
    }

    public record ChangeUserRequest(String name, List<String> roles, List<String> queues, Boolean disabled) {
    }

    public record ResetPasswordRequest(String password) {
    }

    public record ChangeOwnPasswordRequest(String currentPassword, String newPassword) {
    }

    @PatchMapping("/api/users/{username}")
    public Mono<StaffUserController.UserView> change(@PathVariable String username,
                                                     @RequestBody ChangeUserRequest request,
                                                     Mono<Authentication> caller) {
        String name = StaffUserRules.name(request.name());
        Set<Role> roles = request.roles() == null ? null : StaffUserRules.roles(request.roles());
        List<String> queues = StaffUserRules.queues(request.queues());
        return caller.flatMap(auth -> {
            boolean self = auth.getName().equals(username);
            if (self && (Boolean.TRUE.equals(request.disabled()) || (roles != null && !roles.contains(Role.ADMIN)))) {
                return Mono.error(ApiException.conflict("self_lockout",
                        "You cannot disable yourself or take away your own ADMIN role; ask another admin."));
            }
            return store.update(username, name, roles, queues, request.disabled());
        }).switchIfEmpty(Mono.error(() -> ApiException.notFound("No staff user with this username.")))
                .doOnNext(user -> {
                    signIns.forget(username);
                    log.info("security.user.changed username={} roles={} disabled={}", username, user.roles(),
                            user.disabled());
                })
                .map(StaffUserController.UserView::of);
    }

    /** Sets a new password: the one given (the user keeps it), or a generated one-time password shown once. */
    @PostMapping("/api/users/{username}/password")
    public Mono<StaffUserController.UserView> reset(@PathVariable String username,
                                                    @RequestBody(required = false) ResetPasswordRequest request) {
        String given = request == null ? null : request.password();
        boolean generate = given == null || given.isEmpty();
        String password = generate ? StaffUserRules.oneTimePassword() : given;
        StaffUserRules.password(password);
        return hash(password)
                .flatMap(hash -> store.setPassword(username, hash, generate))
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("No staff user with this username.")))
                .doOnNext(user -> {
                    signIns.forget(username);
                    log.info("security.user.password_reset username={} one_time={}", username, generate);
                })
                .map(user -> StaffUserController.UserView.of(user, generate ? password : null));
    }

    /** The signed-in user replaces their password (e.g. the one-time password an admin gave them). */
    @PostMapping("/api/me/password")
    public Mono<Map<String, Boolean>> changeOwn(@RequestBody ChangeOwnPasswordRequest request,
                                                Mono<Authentication> caller) {
        StaffUserRules.password(request.newPassword());
        return caller.flatMap(auth -> store.findByUsername(auth.getName())
                .filterWhen(user -> Mono.fromCallable(() -> request.currentPassword() != null
                                && encoder.matches(request.currentPassword(), user.passwordHash()))
                        .subscribeOn(Schedulers.boundedElastic()))
                .switchIfEmpty(Mono.error(() -> new ApiException(HttpStatus.BAD_REQUEST, "wrong_current_password",
                        "The current password is not right.")))
                .flatMap(user -> {
                    if (request.newPassword().equals(request.currentPassword())) {
                        return Mono.error(ApiException.badRequest("same_password",
                                "Choose a password different from the current one."));
                    }
                    return hash(request.newPassword()).flatMap(hash -> store.setPassword(user.username(), hash, false));
                })
                .doOnNext(user -> signIns.forget(user.username()))
                .thenReturn(Map.of("changed", true)));
    }

    private Mono<String> hash(String password) {
        return Mono.fromCallable(() -> encoder.encode(password)).subscribeOn(Schedulers.boundedElastic());
    }
}
