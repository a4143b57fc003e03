package org.fangpin.platform.security;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import org.fangpin.contracts.trust.GatewaySignature;
import org.fangpin.contracts.trust.GatewaySignature.Verdict;
import org.fangpin.platform.PlatformProperties;
import org.fangpin.platform.web.CachedBodyRequest;
import org.fangpin.platform.web.Problems;
import org.fangpin.platform.web.RequestBodyLimit;

/**
 * Refuses, before any token is looked at, a request that did not come through the gateway unchanged: its
 * {@link GatewaySignature} header must be present, made with the shared secret for this very request, token and
 * body, and fresh; a write's request id is accepted once (403 {@code NOT_VIA_GATEWAY}). A body streamed unsigned
 * is accepted only on the paths that take files ({@code fangpin.web.large-request-bodies}). Health, metrics and API
 * docs stay reachable for operators. The signature's age is judged by the real clock, not the business clock.
 */
public class GatewayTrustFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(GatewayTrustFilter.class);
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final AntPathMatcher PATHS = new AntPathMatcher();

    private final GatewaySignature signature;
    private final List<String> streamedPaths;
    private final JdbcClient jdbc;
    private final Problems problems;
    private final ObjectMapper json;
    private final Clock clock = Clock.systemUTC();
    private final AtomicReference<Instant> forgottenUntil = new AtomicReference<>(Instant.EPOCH);

    public GatewayTrustFilter(GatewaySignature signature, PlatformProperties.Web web, JdbcClient jdbc,
                              Problems problems, ObjectMapper json) {
        this.signature = signature;
        this.streamedPaths = web.largeRequestBodies().stream().map(PlatformProperties.LargeBody::path).toList();
        this.jdbc = jdbc;
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
        String header = request.getHeader(GatewaySignature.HEADER);
        Optional<GatewaySignature.Received> received = GatewaySignature.parse(header);
        HttpServletRequest passed = request;
        String bodyDigest = GatewaySignature.UNSIGNED_PAYLOAD;
        if (received.isPresent() && !received.get().streamed()) {
            byte[] body;
            try {
                body = request.getInputStream().readAllBytes();
            } catch (RequestBodyLimit.RequestBodyTooLargeException tooLarge) {
                problems.write(request, response, json, HttpStatus.PAYLOAD_TOO_LARGE, "REQUEST_TOO_LARGE");
                return;
            }
            bodyDigest = GatewaySignature.digest(body);
            passed = new CachedBodyRequest(request, body);
        }
        Verdict verdict = verdict(request, header, received, bodyDigest);
        if (verdict == Verdict.VALID) {
            chain.doFilter(passed, response);
            return;
        }
        log.warn("Refused {} {}: not via the gateway (signature {})", request.getMethod(), request.getRequestURI(),
                verdict);
        problems.write(request, response, json, HttpStatus.FORBIDDEN, "NOT_VIA_GATEWAY");
    }

    private Verdict verdict(HttpServletRequest request, String header, Optional<GatewaySignature.Received> received,
                            String bodyDigest) {
        if (received.isPresent() && received.get().streamed() && !takesFiles(request)) {
            return Verdict.FORGED;
        }
        String query = request.getQueryString();
        String pathAndQuery = query == null ? request.getRequestURI() : request.getRequestURI() + "?" + query;
        Verdict verdict = signature.verify(header, clock.instant(), request.getMethod(), pathAndQuery,
                request.getHeader(HttpHeaders.AUTHORIZATION), bodyDigest);
        if (verdict == Verdict.VALID && WRITES.contains(request.getMethod())
                && !firstUse(received.orElseThrow().requestId())) {
            return Verdict.REPLAYED;
        }
        return verdict;
    }

    private boolean takesFiles(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return streamedPaths.stream().anyMatch(pattern -> PATHS.match(pattern, path));
    }

    /** Records the request id; false when any replica accepted it before. Ids past their window are forgotten. */
    private boolean firstUse(String requestId) {
        Instant now = clock.instant();
        Instant horizon = now.minus(GatewaySignature.MAX_SKEW.multipliedBy(2));
        Instant last = forgottenUntil.get();
        if (last.isBefore(horizon.minus(GatewaySignature.MAX_SKEW)) && forgottenUntil.compareAndSet(last, horizon)) {
            jdbc.sql("DELETE FROM gateway_request WHERE seen_at < :horizon")
                    .param("horizon", Timestamp.from(horizon)).update();
        }
        return jdbc.sql("INSERT INTO gateway_request (request_id) VALUES (:id) ON CONFLICT DO NOTHING")
                .param("id", requestId).update() == 1;
    }
}
