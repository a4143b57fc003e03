package org.fangpin.platform.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import org.fangpin.platform.actor.Actor;
import org.fangpin.platform.actor.RequestContext;
import org.fangpin.platform.failure.TransientFailures;

/**
 * Makes a write safe to retry: the first response to a request carrying {@code Idempotency-Key} is kept (per user
 * and key) and a retry of the same request gets it again, marked {@code Idempotent-Replayed: true}, without a second
 * effect. The same key with a different request is refused (422), a retry while the first is still running too (409).
 * A server error keeps nothing, so the request may be retried.
 * <p>
 * It runs after authentication and {@code AuthorizationBeforeBinding}, so only a request its user may make is kept,
 * and reads the body through {@link RequestBodyLimit}'s counter, so no body larger than its path's limit is held in
 * memory.
 */
public class IdempotencyKeyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeyFilter.class);
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private final JdbcClient jdbc;
    private final Problems problems;
    private final ObjectMapper json;

    public IdempotencyKeyFilter(JdbcClient jdbc, Problems problems, ObjectMapper json) {
        this.jdbc = jdbc;
        this.problems = problems;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getHeader(HEADER) == null || !WRITES.contains(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        Optional<Actor> actor = RequestContext.actor();
        if (actor.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        if (!SAFE.matcher(key).matches()) {
            problems.write(request, response, json, HttpStatus.BAD_REQUEST, "IDEMPOTENCY_KEY_INVALID");
            return;
        }
        Optional<CachedBodyRequest> withBody = CachedBodyRequest.read(request, response, problems, json);
        if (withBody.isEmpty()) {
            return;
        }
        String hash = hash(request, withBody.get().body());
        String actorId = actor.get().id();
        try {
            if (!claim(actorId, key, hash)) {
                answerRepeat(actorId, key, hash, request, response);
                return;
            }
        } catch (DataAccessException failure) {
            if (!TransientFailures.isTransient(failure)) {
                throw failure;
            }
            // the database is away for a moment: nothing was done, the same request may come again
            log.warn("Idempotency-Key not kept: {}", failure.toString());
            response.setHeader(HttpHeaders.RETRY_AFTER, "5");
            problems.write(request, response, json, HttpStatus.SERVICE_UNAVAILABLE, "SERVICE_UNAVAILABLE");
            return;
        }
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(withBody.get(), recorded);
        } finally {
            try {
                complete(actorId, key, recorded);
            } catch (DataAccessException failure) {
                // the answer goes out; a retry after the claim lapses is taken as a new request
                log.warn("Answer to Idempotency-Key not kept: {}", failure.toString());
            }
            recorded.copyBodyToResponse();
        }
    }

    /**
     * Claims the key for this request: a new key, or one whose request never finished (its claim older than any
     * request runs: the service or its database went away before the answer could be kept).
     */
    private boolean claim(String actorId, String key, String hash) {
        return jdbc.sql("""
                        INSERT INTO idempotent_request (actor_id, idempotency_key, request_hash)
                        VALUES (:actor, :key, :hash)
                        ON CONFLICT (actor_id, idempotency_key) DO UPDATE
                        SET request_hash = EXCLUDED.request_hash, created_at = now()
                        WHERE NOT idempotent_request.completed
                          AND idempotent_request.created_at < now() - interval '10 minutes'""")
                .param("actor", actorId).param("key", key).param("hash", hash)
                .update() == 1;
    }

    private void complete(String actorId, String key, ContentCachingResponseWrapper recorded) {
        if (recorded.getStatus() >= 500) {
            jdbc.sql("DELETE FROM idempotent_request WHERE actor_id = :actor AND idempotency_key = :key")
                    .param("actor", actorId).param("key", key).update();
            return;
        }
        jdbc.sql("""
                        UPDATE idempotent_request
                        SET completed = TRUE, response_status = :status, content_type = :type, response_body = :body
                        WHERE actor_id = :actor AND idempotency_key = :key""")
                .param("status", recorded.getStatus())
                .param("type", recorded.getContentType())
                .param("body", recorded.getContentAsByteArray())
                .param("actor", actorId).param("key", key)
                .update();
    }

    private void answerRepeat(String actorId, String key, String hash, HttpServletRequest request,
                              HttpServletResponse response) throws IOException {
        StoredResponse stored = jdbc.sql("""
                        SELECT request_hash, completed, response_status, content_type, response_body
                        FROM idempotent_request WHERE actor_id = :actor AND idempotency_key = :key""")
                .param("actor", actorId).param("key", key)
                .query(StoredResponse.class)
                .single();
        if (!stored.requestHash().equals(hash)) {
            problems.write(request, response, json, HttpStatus.UNPROCESSABLE_ENTITY, "IDEMPOTENCY_KEY_REUSED");
        } else if (!stored.completed()) {
            problems.write(request, response, json, HttpStatus.CONFLICT, "IDEMPOTENT_REQUEST_IN_PROGRESS");
        } else {
            response.setStatus(stored.responseStatus());
            if (stored.contentType() != null) {
                response.setContentType(stored.contentType());
            }
            response.setHeader("Idempotent-Replayed", "true");
            response.getOutputStream().write(stored.responseBody() == null ? new byte[0] : stored.responseBody());
        }
    }

    private static String hash(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((request.getMethod() + " " + request.getRequestURI() + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    record StoredResponse(String requestHash, boolean completed, Integer responseStatus, String contentType,
                          byte[] responseBody) {
    }
}
