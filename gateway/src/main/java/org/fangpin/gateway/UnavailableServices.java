package org.fangpin.gateway;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.reactive.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A service that refuses connections, does not answer within the route's time, or whose circuit is open is
 * unavailable, not broken: the client gets 503 {@code SERVICE_UNAVAILABLE} with {@code Retry-After} and can send the
 * same request again (with the same Idempotency-Key for a write). Anything else is left to the default handling.
 * The routes' circuit breakers answer the same way ({@link CircuitBreakerFallback}).
 */
@Component
@Order(-2)
class UnavailableServices implements ErrorWebExceptionHandler {

    static final String RETRY_AFTER_SECONDS = "5";
    private static final Logger log = LoggerFactory.getLogger(UnavailableServices.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        if (exchange.getResponse().isCommitted() || !unavailable(failure)) {
            return Mono.error(failure);
        }
        return answer(exchange, failure);
    }

    /** 503 {@code SERVICE_UNAVAILABLE} with {@code Retry-After}, and the cause in the log. */
    static Mono<Void> answer(ServerWebExchange exchange, Throwable failure) {
        log.warn("{} {}: service unavailable ({})", exchange.getRequest().getMethod(),
                exchange.getRequest().getPath(), failure == null ? "circuit open" : failure.toString());
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        return Problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "SERVICE_UNAVAILABLE",
                "服务暂时不可用，请稍后重试；重试写入时请使用相同的 Idempotency-Key。",
                "The service is unavailable for a moment; try again shortly (a write with the same Idempotency-Key).");
    }

    static boolean unavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof TimeoutException
                    || cause instanceof io.netty.handler.timeout.TimeoutException
                    || (cause instanceof ResponseStatusException status
                    && (status.getStatusCode().value() == 503 || status.getStatusCode().value() == 504))) {
                return true;
            }
        }
        return false;
    }
}
