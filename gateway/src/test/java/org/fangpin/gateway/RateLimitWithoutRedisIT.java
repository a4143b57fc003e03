package org.fangpin.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.web.client.RestClient;

import org.fangpin.testsupport.DevTokenIssuer;
import org.fangpin.testsupport.GatewayTrust;
import org.fangpin.testsupport.ServiceProcess;

/** With its Redis unreachable the gateway keeps serving, unlimited, and counts what it could not check (ADR 0043). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RateLimitWithoutRedisIT {

    private static final DevTokenIssuer ISSUER = DevTokenIssuer.shared();
    private static final GatewayTrust TRUST = GatewayTrust.withNewSecret();
    private static final StandInService IDENTIFICATION = new StandInService("identification", TRUST.secret());

    @LocalServerPort
    int port;
    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", ISSUER::issuer);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", ISSUER::jwksUri);
        registry.add("FANGPIN_IDENTIFICATION_URL", IDENTIFICATION::url);
        registry.add("fangpin.gateway.secret", TRUST::secret);
        registry.add("fangpin.gateway.rate-limit.burst", () -> 1);
        registry.add("fangpin.gateway.rate-limit.per-second", () -> 1);
        // nobody listens there
        registry.add("spring.data.redis.url", () -> "redis://127.0.0.1:" + ServiceProcess.freePort());
    }

    @AfterAll
    static void stop() {
        IDENTIFICATION.close();
    }

    @Test
    void requestsGoOnUnlimitedAndAreCountedAsUnchecked() {
        String token = ISSUER.token("u-redis-down", "敖登", List.of("VILLAGE_OFFICER"), "150724213201",
                Duration.ofMinutes(5));
        RestClient gateway = RestClient.create("http://127.0.0.1:" + port);
        for (int i = 0; i < 5; i++) {
            int status = gateway.get().uri("/api/households/h-1").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                    .exchange((request, reply) -> reply.getStatusCode().value(), false);
            assertThat(status).as("request %d beyond a burst of 1", i + 1).isEqualTo(200);
        }
        assertThat(meters.counter("fangpin.gateway.rate.limit", "outcome", "unchecked").count()).isEqualTo(5);
        assertThat(meters.counter("fangpin.gateway.rate.limit", "outcome", "allowed").count()).isZero();
    }
}
