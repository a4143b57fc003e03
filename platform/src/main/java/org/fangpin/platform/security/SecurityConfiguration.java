package org.fangpin.platform.security;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;

import org.fangpin.contracts.trust.ActingClaims;
import org.fangpin.contracts.trust.GatewaySignature;
import org.fangpin.platform.PlatformProperties;
import org.fangpin.platform.actor.RequestContext;
import org.fangpin.platform.web.Problems;

/**
 * Every service validates the caller's JWT itself (defence in depth behind the gateway), as the gateway does:
 * RS256/ES256 signature through the issuer's JWKS, issuer, audience and a required expiry. The {@code roles} claim becomes {@code ROLE_*} authorities.
 * Health, metrics and API docs stay open for operators; every other path needs a token, and before that the
 * gateway's signature ({@link GatewayTrustFilter}).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
public class SecurityConfiguration {

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, Problems problems, ObjectMapper json) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health/**", "/actuator/prometheus", "/actuator/info",
                                "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/error").permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(oauth -> oauth
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(SecurityConfiguration::authentication))
                        .authenticationEntryPoint((request, response, e) ->
                                problems.write(request, response, json, HttpStatus.UNAUTHORIZED,
                                        refusalCode(e))))
                .exceptionHandling(errors -> errors.accessDeniedHandler((request, response, e) ->
                        problems.write(request, response, json, HttpStatus.FORBIDDEN, "FORBIDDEN")));
        return http.build();
    }

    /**
     * Requests must come through the gateway (ADR 0014). Only tests that call a service in its own JVM switch this
     * off ({@code fangpin.security.require-gateway=false}, set by test-support's {@code @WithRealInfrastructure}).
     */
    @Bean
    @ConditionalOnProperty(name = "fangpin.security.require-gateway", havingValue = "true", matchIfMissing = true)
    FilterRegistrationBean<GatewayTrustFilter> gatewayTrustFilter(
            @Value("${fangpin.security.gateway-secret:}") String secret, PlatformProperties properties,
            JdbcClient jdbc, Problems problems, ObjectMapper json) {
        FilterRegistrationBean<GatewayTrustFilter> registration = new FilterRegistrationBean<>(
                new GatewayTrustFilter(new GatewaySignature(secret), properties.web(), jdbc, problems, json));
        // after the correlation id, before Spring Security looks at the token
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 10);
        return registration;
    }

    /**
     * Without the gateway's signature required, anyone who reaches a service's port bypasses the gateway's rate limit
     * and replay protection: said at every start, and refused outright in the {@code prod} profile.
     */
    @Bean
    @ConditionalOnProperty(name = "fangpin.security.require-gateway", havingValue = "false")
    SmartInitializingSingleton gatewayNotRequiredWarning(Environment environment) {
        return () -> {
            if (environment.acceptsProfiles(Profiles.of("prod"))) {
                throw new IllegalStateException("fangpin.security.require-gateway=false is refused in the prod "
                        + "profile: every request must come through the gateway (ADR 0014)");
            }
            LoggerFactory.getLogger(SecurityConfiguration.class).warn("fangpin.security.require-gateway=false: "
                    + "requests are accepted without the gateway's signature; for tests only, never in production");
        };
    }

    /** The decoder Spring Boot builds from the issuer's settings and the validators below, verifying a token once. */
    @Bean
    static BeanPostProcessor verifiedTokens() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof JwtDecoder decoder && !(bean instanceof VerifiedTokens)
                        ? new VerifiedTokens(decoder, Clock.systemUTC()) : bean;
            }
        };
    }

    /** Spring checks exp only when present; an access token without one would never expire (RFC 8725). */
    @Bean
    OAuth2TokenValidator<Jwt> expiryRequired() {
        return new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull);
    }

    /**
     * A token acts in exactly one role and for a real division code ({@link ActingClaims}); a token that does not is
     * refused like an invalid one, with the reason as its problem code.
     */
    @Bean
    OAuth2TokenValidator<Jwt> actingClaimsRequired() {
        return jwt -> ActingClaims.refusal(jwt.getClaimAsStringList("roles"), jwt.getClaims().get("region"))
                .map(code -> OAuth2TokenValidatorResult.failure(new OAuth2Error(code, code, null)))
                .orElseGet(OAuth2TokenValidatorResult::success);
    }

    static AbstractAuthenticationToken authentication(Jwt jwt) {
        // the one role the validators let through: what the request may do, how it is audited and what it is shown
        GrantedAuthority role = new SimpleGrantedAuthority("ROLE_" + RequestContext.fromJwt(jwt).role().name());
        return new JwtAuthenticationToken(jwt, List.of(role), jwt.getSubject());
    }

    /** The problem code of a refused token: the acting-claims rule it broke, else {@code UNAUTHENTICATED}. */
    static String refusalCode(AuthenticationException refusal) {
        for (Throwable cause = refusal; cause != null; cause = cause.getCause()) {
            if (cause instanceof JwtValidationException invalid) {
                for (OAuth2Error error : invalid.getErrors()) {
                    if (ActingClaims.ROLE_CLAIM_INVALID.equals(error.getErrorCode())
                            || ActingClaims.REGION_CLAIM_INVALID.equals(error.getErrorCode())) {
                        return error.getErrorCode();
                    }
                }
            }
        }
        return "UNAUTHENTICATED";
    }
}
