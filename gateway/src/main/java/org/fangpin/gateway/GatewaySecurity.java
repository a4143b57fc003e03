package org.fangpin.gateway;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.oauth2.resource.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import org.fangpin.contracts.trust.ActingClaims;

/**
 * Validates every {@code /api} request's JWT before routing it; the services validate it again. Outside {@code /api}
 * only the API docs, the health and metrics endpoints and the web console's own files ({@link WebConsole}) answer,
 * all under a strict Content-Security-Policy: the console runs only its own scripts and talks only to this origin
 * and to the sign-in issuer.
 * <p>
 * The token checks follow RFC 8725 (JWT best current practices): only the asymmetric algorithms the issuer uses
 * (RS256, ES256) are accepted, so {@code alg=none} and HMAC tokens signed with a public key are refused; the key
 * comes from the issuer's JWKS, never from the token; {@code iss}, {@code aud} and {@code exp} must be present and
 * right.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class GatewaySecurity {

    private static final List<SignatureAlgorithm> ACCEPTED_ALGORITHMS = List.of(SignatureAlgorithm.RS256,
            SignatureAlgorithm.ES256);

    @Bean
    SecurityWebFilterChain apiSecurityChain(ServerHttpSecurity http,
                                            @Value("${fangpin.console.issuer}") String consoleIssuer) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/actuator/health/**", "/actuator/prometheus", "/actuator/info").permitAll()
                        .pathMatchers("/v3/api-docs", "/v3/api-docs/*").permitAll()
                        .pathMatchers("/api/**").authenticated()
                        .pathMatchers("/actuator/**", "/v3/**").denyAll()
                        .pathMatchers(HttpMethod.GET, "/**").permitAll()
                        .anyExchange().denyAll())
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(WebConsole.contentSecurityPolicy(consoleIssuer)))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .frameOptions(frames -> frames.mode(Mode.DENY))
                        .permissionsPolicy(permissions -> permissions.policy(
                                "camera=(), microphone=(), geolocation=(), payment=(), usb=()")))
                .oauth2ResourceServer(oauth -> oauth
                        .jwt(Customizer.withDefaults())
                        .authenticationEntryPoint(GatewaySecurity::unauthenticated)
                        .accessDeniedHandler((exchange, e) ->
                                Problems.write(exchange, HttpStatus.FORBIDDEN, "FORBIDDEN",
                                        "您没有权限执行此操作。", "You are not allowed to do this.")))
                .exceptionHandling(errors -> errors.accessDeniedHandler((exchange, e) ->
                        Problems.write(exchange, HttpStatus.FORBIDDEN, "FORBIDDEN",
                                "您没有权限执行此操作。", "You are not allowed to do this.")))
                .build();
    }

    @Bean
    ReactiveJwtDecoder jwtDecoder(OAuth2ResourceServerProperties properties) {
        OAuth2ResourceServerProperties.Jwt jwt = properties.getJwt();
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(jwt.getJwkSetUri())
                .jwsAlgorithms(algorithms -> algorithms.addAll(ACCEPTED_ALGORITHMS))
                .build();
        List<String> audiences = jwt.getAudiences();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                // issuer, and exp/nbf when present (with a minute of clock skew)
                JwtValidators.createDefaultWithIssuer(jwt.getIssuerUri()),
                // the timestamp validator lets a token without exp pass: a token must expire
                new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                        aud -> aud != null && aud.stream().anyMatch(audiences::contains)),
                // one role, a real division code: checked here before routing, and again by each service
                token -> ActingClaims.refusal(token.getClaimAsStringList("roles"), token.getClaims().get("region"))
                        .map(code -> OAuth2TokenValidatorResult.failure(new OAuth2Error(code, code, null)))
                        .orElseGet(OAuth2TokenValidatorResult::success)));
        return new VerifiedTokens(decoder, Clock.systemUTC());
    }

    /** 401 with the reason the token was refused: the acting-claims rule it broke, else not signed in. */
    private static Mono<Void> unauthenticated(ServerWebExchange exchange, AuthenticationException refusal) {
        for (Throwable cause = refusal; cause != null; cause = cause.getCause()) {
            if (cause instanceof JwtValidationException invalid) {
                for (OAuth2Error error : invalid.getErrors()) {
                    if (ActingClaims.ROLE_CLAIM_INVALID.equals(error.getErrorCode())) {
                        return Problems.write(exchange, HttpStatus.UNAUTHORIZED, ActingClaims.ROLE_CLAIM_INVALID,
                                "登录凭证须有且只有一个系统角色，请联系管理员核对账号角色。",
                                "A sign-in must carry exactly one Fangpin role; ask the administrator to check the "
                                        + "account's roles.");
                    }
                    if (ActingClaims.REGION_CLAIM_INVALID.equals(error.getErrorCode())) {
                        return Problems.write(exchange, HttpStatus.UNAUTHORIZED, ActingClaims.REGION_CLAIM_INVALID,
                                "登录凭证中的区划代码无效（须为省2位、市4位、县6位、乡9位或村12位统计用区划代码），请联系管理员核对账号。",
                                "The sign-in's region is not a valid division code (2, 4, 6, 9 or 12 digits); ask "
                                        + "the administrator to check the account.");
                    }
                }
            }
        }
        return Problems.write(exchange, HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED",
                "未登录或登录已失效，请重新登录。", "Not signed in, or the sign-in has expired.");
    }
}
