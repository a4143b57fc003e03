package org.fangpin.gateway;

import java.nio.charset.StandardCharsets;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The gateway's own refusals, in the same problem+json shape as the services' (code, Chinese detail, both messages). */
final class Problems {

    private Problems() {
    }

    static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String code, String chinese,
                            String english) {
        String body = """
                {"type":"urn:fangpin:problem:%s","title":"%s","status":%d,"detail":"%s","code":"%s",\
                "messages":{"zh-CN":"%s","en":"%s"}}""".formatted(code, status.getReasonPhrase(), status.value(),
                chinese, code, chinese, english);
        exchange.getResponse().setStatusCode(status);
        exchange.getResponse().getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        DataBuffer buffer = exchange.getResponse().bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8));
        return exchange.getResponse().writeWith(Mono.just(buffer));
    }
}
