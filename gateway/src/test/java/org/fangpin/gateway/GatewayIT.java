package org.fangpin.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import org.fangpin.testsupport.DevTokenIssuer;
import org.fangpin.testsupport.GatewayTrust;

/** The gateway in front of two stand-in services that echo what reached them. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayIT {

    private static final DevTokenIssuer ISSUER = DevTokenIssuer.shared();
    private static final GatewayTrust TRUST = GatewayTrust.withNewSecret();
    private static final StandInService IDENTIFICATION = new StandInService("identification", TRUST.secret());
    private static final StandInService TIMELINE = new StandInService("timeline", TRUST.secret());

    @LocalServerPort
    int port;

    private final ObjectMapper json = new ObjectMapper();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", ISSUER::issuer);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", ISSUER::jwksUri);
        registry.add("FANGPIN_IDENTIFICATION_URL", IDENTIFICATION::url);
        registry.add("FANGPIN_TIMELINE_URL", TIMELINE::url);
        registry.add("fangpin.gateway.secret", TRUST::secret);
        registry.add("fangpin.gateway.rate-limit.burst", () -> 5);
        registry.add("fangpin.gateway.rate-limit.per-second", () -> 1);
    }

    @AfterAll
    static void stopBackends() {
        IDENTIFICATION.close();
        TIMELINE.close();
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
    void aHouseholdsTimelineIsRoutedToTheReadSide() {
        var reply = get("/api/households/h-1/timeline", ISSUER.token("SUPERVISOR", "150724"));

        assertThat(reply.getValue().get("service").asText()).isEqualTo("timeline");
    }

    @Test
    void aUserBeyondTheRateLimitIsToldToRetryLaterWhileOthersPass() {
        String busy = ISSUER.token("u-busy", "敖登", List.of("VILLAGE_OFFICER"), "150724213201", Duration.ofMinutes(5));
        for (int i = 0; i < 5; i++) {
            assertThat(get("/api/households/h-1", busy).getKey()).isEqualTo(200);
        }

        RestClient.RequestHeadersSpec<?> sixth = RestClient.create("http://127.0.0.1:" + port).get()
                .uri("/api/households/h-1").header(HttpHeaders.AUTHORIZATION, "Bearer " + busy);
        sixth.exchange((request, reply) -> {
            assertThat(reply.getStatusCode().value()).isEqualTo(429);
            assertThat(Integer.parseInt(reply.getHeaders().getFirst(HttpHeaders.RETRY_AFTER))).isPositive();
            assertThat(json.readTree(reply.getBody()).get("code").asText()).isEqualTo("RATE_LIMITED");
            return null;
        }, false);
        assertThat(get("/api/households/h-1", ISSUER.token("COUNTY_APPROVER", "150724")).getKey()).isEqualTo(200);
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
    void pathsOutsideTheApiAreClosed() {
        assertThat(get("/internal/anything", ISSUER.token("ADMIN", "150724")).getKey()).isEqualTo(403);
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
