package dev.cobra.runtime.web.error;

import org.junit.jupiter.api.Test;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;

import static org.assertj.core.api.Assertions.assertThat;

/** Classification of exceptions that are awkward to provoke over HTTP. */
class JsonErrorWebExceptionHandlerTest {

    @Test
    void aCodecLimitHiddenInsideAnotherExceptionIsStill413() {
        var mapped = JsonErrorWebExceptionHandler.map(
                new ServerWebInputException("bad", null, new DecodingException("x", new DataBufferLimitException("big"))));
        assertThat(mapped.status()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(mapped.code()).isEqualTo("payload_too_large");
    }

    @Test
    void aMissingBodyIsABadRequestNotMalformedJson() {
        var mapped = JsonErrorWebExceptionHandler.map(new ServerWebInputException("No request body"));
        assertThat(mapped.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(mapped.code()).isEqualTo("bad_request");
        assertThat(mapped.message()).isEqualTo("No request body");
    }

    @Test
    void statusExceptionsKeepTheirStatusWithAStableCode() {
        var mapped = JsonErrorWebExceptionHandler.map(new ResponseStatusException(HttpStatus.TOO_MANY_REQUESTS));
        assertThat(mapped.status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(mapped.code()).isEqualTo("too_many_requests");
        assertThat(mapped.message()).isEqualTo("Too Many Requests.");
    }

    @Test
    void aDeniedAccessFromMethodSecurityIs403() {
        var mapped = JsonErrorWebExceptionHandler.map(new AccessDeniedException("no"));
        assertThat(mapped.status()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(mapped.code()).isEqualTo("forbidden");
    }

    @Test
    void anythingElseIs500WithoutTheOriginalMessage() {
        var mapped = JsonErrorWebExceptionHandler.map(new NullPointerException("field x of debtor D-1"));
        assertThat(mapped.status()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(mapped.code()).isEqualTo("internal_error");
        assertThat(mapped.message()).doesNotContain("D-1");
    }
}
