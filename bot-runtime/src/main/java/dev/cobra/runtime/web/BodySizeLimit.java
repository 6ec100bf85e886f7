package dev.cobra.runtime.web;

import dev.cobra.runtime.web.error.JsonErrorWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Request bodies over {@code spring.codec.max-in-memory-size} are answered {@code 413 payload_too_large}, with
 * nothing buffered past the limit, decoded or logged with a stack trace. A declared {@code Content-Length} over the
 * limit is refused before a byte is read. A body without a length ({@code Transfer-Encoding: chunked}) is counted as
 * it arrives and fails with {@link DataBufferLimitException} (answered 413 by the JSON error handler) at the chunk
 * that crosses the limit; left to the codecs, that case made Reactor Netty log a reference-count stack trace.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class BodySizeLimit implements WebFilter {

    private static final Logger log = LoggerFactory.getLogger(BodySizeLimit.class);
    private static final String MESSAGE = "The request body is larger than this server accepts.";

    private final long maxBytes;
    private final JsonErrorWriter writer;

    public BodySizeLimit(@Value("${spring.codec.max-in-memory-size:10MB}") DataSize max, JsonErrorWriter writer) {
        this.maxBytes = max.toBytes();
        this.writer = writer;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (maxBytes <= 0) {
            return chain.filter(exchange);
        }
        long length = exchange.getRequest().getHeaders().getContentLength();
        if (length > maxBytes) {
            tooLarge(exchange, Long.toString(length));
            return writer.write(exchange.getResponse(), HttpStatus.PAYLOAD_TOO_LARGE, "payload_too_large", MESSAGE);
        }
        HttpMethod method = exchange.getRequest().getMethod();
        if (length >= 0 || HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method)) {
            return chain.filter(exchange); // a declared length within the limit, or no body: nothing to count
        }
        return chain.filter(exchange.mutate().request(new CountedBody(exchange)).build());
    }

    private void tooLarge(ServerWebExchange exchange, String bytes) {
        log.info("http.body_too_large method={} path={} bytes={}", exchange.getRequest().getMethod(),
                exchange.getRequest().getPath().value(), bytes);
        // The client may still be sending; the connection is not worth keeping for another request.
        exchange.getResponse().getHeaders().setConnection("close");
    }

    /** The body of unknown length, failing once more than {@code maxBytes} have arrived. */
    private final class CountedBody extends ServerHttpRequestDecorator {

        private final ServerWebExchange exchange;

        CountedBody(ServerWebExchange exchange) {
            super(exchange.getRequest());
            this.exchange = exchange;
        }

        @Override
        public Flux<DataBuffer> getBody() {
            return Flux.defer(() -> {
                long[] seen = {0};
                return super.getBody().handle((buffer, sink) -> {
                    seen[0] += buffer.readableByteCount();
                    if (seen[0] <= maxBytes) {
                        sink.next(buffer);
                        return;
                    }
                    tooLarge(exchange, "over " + maxBytes);
                    // Not released here: handle() hands the refused buffer to the subscriber's discard hook.
                    sink.error(new DataBufferLimitException("Exceeded limit on max bytes to buffer : " + maxBytes));
                });
            });
        }
    }
}
