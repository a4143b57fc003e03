package org.fangpin.gateway;

import java.net.URI;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.RouteToRequestUrlFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.fangpin.contracts.trust.GatewaySignature;

/**
 * Signs every routed request for the service it goes to (ADR 0014), so that the service can refuse anything that
 * did not pass here unchanged. The signature covers the path and query exactly as they are sent on, after routing,
 * the token, a request id of its own and a digest of the body, which is read here up to its limit (413 beyond it);
 * a body for a path that takes files is streamed on unread, announced by its length (411 without one, 413 beyond
 * the path's limit), and signed as such. It replaces any signature header the client sent.
 */
@Component
class GatewaySigningFilter implements GlobalFilter, Ordered {

    private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final GatewaySignature signature;
    private final RequestBodies bodies;

    GatewaySigningFilter(@Value("${fangpin.gateway.secret}") String secret, RequestBodies bodies) {
        this.signature = new GatewaySignature(secret);
        this.bodies = bodies;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (!WITH_BODY.contains(request.getMethod().name())) {
            return chain.filter(signed(exchange, request, GatewaySignature.digest(new byte[0])));
        }
        RequestBodies.Streamed streamed = bodies.streamedAt(request.getPath().value());
        if (streamed != null) {
            long length = request.getHeaders().getContentLength();
            if (length < 0) {
                return Problems.write(exchange, HttpStatus.LENGTH_REQUIRED, "LENGTH_REQUIRED",
                        "上传文件须注明大小（Content-Length）。", "A file upload must state its length (Content-Length).");
            }
            if (length > streamed.maxSize().toBytes()) {
                return tooLarge(exchange);
            }
            return chain.filter(signed(exchange, request, GatewaySignature.UNSIGNED_PAYLOAD));
        }
        if (request.getHeaders().getContentLength() > bodies.maxSize().toBytes()) {
            return tooLarge(exchange);
        }
        return DataBufferUtils.join(request.getBody(), (int) bodies.maxSize().toBytes())
                .map(buffer -> {
                    byte[] body = new byte[buffer.readableByteCount()];
                    buffer.read(body);
                    DataBufferUtils.release(buffer);
                    return body;
                })
                .defaultIfEmpty(new byte[0])
                .flatMap(body -> chain.filter(signed(exchange, withBody(exchange, request, body),
                        GatewaySignature.digest(body))))
                .onErrorResume(DataBufferLimitException.class, e -> tooLarge(exchange));
    }

    private ServerWebExchange signed(ServerWebExchange exchange, ServerHttpRequest request, String bodyDigest) {
        URI routed = exchange.getRequiredAttribute(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR);
        // the URL as the routing filter puts it on the wire
        URI sent = URI.create(routed.toASCIIString());
        String pathAndQuery = sent.getRawQuery() == null ? sent.getRawPath()
                : sent.getRawPath() + "?" + sent.getRawQuery();
        String value = signature.sign(Instant.now(), UUID.randomUUID().toString(), request.getMethod().name(),
                pathAndQuery, request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION), bodyDigest);
        return exchange.mutate()
                .request(request.mutate().headers(headers -> headers.set(GatewaySignature.HEADER, value)).build())
                .build();
    }

    /** The request with the body read for the digest, sent on as read. */
    private static ServerHttpRequest withBody(ServerWebExchange exchange, ServerHttpRequest request, byte[] body) {
        return new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.defer(() -> Flux.just(exchange.getResponse().bufferFactory().wrap(body)));
            }
        };
    }

    private static Mono<Void> tooLarge(ServerWebExchange exchange) {
        return Problems.write(exchange, HttpStatus.PAYLOAD_TOO_LARGE, "REQUEST_TOO_LARGE",
                "提交的内容超过允许的大小，未予处理。请拆分后分批提交。",
                "The request is larger than allowed and was not processed; split it and submit in parts.");
    }

    @Override
    public int getOrder() {
        // once the route has set the service's URL, before the request is sent
        return RouteToRequestUrlFilter.ROUTE_TO_URL_FILTER_ORDER + 1;
    }
}
