package org.fangpin.identification.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fangpin.identification.Procedure.expect;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.fangpin.identification.MovableClock;
import org.fangpin.identification.Procedure;
import org.fangpin.identification.Procedure.Reply;
import org.fangpin.testsupport.DevTokenIssuer;
import org.fangpin.testsupport.WithRealInfrastructure;

/**
 * An inspector finds the home verification whose income an insider raised in identification-service's own event
 * store: the verification of the store names the household, the event's sequence number and its id.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithRealInfrastructure
@Import(MovableClock.Configuration.class)
class EvidenceIT {

    @LocalServerPort
    int port;
    @Autowired
    DevTokenIssuer tokens;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aHouseholdVerifiedWhoseIncomeWasRaisedInTheStoreIsNamedByTheStoresVerification() {
        Procedure procedure = new Procedure(port, tokens);
        String household = procedure.register("乌云其木格", "15072419800101002");
        String lead = procedure.reportLead(household, "CADRE_VISIT");
        procedure.verify(lead, "4800.00", "12500.00");
        assertThat(verify(procedure).body().path("intact").asBoolean()).isTrue();

        String verified = jdbc.sql("""
                        SELECT eventidentifier FROM domainevententry
                        WHERE aggregateidentifier = :id AND payloadtype LIKE '%HouseholdVerified'""")
                .param("id", household).query(String.class).single();
        long sequence = jdbc.sql("SELECT sequencenumber FROM domainevententry WHERE eventidentifier = :id")
                .param("id", verified).query(Long.class).single();
        jdbc.sql("""
                        UPDATE domainevententry
                        SET payload = convert_to(replace(convert_from(payload, 'UTF8'), '4800', '9800'), 'UTF8')
                        WHERE eventidentifier = :id""")
                .param("id", verified).update();

        Reply verification = verify(procedure);
        assertThat(verification.body().path("intact").asBoolean()).isFalse();
        assertThat(verification.body().path("firstBroken").path("aggregateId").asText()).isEqualTo(household);
        assertThat(verification.body().path("firstBroken").path("sequenceNumber").asLong()).isEqualTo(sequence);
        assertThat(verification.body().path("firstBroken").path("eventId").asText()).isEqualTo(verified);
        assertThat(verification.body().path("firstBroken").path("fault").asText()).isEqualTo("ALTERED");
    }

    private static Reply verify(Procedure procedure) {
        return expect(procedure.call("INSPECTOR", "00", HttpMethod.GET,
                "/api/admin/identification/evidence/verify", null), 200);
    }
}
