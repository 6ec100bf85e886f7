package dev.cobra.runtime.web.error;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.reactive.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.NotAcceptableStatusException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import reactor.core.publisher.Mono;

import java.util.stream.Collectors;

/**
 * The single place where exceptions become HTTP answers. It runs before Spring Boot's default handler (which
 * would answer with its own shape and, for some errors, HTML), so every failure — from controllers, codecs,
 * routing or unexpected bugs — leaves as {@code {"error","message"}}. Unexpected failures are logged here
 * with their stack trace and answered 500 {@code internal_error} without any internals.
 */
@Component
@Order(-2)
public class JsonErrorWebExceptionHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(JsonErrorWebExceptionHandler.class);

    private final JsonErrorWriter writer;

    public JsonErrorWebExceptionHandler(JsonErrorWriter writer) {
        this.writer = writer;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(ex);
        }
        Mapped mapped = map(ex);
        if (mapped.status().is5xxServerError()) {
            log.error("http.error status={} method={} path={}", mapped.status().value(),
                    exchange.getRequest().getMethod(), exchange.getRequest().getPath().value(), ex);
        } else {
            log.debug("http.error status={} code={} method={} path={} cause={}", mapped.status().value(),
                    mapped.code(), exchange.getRequest().getMethod(), exchange.getRequest().getPath().value(),
                    ex.getClass().getSimpleName());
        }
        if (ex instanceof TooManyRequestsException limited) {
            exchange.getResponse().getHeaders().set(org.springframework.http.HttpHeaders.RETRY_AFTER,
                    Long.toString(limited.retryAfterSeconds()));
        }
        if (ex instanceof MethodNotAllowedException notAllowed && !notAllowed.getSupportedMethods().isEmpty()) {
            exchange.getResponse().getHeaders().setAllow(notAllowed.getSupportedMethods());
        }
        return writer.write(exchange.getResponse(), mapped.status(), mapped.code(), mapped.message());
    }

    /** Visible for tests: how an exception is classified. */
    static Mapped map(Throwable ex) {
        if (ex instanceof ApiException api) {
            return new Mapped(api.status(), api.code(), api.getMessage());
        }
        if (findCause(ex, DataBufferLimitException.class) != null) {
            return new Mapped(HttpStatus.PAYLOAD_TOO_LARGE, "payload_too_large",
                    "The request body is larger than this server accepts.");
        }
        if (ex instanceof WebExchangeBindException bind) {
            String details = bind.getFieldErrors().stream()
                    .map(JsonErrorWebExceptionHandler::describe)
                    .collect(Collectors.joining("; "));
            return new Mapped(HttpStatus.BAD_REQUEST, "validation_failed",
                    details.isEmpty() ? "The request is not valid." : details);
        }
        if (ex instanceof ConstraintViolationException violations) {
            String details = violations.getConstraintViolations().stream()
                    .map(v -> v.getPropertyPath() + ": " + v.getMessage())
                    .sorted()
                    .collect(Collectors.joining("; "));
            return new Mapped(HttpStatus.BAD_REQUEST, "validation_failed", details);
        }
        JsonProcessingException json = findCause(ex, JsonProcessingException.class);
        if (json != null || findCause(ex, DecodingException.class) != null) {
            return new Mapped(HttpStatus.BAD_REQUEST, "malformed_json",
                    "The request body is not valid JSON for this endpoint" + where(json) + ".");
        }
        if (ex instanceof UnsupportedMediaTypeStatusException unsupported) {
            String type = unsupported.getContentType() == null ? "missing" : unsupported.getContentType().toString();
            return new Mapped(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
                    "Content type " + type + " is not supported here; supported: "
                            + unsupported.getSupportedMediaTypes() + ".");
        }
        if (ex instanceof MethodNotAllowedException notAllowed) {
            return new Mapped(HttpStatus.METHOD_NOT_ALLOWED, "method_not_allowed",
                    "Method " + notAllowed.getHttpMethod() + " is not allowed here.");
        }
        if (ex instanceof NotAcceptableStatusException) {
            return new Mapped(HttpStatus.NOT_ACCEPTABLE, "not_acceptable",
                    "None of the accepted response types can be produced.");
        }
        if (ex instanceof ServerWebInputException input) {
            return new Mapped(HttpStatus.BAD_REQUEST, "bad_request",
                    input.getReason() == null ? "The request is not valid." : input.getReason());
        }
        if (ex instanceof ResponseStatusException status) {
            HttpStatusCode code = status.getStatusCode();
            String reason = status.getReason();
            return new Mapped(code, codeFor(code), reason == null ? defaultMessage(code) : reason);
        }
        if (ex instanceof AccessDeniedException) {
            return new Mapped(HttpStatus.FORBIDDEN, "forbidden", "Your role does not allow this.");
        }
        if (ex instanceof AuthenticationException) {
            return new Mapped(HttpStatus.UNAUTHORIZED, "unauthorized", "Sign in to use this endpoint.");
        }
        return new Mapped(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error",
                "Something went wrong on our side; the error was logged.");
    }

    private static String describe(FieldError error) {
        return error.getField() + ": " + error.getDefaultMessage();
    }

    private static String where(JsonProcessingException json) {
        if (json == null || json.getLocation() == null) {
            return "";
        }
        JsonLocation location = json.getLocation();
        if (location.getLineNr() < 0) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    static String codeFor(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "bad_request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 409 -> "conflict";
            case 413 -> "payload_too_large";
            case 415 -> "unsupported_media_type";
            case 429 -> "too_many_requests";
            case 503 -> "unavailable";
            default -> status.is5xxServerError() ? "internal_error" : "error_" + status.value();
        };
    }

    private static String defaultMessage(HttpStatusCode code) {
        if (code.value() == 404) {
            return "Nothing here.";
        }
        HttpStatus known = HttpStatus.resolve(code.value());
        return known == null ? "Request failed." : known.getReasonPhrase() + ".";
    }

    private static <T extends Throwable> T findCause(Throwable ex, Class<T> type) {
        Throwable current = ex;
        for (int depth = 0; current != null && depth < 10; depth++) {
            if (type.isInstance(current)) {
                return type.cast(current);
            }
            current = current.getCause();
        }
        return null;
    }

    record Mapped(HttpStatusCode status, String code, String message) {
    }
}
