package dev.cobra.runtime.web;

import dev.cobra.runtime.web.error.JsonErrorWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * A request whose declared {@code Content-Length} is over {@code spring.codec.max-in-memory-size} is answered
 * {@code 413 payload_too_large} before a byte of its body is read: nothing is buffered, decoded or logged with a
 * stack trace. Bodies without a length (chunked) are still bounded by the codecs themselves.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class BodySizeLimit implements WebFilter {

    private static final Logger log = LoggerFactory.getLogger(BodySizeLimit.class);

    private final long maxBytes;
    private final JsonErrorWriter writer;

    public BodySizeLimit(@Value("${spring.codec.max-in-memory-size:10MB}") DataSize max, JsonErrorWriter writer) {
        this.maxBytes = max.toBytes();
        this.writer = writer;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long length = exchange.getRequest().getHeaders().getContentLength();
        if (maxBytes > 0 && length > maxBytes) {
            log.info("http.body_too_large method={} path={} bytes={}", exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath().value(), length);
            exchange.getResponse().getHeaders().setConnection("close");
            return writer.write(exchange.getResponse(), HttpStatus.PAYLOAD_TOO_LARGE, "payload_too_large",
                    "The request body is larger than this server accepts.");
        }
        return chain.filter(exchange);
    }
}
