package org.fangpin.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * The gateway's public API as the web console calls it: a bearer token of the acting user, JSON, an Idempotency-Key on
 * every write (derived from the step, so a step sent again is the same write). Each call is timed under its operation
 * name; a 429 of the per-user rate limit is waited out as its Retry-After says and counted.
 */
final class Api {

    /** A user of the county with one role and region, and the token last issued to it. */
    static final class User {
        final String username;
        private String token;
        private long issuedAt;

        User(String username) {
            this.username = username;
        }
    }

    /** A call that did not end in 2xx. */
    static final class Failure extends RuntimeException {
        final int status;

        Failure(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    /** Keycloak's access tokens live 600 s (deploy/keycloak/fangpin-realm.json): renewed well before. */
    private static final long TOKEN_AGE_NANOS = Duration.ofMinutes(7).toNanos();

    private final String gateway;
    private final HttpClient http;
    private final Keycloak keycloak;
    private final Metrics metrics;
    private final ObjectMapper json = new ObjectMapper();

    Api(String gateway, HttpClient http, Keycloak keycloak, Metrics metrics) {
        this.gateway = gateway;
        this.http = http;
        this.keycloak = keycloak;
        this.metrics = metrics;
    }

    JsonNode get(String operation, User user, String path) {
        return send(operation, user, HttpRequest.newBuilder(URI.create(gateway + path)).GET(), null);
    }

    /** A read whose 404 is an answer (nothing there yet), timed as one: the missing node then. */
    JsonNode find(String operation, User user, String path) {
        try {
            return send(operation, user, HttpRequest.newBuilder(URI.create(gateway + path)).GET(), Long.MAX_VALUE);
        } catch (Failure missing) {
            if (missing.status == 404) {
                metrics.operation(operation).waitedFor.incrementAndGet();
                return MissingNode.getInstance();
            }
            metrics.operation(operation).errors.incrementAndGet();
            metrics.operation(operation).errorSamples.add(missing.getMessage());
            throw missing;
        }
    }

    JsonNode post(String operation, User user, String path, Object body, String step) {
        return write(operation, user, "POST", path, body, step);
    }

    JsonNode write(String operation, User user, String method, String path, Object body, String step) {
        return send(operation, user, HttpRequest.newBuilder(URI.create(gateway + path))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.nameUUIDFromBytes(step.getBytes(StandardCharsets.UTF_8)).toString())
                .method(method, HttpRequest.BodyPublishers.ofByteArray(bytes(body))), null);
    }

    JsonNode upload(String operation, User user, String path, byte[] csv, String step) {
        return send(operation, user, HttpRequest.newBuilder(URI.create(gateway + path))
                .header("Content-Type", "text/csv; charset=UTF-8")
                .header("Idempotency-Key", UUID.nameUUIDFromBytes(step.getBytes(StandardCharsets.UTF_8)).toString())
                .timeout(Duration.ofMinutes(10))
                .POST(HttpRequest.BodyPublishers.ofByteArray(csv)), null);
    }

    /**
     * A write the services refuse until an event has reached them over Kafka (4xx other than 429): sent again every
     * half second for up to {@code patience}; each refusal is counted as waited for, the accepted call is timed.
     */
    JsonNode postWhenReady(String operation, User user, String path, Object body, String step, Duration patience) {
        return postWhenReady(operation, user, path, body, step, patience, false);
    }

    /**
     * @param refusalsWait whether a 409 or 422 (a rule not met yet) is waited out like a 404 (a household the service
     *                     has not heard of yet); otherwise it is an error at once
     */
    JsonNode postWhenReady(String operation, User user, String path, Object body, String step, Duration patience,
                           boolean refusalsWait) {
        long deadline = System.nanoTime() + patience.toNanos();
        for (int attempt = 1; ; attempt++) {
            try {
                return send(operation, user, HttpRequest.newBuilder(URI.create(gateway + path))
                        .header("Content-Type", "application/json")
                        .header("Idempotency-Key", UUID.nameUUIDFromBytes((step + "#" + attempt)
                                .getBytes(StandardCharsets.UTF_8)).toString())
                        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes(body))), deadline);
            } catch (Failure refused) {
                boolean waits = refused.status == 404 || refusalsWait && (refused.status == 409 || refused.status == 422);
                if (!waits || System.nanoTime() > deadline) {
                    if (!waits) {
                        metrics.record(operation, System.nanoTime(), System.nanoTime(), false, refused.getMessage());
                    }
                    throw refused;
                }
                metrics.operation(operation).waitedFor.incrementAndGet();
                pause(500);
            }
        }
    }

    /**
     * @param waitingUntil a deadline while a refusal is still expected (then it is not counted as an error), or null
     */
    private JsonNode send(String operation, User user, HttpRequest.Builder request, Long waitingUntil) {
        request.header("Accept", "application/json");
        if (request.build().timeout().isEmpty()) {
            request.timeout(Duration.ofSeconds(60));
        }
        while (true) {
            long start = System.nanoTime();
            HttpResponse<byte[]> response;
            try {
                response = http.send(request.setHeader("Authorization", "Bearer " + token(user)).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                metrics.record(operation, start, System.nanoTime(), false, e.toString());
                throw new Failure(0, operation + ": " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Failure(0, "interrupted");
            }
            long end = System.nanoTime();
            int status = response.statusCode();
            if (status == 429) {
                metrics.operation(operation).rateLimited.incrementAndGet();
                pause(1_000L * response.headers().firstValueAsLong("Retry-After").orElse(1));
                continue;
            }
            if (status >= 200 && status < 300) {
                metrics.record(operation, start, end, true, null);
                return read(response.body());
            }
            String problem = status + " " + new String(response.body(), StandardCharsets.UTF_8);
            boolean expected = waitingUntil != null && status >= 400 && status < 500 && end < waitingUntil;
            if (!expected) {
                metrics.record(operation, start, end, false, problem.length() > 300 ? problem.substring(0, 300)
                        : problem);
            }
            throw new Failure(status, operation + ": " + problem);
        }
    }

    private String token(User user) {
        synchronized (user) {
            if (user.token == null || System.nanoTime() - user.issuedAt > TOKEN_AGE_NANOS) {
                user.token = keycloak.token(user.username);
                user.issuedAt = System.nanoTime();
            }
            return user.token;
        }
    }

    private JsonNode read(byte[] body) {
        try {
            return body.length == 0 ? MissingNode.getInstance() : json.readTree(body);
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    private byte[] bytes(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
