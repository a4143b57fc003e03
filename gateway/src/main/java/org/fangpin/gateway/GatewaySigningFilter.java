package org.fangpin.gateway;

import java.net.URI;
import java.time.Instant;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.RouteToRequestUrlFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import org.fangpin.contracts.trust.GatewaySignature;

/**
 * Signs every routed request for the service it goes to (ADR 0014), so that the service can refuse anything that
 * did not pass here. The signature covers the path and query exactly as they are sent on, after routing, and
 * replaces any signature header the client sent.
 */
@Component
class GatewaySigningFilter implements GlobalFilter, Ordered {

    private final GatewaySignature signature;

    GatewaySigningFilter(@Value("${fangpin.gateway.secret}") String secret) {
        this.signature = new GatewaySignature(secret);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        URI routed = exchange.getRequiredAttribute(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR);
        // the URL as the routing filter puts it on the wire
        URI sent = URI.create(routed.toASCIIString());
        String pathAndQuery = sent.getRawQuery() == null ? sent.getRawPath()
                : sent.getRawPath() + "?" + sent.getRawQuery();
        ServerHttpRequest request = exchange.getRequest();
        String value = signature.sign(Instant.now(), request.getMethod().name(), pathAndQuery,
                request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION));
        return chain.filter(exchange.mutate()
                .request(request.mutate().headers(headers -> headers.set(GatewaySignature.HEADER, value)).build())
                .build());
    }

    @Override
    public int getOrder() {
        // once the route has set the service's URL, before the request is sent
        return RouteToRequestUrlFilter.ROUTE_TO_URL_FILTER_ORDER + 1;
    }
}
