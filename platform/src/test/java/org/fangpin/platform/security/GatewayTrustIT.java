package org.fangpin.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
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

import org.fangpin.contracts.trust.GatewaySignature;
import org.fangpin.platform.web.PlatformTestApplication;
import org.fangpin.platform.web.PlatformTestApplication.Registrations;
import org.fangpin.testsupport.DevTokenIssuer;
import org.fangpin.testsupport.GatewayTrust;
import org.fangpin.testsupport.WithRealInfrastructure;

/**
 * A service answers only requests the gateway signed for this very path, token and body, within a minute, and a
 * write only once (ADR 0014).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        classes = PlatformTestApplication.class,
        properties = {"fangpin.service=platform-test", "fangpin.publishing.enabled=false",
                "fangpin.web.large-request-bodies[0].path=/uploads",
                "fangpin.web.large-request-bodies[0].max-size=1MB"})
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
                GATEWAY.signature("POST", uri("/registrations"), authorization, body("乌云")));

        assertThat(reply.status()).isEqualTo(201);
        assertThat(registrations.count("乌云")).isEqualTo(1);
    }

    @Test
    void aBodyChangedAfterTheGatewaySignedItIsRefused() {
        String authorization = bearer();

        Reply reply = register("/registrations", authorization, "图雅",
                GATEWAY.signature("POST", uri("/registrations"), authorization, body("图雅的邻居")));

        assertThat(reply.status()).isEqualTo(403);
        assertThat(registrations.count("图雅")).isZero();
    }

    @Test
    void aSignedWriteIsAcceptedOnceEvenWithinItsMinute() {
        String authorization = bearer();
        String signature = GATEWAY.signature("POST", uri("/registrations"), authorization, body("宝音"));

        Reply first = register("/registrations", authorization, "宝音", signature);
        Reply replayed = register("/registrations", authorization, "宝音", signature);

        assertThat(first.status()).isEqualTo(201);
        assertThat(replayed.status()).isEqualTo(403);
        assertThat(replayed.body().get("code").asText()).isEqualTo("NOT_VIA_GATEWAY");
        assertThat(registrations.count("宝音")).isEqualTo(1);
    }

    @Test
    void aStreamedUnsignedBodyIsAcceptedOnlyWhereFilesAreTaken() {
        String authorization = bearer();

        Reply streamedRegistration = register("/registrations", authorization, "朝鲁",
                GATEWAY.streamedSignature("POST", uri("/registrations"), authorization));
        int streamedUpload = RestClient.create("http://127.0.0.1:" + port).post().uri("/uploads")
                .header(HttpHeaders.AUTHORIZATION, authorization)
                .header(GatewayTrust.HEADER, GATEWAY.streamedSignature("POST", uri("/uploads"), authorization))
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body("身份证号,姓名,指标,数值,日期".getBytes(StandardCharsets.UTF_8))
                .exchange((request, response) -> response.getStatusCode().value(), false);

        assertThat(streamedRegistration.status()).isEqualTo(403);
        assertThat(registrations.count("朝鲁")).isZero();
        assertThat(streamedUpload).isEqualTo(200);
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
        String forged = GatewayTrust.withNewSecret().signature("POST", uri("/registrations"), authorization,
                body("巴图"));

        assertThat(register("/registrations", authorization, "巴图", forged).status()).isEqualTo(403);
        assertThat(registrations.count("巴图")).isZero();
    }

    @Test
    void aSignatureOlderThanAMinuteIsRefused() {
        String authorization = bearer();
        String stale = GATEWAY.signature(Instant.now().minusSeconds(90), "stale-1", "POST", uri("/registrations"),
                authorization, GatewaySignature.digest(body("其其格")));

        assertThat(register("/registrations", authorization, "其其格", stale).status()).isEqualTo(403);
        assertThat(registrations.count("其其格")).isZero();
    }

    @Test
    void aSignatureReplayedOnAnotherPathOrWithAnotherTokenIsRefused() {
        String authorization = bearer();
        String signedForAnotherPath = GATEWAY.signature("POST", uri("/registrations?batch=1"), authorization,
                body("斯琴"));
        String signedForAnotherUser = GATEWAY.signature("POST", uri("/registrations"),
                "Bearer " + tokens.token("COUNTY_APPROVER", "150724"), body("斯琴"));

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
                .body(body(name))
                .exchange((request, response) -> new Reply(response.getStatusCode().value(),
                        json.readTree(response.getBody())), false);
    }

    /** The body exactly as sent, the bytes the gateway digests. */
    private byte[] body(String name) {
        try {
            return json.writeValueAsBytes(Map.of("name", name));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String bearer() {
        return "Bearer " + tokens.token("VILLAGE_OFFICER", "150724213201");
    }

    private URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }
}
