package org.fangpin.platform.security;

import java.io.IOException;
import java.time.Clock;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import org.fangpin.contracts.trust.GatewaySignature;
import org.fangpin.contracts.trust.GatewaySignature.Verdict;
import org.fangpin.platform.web.Problems;

/**
 * Refuses, before any token is looked at, a request that did not come through the gateway: its
 * {@link GatewaySignature} header must be present, made with the shared secret for this very request and token,
 * and fresh (403 {@code NOT_VIA_GATEWAY}). Health, metrics and API docs stay reachable for operators.
 * The signature's age is judged by the real clock, not the service's business clock.
 */
public class GatewayTrustFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(GatewayTrustFilter.class);

    private final GatewaySignature signature;
    private final Problems problems;
    private final ObjectMapper json;
    private final Clock clock = Clock.systemUTC();

    public GatewayTrustFilter(GatewaySignature signature, Problems problems, ObjectMapper json) {
        this.signature = signature;
        this.problems = problems;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/actuator/health") || path.equals("/actuator/prometheus")
                || path.equals("/actuator/info") || path.startsWith("/v3/api-docs")
                || path.startsWith("/swagger-ui");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String query = request.getQueryString();
        String pathAndQuery = query == null ? request.getRequestURI() : request.getRequestURI() + "?" + query;
        Verdict verdict = signature.verify(request.getHeader(GatewaySignature.HEADER), clock.instant(),
                request.getMethod(), pathAndQuery, request.getHeader(HttpHeaders.AUTHORIZATION));
        if (verdict == Verdict.VALID) {
            chain.doFilter(request, response);
            return;
        }
        log.warn("Refused {} {}: not via the gateway (signature {})", request.getMethod(), request.getRequestURI(),
                verdict);
        problems.write(request, response, json, HttpStatus.FORBIDDEN, "NOT_VIA_GATEWAY");
    }
}
