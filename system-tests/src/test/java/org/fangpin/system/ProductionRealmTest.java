package org.fangpin.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The realm production imports ({@code deploy/keycloak/fangpin-realm.json}) is a production realm: no user, no
 * password grant, the console's client on authorization code with PKCE only, TLS required from outside, brute-force
 * protection and a password policy. The local stack's demo users and demo client are added on top by its scripts.
 */
class ProductionRealmTest {

    private static JsonNode realm;

    @BeforeAll
    static void read() throws IOException {
        realm = new ObjectMapper().readTree(Path.of(System.getProperty("fangpin.keycloak.realm")).toFile());
    }

    @Test
    void itHoldsNoUserAndNoCredential() {
        assertThat(realm.has("users")).isFalse();
        assertThat(realm.toString()).doesNotContain("\"credentials\"").doesNotContain("fangpin-demo");
    }

    @Test
    void noClientAllowsThePasswordGrantTheImplicitFlowOrServiceAccounts() {
        for (JsonNode client : realm.get("clients")) {
            assertThat(client.path("directAccessGrantsEnabled").asBoolean(true)).as(client.get("clientId").asText())
                    .isFalse();
            assertThat(client.path("implicitFlowEnabled").asBoolean(true)).isFalse();
            assertThat(client.path("serviceAccountsEnabled").asBoolean(true)).isFalse();
        }
    }

    @Test
    void theConsoleSignsInWithAuthorizationCodeAndPkceToItsOwnAddressOnly() {
        JsonNode web = null;
        for (JsonNode client : realm.get("clients")) {
            if ("fangpin-web".equals(client.get("clientId").asText())) {
                web = client;
            }
        }
        assertThat(web).isNotNull();
        assertThat(web.get("publicClient").asBoolean()).isTrue();
        assertThat(web.get("standardFlowEnabled").asBoolean()).isTrue();
        assertThat(web.get("attributes").get("pkce.code.challenge.method").asText()).isEqualTo("S256");
        assertThat(web.get("redirectUris").toString()).isEqualTo("[\"${FANGPIN_CONSOLE_URL}/*\"]");
        assertThat(web.get("webOrigins").toString()).isEqualTo("[\"${FANGPIN_CONSOLE_URL}\"]");
    }

    @Test
    void itRequiresTlsFromOutsideAndResistsPasswordGuessing() {
        assertThat(realm.get("sslRequired").asText()).isEqualTo("external");
        assertThat(realm.get("bruteForceProtected").asBoolean()).isTrue();
        assertThat(realm.get("failureFactor").asInt()).isBetween(3, 10);
        assertThat(realm.get("passwordPolicy").asText()).contains("length(12)");
        assertThat(realm.get("registrationAllowed").asBoolean()).isFalse();
    }

    @Test
    void aUsersRegionMustBeADivisionCode() {
        assertThat(realm.get("components").toString()).contains("^(00|\\\\\\\\d{2}|");
    }
}
