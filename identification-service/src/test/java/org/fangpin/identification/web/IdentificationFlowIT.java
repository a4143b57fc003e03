package org.fangpin.identification.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

import org.fangpin.contracts.Topics;
import org.fangpin.contracts.envelope.EnvelopeCodec;
import org.fangpin.contracts.envelope.EventEnvelope;
import org.fangpin.contracts.identification.HouseholdIdentified;
import org.fangpin.contracts.value.IdNumber;
import org.fangpin.testsupport.DevTokenIssuer;
import org.fangpin.testsupport.KafkaBroker;
import org.fangpin.testsupport.WithRealInfrastructure;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithRealInfrastructure
class IdentificationFlowIT {

    private static final String VILLAGE = "150724213201";

    @LocalServerPort
    int port;
    @Autowired
    DevTokenIssuer tokens;
    @Autowired
    KafkaBroker kafka;
    @Autowired
    JdbcClient jdbc;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aHouseholdIdentifiedByTheCountyIsPublishedWithItsActorsInOrder() {
        RestClient village = client(tokens.token("VILLAGE_OFFICER", VILLAGE));
        RestClient county = client(tokens.token("COUNTY_APPROVER", "150724"));

        String householdId = village.post().uri("/api/households").body(Map.of(
                        "regionCode", VILLAGE, "villageGroup", 3, "headName", "敖日格乐",
                        "headIdNumber", idNumber("15072419780312021"), "category", "POVERTY_ALLEVIATED",
                        "memberCount", 4))
                .retrieve().body(JsonNode.class).get("householdId").asText();
        String leadId = village.post().uri("/api/leads").body(Map.of(
                        "householdId", householdId, "channel", "CADRE_VISIT", "description", "户主患大病，医疗自付费用高"))
                .retrieve().body(JsonNode.class).get("leadId").asText();
        village.post().uri("/api/leads/{id}/verification", leadId).body(Map.of(
                        "perCapitaNetIncome", 7200.00, "labourCapacity", "PARTIAL", "collector", "包银花",
                        "householdConfirmed", true))
                .retrieve().toBodilessEntity();
        county.post().uri("/api/leads/{id}/county-decision", leadId).body(Map.of(
                        "decision", "IDENTIFY", "objectType", "MARGINAL_VULNERABLE", "riskTypes", List.of("ILLNESS")))
                .retrieve().toBodilessEntity();

        List<ConsumerRecord<String, byte[]>> published = kafka.read(Topics.IDENTIFICATION, 4);
        List<EventEnvelope> envelopes = published.stream().map(r -> new EnvelopeCodec().decode(r.value())).toList();

        assertThat(published).allSatisfy(record -> assertThat(record.key()).isEqualTo(householdId));
        assertThat(envelopes).extracting(EventEnvelope::type).containsExactly(
                "fangpin.identification.HouseholdRegistered.v1", "fangpin.identification.LeadReported.v1",
                "fangpin.identification.HouseholdVerified.v1", "fangpin.identification.HouseholdIdentified.v1");
        assertThat(envelopes).allSatisfy(envelope -> {
            assertThat(envelope.subject()).isEqualTo(householdId);
            assertThat(envelope.regionCode()).isEqualTo(VILLAGE);
            assertThat(envelope.actor()).isNotNull();
        });
        assertThat(envelopes.get(0).actor().role()).isEqualTo("VILLAGE_OFFICER");
        assertThat(envelopes.get(0).actor().region()).isEqualTo(VILLAGE);
        HouseholdIdentified identified = (HouseholdIdentified) envelopes.get(3).data();
        assertThat(envelopes.get(3).actor().role()).isEqualTo("COUNTY_APPROVER");
        assertThat(identified.monitoringLine()).isEqualByComparingTo("8300.00");
        assertThat(identified.perCapitaNetIncome()).isEqualByComparingTo("7200.00");
    }

    @Test
    void aMalformedBodyIsRefusedWithProblemJsonAndWritesNothing() {
        long eventsBefore = storedEvents();
        RestClient village = client(tokens.token("VILLAGE_OFFICER", VILLAGE));

        var response = village.post().uri("/api/households")
                .header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN")
                .body(Map.of("regionCode", "1507", "headName", "", "headIdNumber", "123", "category", "GENERAL",
                        "memberCount", 2))
                .exchange((request, reply) -> Map.entry(reply.getStatusCode().value(),
                        json.readTree(reply.getBody())), false);

        assertThat(response.getKey()).isEqualTo(400);
        assertThat(response.getValue().get("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(response.getValue().get("messages").get("zh-CN").asText()).contains("请按字段提示修改");
        assertThat(response.getValue().get("errors").findValuesAsText("field")).contains("regionCode", "headName");
        assertThat(storedEvents()).isEqualTo(eventsBefore);
    }

    @Test
    void anIdNumberWithAWrongCheckCharacterIsRefusedInChinese() {
        String body = "15072419780312021";
        String wrong = body + (IdNumber.checkCharacter(body) == '1' ? '2' : '1');

        var response = client(tokens.token("VILLAGE_OFFICER", VILLAGE)).post().uri("/api/households")
                .body(Map.of("regionCode", VILLAGE, "headName", "巴特尔", "headIdNumber", wrong,
                        "category", "GENERAL", "memberCount", 2))
                .exchange((request, reply) -> Map.entry(reply.getStatusCode().value(),
                        json.readTree(reply.getBody())), false);

        assertThat(response.getKey()).isEqualTo(422);
        assertThat(response.getValue().get("code").asText()).isEqualTo("INVALID_ID_NUMBER");
        assertThat(response.getValue().get("detail").asText()).contains("身份证号码");
    }

    @Test
    void aRequestWithoutATokenIsUnauthorised() {
        var status = RestClient.create("http://127.0.0.1:" + port).get().uri("/api/households/x")
                .exchange((request, reply) -> reply.getStatusCode().value(), false);

        assertThat(status).isEqualTo(401);
    }

    private long storedEvents() {
        return jdbc.sql("SELECT count(*) FROM domainevententry").query(Long.class).single();
    }

    private RestClient client(String token) {
        return RestClient.builder().baseUrl("http://127.0.0.1:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .defaultHeader(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
                .build();
    }

    private static String idNumber(String first17) {
        return first17 + IdNumber.checkCharacter(first17);
    }
}
