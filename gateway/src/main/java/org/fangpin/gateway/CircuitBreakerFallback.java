package org.fangpin.gateway;

import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Where a route's circuit breaker sends a request it does not pass on — the circuit open after repeated failures,
 * or the service failing this time (refused, timed out, no replica ready): 503 {@code SERVICE_UNAVAILABLE} at once.
 */
@RestController
class CircuitBreakerFallback {

    /** The routes' {@code fallbackUri} forwards here ({@code application.yml}). */
    static final String PATH = "/service-unavailable";

    @RequestMapping(PATH)
    Mono<Void> unavailable(ServerWebExchange exchange) {
        Throwable failure = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        return UnavailableServices.answer(exchange, failure);
    }
}
