package dev.cobra.runtime.web.error;

import org.springframework.http.HttpStatus;

import java.time.Duration;

/** 429 {@code too_many_requests} with a {@code Retry-After} header of whole seconds (at least one). */
public class TooManyRequestsException extends ApiException {

    private final long retryAfterSeconds;

    public TooManyRequestsException(String message, Duration retryAfter) {
        super(HttpStatus.TOO_MANY_REQUESTS, "too_many_requests", message);
        this.retryAfterSeconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
