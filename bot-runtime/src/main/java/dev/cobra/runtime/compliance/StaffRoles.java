package dev.cobra.runtime.compliance;

import dev.cobra.runtime.web.error.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import reactor.core.publisher.Mono;

import java.util.Arrays;

/** Finer role checks than the path rules, and the signed-in username for records. */
public final class StaffRoles {

    private StaffRoles() {
    }

    /** Completes empty when the caller has one of {@code roles}; a 403 error otherwise. */
    public static Mono<Void> require(String... roles) {
        return ReactiveSecurityContextHolder.getContext()
                .map(context -> {
                    Authentication auth = context.getAuthentication();
                    return auth != null && auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                            .anyMatch(authority -> Arrays.stream(roles).anyMatch(r -> authority.equals("ROLE_" + r)));
                })
                .defaultIfEmpty(false)
                .flatMap(allowed -> allowed ? Mono.<Void>empty()
                        : Mono.error(new ApiException(HttpStatus.FORBIDDEN, "forbidden",
                        "Only " + String.join(" or ", roles) + " may do this.")));
    }

    public static Mono<String> username() {
        return ReactiveSecurityContextHolder.getContext()
                .mapNotNull(context -> context.getAuthentication() == null ? null : context.getAuthentication().getName())
                .defaultIfEmpty("unknown");
    }
}
