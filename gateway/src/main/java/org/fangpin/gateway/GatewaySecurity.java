package org.fangpin.gateway;

import java.nio.charset.StandardCharsets;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Validates every {@code /api} request's JWT (signature through the issuer's JWKS, issuer, audience, expiry)
 * before routing it; the services validate it again. Anything outside {@code /api} and the health and metrics
 * endpoints is closed.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class GatewaySecurity {

    @Bean
    SecurityWebFilterChain apiSecurityChain(ServerHttpSecurity http) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/actuator/health/**", "/actuator/prometheus", "/actuator/info").permitAll()
                        .pathMatchers("/api/**").authenticated()
                        .anyExchange().denyAll())
                .oauth2ResourceServer(oauth -> oauth
                        .jwt(Customizer.withDefaults())
                        .authenticationEntryPoint((exchange, e) ->
                                problem(exchange, HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED",
                                        "未登录或登录已失效，请重新登录。", "Not signed in, or the sign-in has expired."))
                        .accessDeniedHandler((exchange, e) ->
                                problem(exchange, HttpStatus.FORBIDDEN, "FORBIDDEN",
                                        "您没有权限执行此操作。", "You are not allowed to do this.")))
                .exceptionHandling(errors -> errors.accessDeniedHandler((exchange, e) ->
                        problem(exchange, HttpStatus.FORBIDDEN, "FORBIDDEN",
                                "您没有权限执行此操作。", "You are not allowed to do this.")))
                .build();
    }

    /** The same problem+json shape as the services' (code, detail in Chinese, both messages). */
    private static Mono<Void> problem(ServerWebExchange exchange, HttpStatus status, String code, String chinese,
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
