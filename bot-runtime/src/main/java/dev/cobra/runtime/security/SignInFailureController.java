package dev.cobra.runtime.security;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

/** {@code GET /api/security/sign-in-failures} (ADMIN): recent failed staff sign-ins, newest first. */
@RestController
class SignInFailureController {

    static final int LIMIT = 500;

    private final SignInFailureLog failures;

    SignInFailureController(SignInFailureLog failures) {
        this.failures = failures;
    }

    @GetMapping("/api/security/sign-in-failures")
    Flux<SignInFailureLog.Failure> recent() {
        return failures.newest(LIMIT);
    }
}
