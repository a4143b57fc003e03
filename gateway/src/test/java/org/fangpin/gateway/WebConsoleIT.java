package org.fangpin.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import org.fangpin.testsupport.DevTokenIssuer;
import org.fangpin.testsupport.GatewayTrust;

/** The gateway serves the web console at / without a token, under a strict policy, while /api stays closed. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebConsoleIT {

    private static final DevTokenIssuer ISSUER = DevTokenIssuer.shared();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", ISSUER::issuer);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", ISSUER::jwksUri);
        registry.add("fangpin.gateway.secret", () -> GatewayTrust.withNewSecret().secret());
        registry.add("fangpin.console.issuer", () -> "https://login.example.org/realms/fangpin");
    }

    @Test
    void theConsoleOpensAtTheRootUnderAStrictContentSecurityPolicy() throws Exception {
        HttpResponse<String> page = get("/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<div id=\"root\"></div>");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy -> assertThat(policy)
                .contains("script-src 'self'", "frame-ancestors 'none'",
                        "connect-src 'self' https://login.example.org"));
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    }

    @Test
    void aConsoleRouteOpenedDirectlyGetsTheConsole() throws Exception {
        HttpResponse<String> page = get("/households/5b1c7f2e-0000-4000-8000-000000000001");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<div id=\"root\"></div>");
    }

    @Test
    void theConsoleLearnsWhereToSignInFromTheGateway() throws Exception {
        HttpResponse<String> config = get("/console-config.json");

        assertThat(config.statusCode()).isEqualTo(200);
        assertThat(config.body()).contains("\"issuer\":\"https://login.example.org/realms/fangpin\"",
                "\"clientId\":\"fangpin-web\"");
    }

    @Test
    void theApiAndTheActuatorStayClosed() throws Exception {
        assertThat(get("/api/households/h-1").statusCode()).isEqualTo(401);
        assertThat(get("/actuator/metrics").statusCode()).isIn(401, 403);
        assertThat(get("/assets/no-such-file.js").statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
