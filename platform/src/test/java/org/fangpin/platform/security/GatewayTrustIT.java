package org.fangpin.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import org.fangpin.platform.web.PlatformTestApplication;
import org.fangpin.platform.web.PlatformTestApplication.Registrations;
import org.fangpin.testsupport.DevTokenIssuer;
import org.fangpin.testsupport.GatewayTrust;
import org.fangpin.testsupport.WithRealInfrastructure;

/** A service answers only requests the gateway signed for this very path and token, within a minute (ADR 0014). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        classes = PlatformTestApplication.class,
        properties = {"fangpin.service=platform-test", "fangpin.publishing.enabled=false"})
@WithRealInfrastructure
class GatewayTrustIT {

    private static final GatewayTrust GATEWAY = GatewayTrust.withNewSecret();

    @LocalServerPort
    int port;
    @Autowired
    DevTokenIssuer tokens;
    @Autowired
    Registrations registrations;

    private final ObjectMapper json = new ObjectMapper();

    @DynamicPropertySource
    static void gatewayRequired(DynamicPropertyRegistry registry) {
        registry.add("fangpin.security.require-gateway", () -> "true");
        registry.add("fangpin.security.gateway-secret", GATEWAY::secret);
    }

    @Test
    void aRequestSignedByTheGatewayForItsPathAndTokenPasses() {
        String authorization = bearer();

        Reply reply = register("/registrations", authorization, "乌云",
                GATEWAY.signature("POST", uri("/registrations"), authorization));

        assertThat(reply.status()).isEqualTo(201);
        assertThat(registrations.count("乌云")).isEqualTo(1);
    }

    @Test
    void aRequestWithoutTheGatewaysSignatureIsRefusedAndChangesNothing() {
        Reply reply = register("/registrations", bearer(), "敖登", null);

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.body().get("code").asText()).isEqualTo("NOT_VIA_GATEWAY");
        assertThat(reply.body().get("detail").asText()).isEqualTo("请求未经网关转发，已拒绝。请通过系统网关访问。");
        assertThat(registrations.count("敖登")).isZero();
    }

    @Test
    void aSignatureMadeWithAnotherSecretIsRefused() {
        String authorization = bearer();
        String forged = GatewayTrust.withNewSecret().signature("POST", uri("/registrations"), authorization);

        assertThat(register("/registrations", authorization, "巴图", forged).status()).isEqualTo(403);
        assertThat(registrations.count("巴图")).isZero();
    }

    @Test
    void aSignatureOlderThanAMinuteIsRefused() {
        String authorization = bearer();
        String stale = GATEWAY.signature(Instant.now().minusSeconds(90), "POST", uri("/registrations"),
                authorization);

        assertThat(register("/registrations", authorization, "其其格", stale).status()).isEqualTo(403);
        assertThat(registrations.count("其其格")).isZero();
    }

    @Test
    void aSignatureReplayedOnAnotherPathOrWithAnotherTokenIsRefused() {
        String authorization = bearer();
        String signedForAnotherPath = GATEWAY.signature("POST", uri("/registrations?batch=1"), authorization);
        String signedForAnotherUser = GATEWAY.signature("POST", uri("/registrations"),
                "Bearer " + tokens.token("COUNTY_APPROVER", "150724"));

        assertThat(register("/registrations", authorization, "斯琴", signedForAnotherPath).status()).isEqualTo(403);
        assertThat(register("/registrations", authorization, "斯琴", signedForAnotherUser).status()).isEqualTo(403);
        assertThat(registrations.count("斯琴")).isZero();
    }

    @Test
    void healthAndTheApiDocsStayReachableWithoutTheGateway() {
        RestClient operator = RestClient.create("http://127.0.0.1:" + port);

        assertThat(operator.get().uri("/actuator/health").retrieve().toBodilessEntity().getStatusCode().value())
                .isEqualTo(200);
        assertThat(operator.get().uri("/v3/api-docs").retrieve().toBodilessEntity().getStatusCode().value())
                .isEqualTo(200);
    }

    private record Reply(int status, JsonNode body) {
    }

    private Reply register(String path, String authorization, String name, String signature) {
        return RestClient.create("http://127.0.0.1:" + port).post().uri(path)
                .header(HttpHeaders.AUTHORIZATION, authorization)
                .headers(headers -> {
                    if (signature != null) {
                        headers.set(GatewayTrust.HEADER, signature);
                    }
                })
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", name))
                .exchange((request, response) -> new Reply(response.getStatusCode().value(),
                        json.readTree(response.getBody())), false);
    }

    private String bearer() {
        return "Bearer " + tokens.token("VILLAGE_OFFICER", "150724213201");
    }

    private URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }
}
