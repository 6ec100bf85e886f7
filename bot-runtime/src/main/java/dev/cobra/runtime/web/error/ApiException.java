package dev.cobra.runtime.web.error;

import org.springframework.http.HttpStatus;

/**
 * An error meant for the API client: thrown (or emitted as {@code Mono.error}) anywhere in a request, it becomes
 * {@code {"error": code, "message": message}} with {@code status}. The message is shown to the client, so it
 * must not carry personal data.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;

    public ApiException(HttpStatus status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public static ApiException badRequest(String code, String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, code, message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(HttpStatus.NOT_FOUND, "not_found", message);
    }

    public static ApiException conflict(String code, String message) {
        return new ApiException(HttpStatus.CONFLICT, code, message);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** No stack trace: these are expected outcomes, and the trace would cost more than the request. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
