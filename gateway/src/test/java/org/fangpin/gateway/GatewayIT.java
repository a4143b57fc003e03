package org.fangpin.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import org.fangpin.testsupport.DevTokenIssuer;
import org.fangpin.testsupport.GatewayTrust;
import org.fangpin.testsupport.RedisServer;

/**
 * The gateway in front of stand-in services that echo what reached them; monitoring-service's address has nobody
 * listening, as when the service is down.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "fangpin.gateway.request-bodies.max-size=64KB",
        "fangpin.gateway.request-bodies.streamed[0].path=/api/department-data/batches",
        "fangpin.gateway.request-bodies.streamed[0].max-size=256KB",
        "spring.cloud.gateway.server.webflux.httpclient.response-timeout=2s"})
@ExtendWith(OutputCaptureExtension.class)
class GatewayIT {

    private static final DevTokenIssuer ISSUER = DevTokenIssuer.shared();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ExecutorService MANY_CLIENTS = Executors.newFixedThreadPool(60);
    private static final GatewayTrust TRUST = GatewayTrust.withNewSecret();
    private static final StandInService IDENTIFICATION = new StandInService("identification", TRUST.secret());
    /** timeline-service is reached over TLS, with a certificate the gateway is told to trust. */
    private static final TestCertificate TIMELINE_CERTIFICATE = TestCertificate.forLocalhost();
    private static final StandInService TIMELINE = new StandInService("timeline", TRUST.secret(),
            TIMELINE_CERTIFICATE.serverContext());
    /** One replica of assistance-service answers; its other replica's address has nobody listening. */
    private static final StandInService ASSISTANCE = new StandInService("assistance", TRUST.secret());
    /** The rate limit's store, as every gateway replica shares it. */
    private static final RedisServer REDIS = RedisServer.start();

    @LocalServerPort
    int port;
    @Autowired
    MeterRegistry meters;
    @Autowired
    CircuitBreakerRegistry circuitBreakers;

    private final ObjectMapper json = new ObjectMapper();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", ISSUER::issuer);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", ISSUER::jwksUri);
        registry.add("FANGPIN_IDENTIFICATION_URL", IDENTIFICATION::url);
        registry.add("FANGPIN_TIMELINE_URL", TIMELINE::url);
        registry.add("fangpin.services-ca",
                () -> TIMELINE_CERTIFICATE.certificate().toString());
        registry.add("FANGPIN_MONITORING_URL", () -> "http://127.0.0.1:" + freePort());
        registry.add("FANGPIN_ASSISTANCE_URL", () -> "http://127.0.0.1:" + freePort() + "," + ASSISTANCE.url());
        registry.add("fangpin.gateway.secret", TRUST::secret);
        registry.add("fangpin.gateway.rate-limit.burst", () -> 5);
        registry.add("fangpin.gateway.rate-limit.per-second", () -> 1);
        registry.add("spring.data.redis.url", REDIS::url);
    }

    @AfterAll
    static void stopBackends() {
        IDENTIFICATION.close();
        TIMELINE.close();
        ASSISTANCE.close();
        REDIS.close();
    }

    @Test
    void aRequestWithoutATokenIsRefusedWithProblemJson() {
        var reply = get("/api/households/h-1", null);

        assertThat(reply.getKey()).isEqualTo(401);
        assertThat(reply.getValue().get("code").asText()).isEqualTo("UNAUTHENTICATED");
        assertThat(reply.getValue().get("messages").get("zh-CN").asText()).contains("登录");
    }

    @Test
    void anExpiredTokenIsRefused() {
        String expired = ISSUER.token("u-1", "乌云", List.of("COUNTY_APPROVER"), "150724", Duration.ofMinutes(-5));

        assertThat(get("/api/households/h-1", expired).getKey()).isEqualTo(401);
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefused() {
        try (DevTokenIssuer stranger = DevTokenIssuer.start(0)) {
            assertThat(get("/api/households/h-1", stranger.token("COUNTY_APPROVER", "150724")).getKey())
                    .isEqualTo(401);
        }
    }

    @Test
    void aValidRequestReachesItsServiceWithTheTokenAndACorrelationId() {
        var reply = get("/api/households/h-1", ISSUER.token("VILLAGE_OFFICER", "150724213201"));

        assertThat(reply.getKey()).isEqualTo(200);
        assertThat(reply.getValue().get("service").asText()).isEqualTo("identification");
        assertThat(reply.getValue().get("authorization").asText()).startsWith("Bearer ");
        assertThat(reply.getValue().get("correlationId").asText()).isNotBlank();
        assertThat(reply.getValue().get("signature").asText()).isEqualTo("VALID");
    }

    @Test
    void theServiceGetsTheGatewaysSignatureForThePathAndQueryAsSentNotTheClients() {
        String token = ISSUER.token("VILLAGE_OFFICER", "150724213201");
        var reply = RestClient.create("http://127.0.0.1:" + port).get()
                .uri("/api/households/h-1?fileName={name}", "医保 2026年.csv")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .header(GatewayTrust.HEADER, "t=1,s=forged-by-the-client")
                .exchange((request, response) -> json.readTree(response.getBody()), false);

        assertThat(reply.get("signature").asText()).isEqualTo("VALID");
    }

    @Test
    void aHouseholdsTimelineIsRoutedToTheReadSideOverTls() {
        var reply = get("/api/households/h-1/timeline", ISSUER.token("SUPERVISOR", "150724"));

        assertThat(reply.getValue().get("service").asText()).isEqualTo("timeline");
        assertThat(reply.getValue().get("tls").asBoolean()).isTrue();
        assertThat(reply.getValue().get("signature").asText()).isEqualTo("VALID");
    }

    @Test
    void aUserBeyondTheRateLimitIsToldToRetryLaterWhileOthersPass() {
        String busy = ISSUER.token("u-busy", "敖登", List.of("VILLAGE_OFFICER"), "150724213201", Duration.ofMinutes(5));
        for (int i = 0; i < 5; i++) {
            assertThat(get("/api/households/h-1", busy).getKey()).isEqualTo(200);
        }

        // The bucket refills by the second (Redis's clock): if the burst crossed a second, one more request passes.
        RestClient.RequestHeadersSpec<?> next = RestClient.create("http://127.0.0.1:" + port).get()
                .uri("/api/households/h-1").header(HttpHeaders.AUTHORIZATION, "Bearer " + busy);
        int reachedTheService = 0;
        Integer refused = null;
        for (int i = 0; i < 3 && refused == null; i++) {
            reachedTheService = IDENTIFICATION.received();
            refused = next.exchange((request, reply) -> {
                if (reply.getStatusCode().value() != 429) {
                    return null;
                }
                assertThat(Integer.parseInt(reply.getHeaders().getFirst(HttpHeaders.RETRY_AFTER))).isPositive();
                assertThat(json.readTree(reply.getBody()).get("code").asText()).isEqualTo("RATE_LIMITED");
                return 429;
            }, false);
        }
        assertThat(refused).as("refused once the burst is spent").isEqualTo(429);
        assertThat(IDENTIFICATION.received()).as("a refused request never reaches the service")
                .isEqualTo(reachedTheService);
        assertThat(get("/api/households/h-1", ISSUER.token("COUNTY_APPROVER", "150724")).getKey()).isEqualTo(200);
        assertThat(meters.counter("fangpin.gateway.rate.limit", "outcome", "refused").count()).isPositive();
    }

    @Test
    void theApiDocsOfEveryServiceAreListedAndProxied() {
        JsonNode index = get("/v3/api-docs", null).getValue();
        assertThat(index.get("urls").findValuesAsText("name"))
                .containsExactly("identification", "monitoring", "assistance", "timeline");

        var timelineDocs = get("/v3/api-docs/timeline", null);
        assertThat(timelineDocs.getKey()).isEqualTo(200);
        assertThat(timelineDocs.getValue().get("service").asText()).isEqualTo("timeline");
        assertThat(timelineDocs.getValue().get("path").asText()).isEqualTo("/v3/api-docs");
        assertThat(timelineDocs.getValue().get("signature").asText()).isEqualTo("VALID");
    }

    @Test
    void theSignatureCoversTheBodyAsSentAndAWriteIsSignedUnderARequestIdOfItsOwn() {
        String token = ISSUER.token("VILLAGE_OFFICER", "150724213201");

        JsonNode first = post("/api/households", token, "{\"headName\":\"敖日格乐\"}").body();
        JsonNode second = post("/api/households", token, "{\"headName\":\"敖日格乐\"}").body();

        assertThat(first.get("signature").asText()).isEqualTo("VALID");
        assertThat(first.get("streamed").asBoolean()).isFalse();
        assertThat(first.get("bodyBytes").asInt()).isEqualTo("{\"headName\":\"敖日格乐\"}".getBytes(
                StandardCharsets.UTF_8).length);
        assertThat(second.get("signature").asText()).as("the same body sent again is a new request").isEqualTo("VALID");
    }

    @Test
    void aBodyBeyondTheLimitIsRefusedAtTheGatewayWhetherAnnouncedOrChunked() {
        String token = ISSUER.token("VILLAGE_OFFICER", "150724213201");
        String large = "{\"note\":\"" + "x".repeat(70_000) + "\"}";

        Reply announced = post("/api/households", token, large);
        Reply chunked = send(HttpRequest.newBuilder(uri("/api/households")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(
                        large.getBytes(StandardCharsets.UTF_8)))));

        assertThat(announced.status()).isEqualTo(413);
        assertThat(announced.body().get("code").asText()).isEqualTo("REQUEST_TOO_LARGE");
        assertThat(chunked.status()).isEqualTo(413);
    }

    @Test
    void aFileIsStreamedUnsignedOnlyWithItsLengthAndWithinItsPathsLimit() {
        String token = ISSUER.token("DEPARTMENT_OFFICER", "150724");
        byte[] file = new byte[100_000];

        Reply withoutLength = send(HttpRequest.newBuilder(uri("/api/department-data/batches"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(file))));
        Reply tooLarge = send(HttpRequest.newBuilder(uri("/api/department-data/batches"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[300_000])));

        assertThat(withoutLength.status()).isEqualTo(411);
        assertThat(withoutLength.body().get("code").asText()).isEqualTo("LENGTH_REQUIRED");
        assertThat(tooLarge.status()).isEqualTo(413);
    }

    @Test
    void aTokenWithAWildcardRegionOrTwoRolesIsRefusedBeforeRouting() {
        Reply wildcard = exchangeGet("/api/households/h-1",
                ISSUER.token("u-8", "某人", List.of("COUNTY_APPROVER"), "______", Duration.ofMinutes(5)));
        Reply twoRoles = exchangeGet("/api/households/h-1",
                ISSUER.token("u-9", "某人", List.of("COUNTY_APPROVER", "ADMIN"), "150724", Duration.ofMinutes(5)));

        assertThat(wildcard.status()).isEqualTo(401);
        assertThat(wildcard.body().get("code").asText()).isEqualTo("REGION_CLAIM_INVALID");
        assertThat(twoRoles.status()).isEqualTo(401);
        assertThat(twoRoles.body().get("code").asText()).isEqualTo("ROLE_CLAIM_INVALID");
    }

    @Test
    void aServiceThatIsDownOrTooSlowIsUnavailableNotBroken() {
        Reply down = exchangeGet("/api/monitoring/h-1", aCountyApprover());
        Reply slow = exchangeGet("/api/households/slow", aCountyApprover());

        for (Reply reply : List.of(down, slow)) {
            assertThat(reply.status()).as(reply.body().toString()).isEqualTo(503);
            assertThat(reply.body().get("code").asText()).isEqualTo("SERVICE_UNAVAILABLE");
            assertThat(reply.retryAfter()).isEqualTo("5");
        }
    }

    /** Resilience4j's default bulkhead would answer 503 beyond 25 requests in flight to a service. */
    @Test
    void manyRequestsInFlightToOneServiceAreAllServed() {
        List<CompletableFuture<Reply>> replies = IntStream.range(0, 60)
                .mapToObj(i -> CompletableFuture.supplyAsync(
                        () -> exchangeGet("/api/households/busy-" + i, aCountyApprover()), MANY_CLIENTS))
                .toList();

        assertThat(replies.stream().map(CompletableFuture::join).map(Reply::status)).hasSize(60).containsOnly(200);
    }

    /** The read is tried once more inside the circuit breaker, never again after its fallback has answered. */
    @Test
    void aReadOfAServiceThatIsDownIsAnsweredOnceWithoutAnErrorInTheLog(CapturedOutput log) {
        Reply down = exchangeGet("/api/monitoring/h-unavailable", aCountyApprover());

        assertThat(down.status()).isEqualTo(503);
        assertThat(log.getAll()).doesNotContain("UnsupportedOperationException").doesNotContain(" ERROR ");
    }

    @Test
    void readsReachTheReplicaThatAnswersWhileTheOtherIsDown() {
        for (int i = 0; i < 10; i++) {
            Reply reply = exchangeGet("/api/assistance/h-1", aCountyApprover());
            assertThat(reply.status()).as("read %d", i).isEqualTo(200);
            assertThat(reply.body().get("service").asText()).isEqualTo("assistance");
        }
    }

    @Test
    void aServiceThatKeepsFailingHasItsCircuitOpenedAndIsAnsweredAtOnce() {
        for (int i = 0; i < 12; i++) {
            assertThat(exchangeGet("/api/monitoring/h-" + i, aCountyApprover()).status()).isEqualTo(503);
        }

        assertThat(circuitBreakers.circuitBreaker("monitoring").getState()).isEqualTo(CircuitBreaker.State.OPEN);
        Reply refused = exchangeGet("/api/monitoring/h-13", aCountyApprover());
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.body().get("code").asText()).isEqualTo("SERVICE_UNAVAILABLE");
    }

    /** What the alert on a route's p99 latency reads (deploy/grafana/fangpin-alerts.yml), as a histogram there. */
    @Test
    void eachRoutesLatencyIsMeasuredAsAHistogram() {
        get("/api/households/h-1/timeline", ISSUER.token("SUPERVISOR", "150724"));

        Timer route = meters.find("spring.cloud.gateway.requests").tag("routeId", "timeline").timer();
        assertThat(route).isNotNull();
        assertThat(route.count()).isPositive();
    }

    @Test
    void pathsOutsideTheApiTakeNoWrites() {
        assertThat(post("/internal/anything", ISSUER.token("ADMIN", "150724"), "{}").status()).isEqualTo(403);
    }

    /** A user of their own, so that the rate limit of this class's few requests a second does not interfere. */
    private static String aCountyApprover() {
        return ISSUER.token("u-" + UUID.randomUUID(), "苏德胜", List.of("COUNTY_APPROVER"), "150724",
                Duration.ofMinutes(5));
    }

    private record Reply(int status, JsonNode body, String retryAfter) {
    }

    private Reply post(String path, String token, String body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private Reply exchangeGet(String path, String token) {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token).GET());
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> response = HTTP.send(request.timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(response.statusCode(), response.body().length == 0 ? json.createObjectNode()
                    : json.readTree(response.body()), response.headers().firstValue("Retry-After").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map.Entry<Integer, JsonNode> get(String path, String token) {
        RestClient.RequestHeadersSpec<?> request = RestClient.create("http://127.0.0.1:" + port).get().uri(path);
        if (token != null) {
            request = request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        return request.exchange((req, reply) -> {
            byte[] body = reply.getBody().readAllBytes();
            return Map.entry(reply.getStatusCode().value(),
                    body.length == 0 ? json.createObjectNode() : json.readTree(body));
        }, false);
    }
}
