package org.fangpin.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.client.RestClient;

import org.fangpin.contracts.PublishedEvent;
import org.fangpin.contracts.envelope.ActorRef;
import org.fangpin.contracts.envelope.EventEnvelope;
import org.fangpin.contracts.identification.HouseholdIdentified;
import org.fangpin.contracts.identification.HouseholdRegistered;
import org.fangpin.contracts.identification.MemberAdded;
import org.fangpin.contracts.monitoring.MonitoringStarted;
import org.fangpin.contracts.monitoring.WarningRaised;
import org.fangpin.contracts.value.Health;
import org.fangpin.contracts.value.HouseholdCategory;
import org.fangpin.contracts.value.IdNumber;
import org.fangpin.contracts.value.LabourCapacity;
import org.fangpin.contracts.value.ObjectType;
import org.fangpin.contracts.value.Relation;
import org.fangpin.contracts.value.RiskType;
import org.fangpin.contracts.value.WarningLevel;
import org.fangpin.testsupport.DevTokenIssuer;
import org.fangpin.testsupport.Envelopes;
import org.fangpin.testsupport.WithRealInfrastructure;

/**
 * The household search (户查询) and one step's own data, read from events played onto the topics as the services
 * publish them: each within the reader's jurisdiction, ID numbers and personal data masked for oversight.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithRealInfrastructure
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HouseholdReadsIT {

    /** 巴彦塔拉达斡尔民族乡, 鄂温克族自治旗: two of its villages. */
    private static final String VILLAGE = "150724213201";
    private static final String OTHER_VILLAGE = "150724213202";
    /** 海拉尔区: another county. */
    private static final String HAILAR_VILLAGE = "150702001001";
    private static final ActorRef CADRE = new ActorRef("u-101", "包银花", "VILLAGE_OFFICER", VILLAGE);
    private static final ActorRef COUNTY = new ActorRef("u-301", "乌云", "COUNTY_APPROVER", "150724");
    private static final ActorRef SYSTEM = new ActorRef("system:monitoring-service", "monitoring-service", "SYSTEM",
            "");
    private static final String HEAD_ID = idNumber("19780312002");
    private static final String SPOUSE_ID = idNumber("19800506004");

    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DevTokenIssuer tokens;
    @LocalServerPort
    int port;

    private final ObjectMapper json = new ObjectMapper();
    private final String warned = UUID.randomUUID().toString();
    private final String registered = UUID.randomUUID().toString();
    private final String hailar = UUID.randomUUID().toString();

    /** One household identified and warned in the first village, one only registered in the second, one elsewhere. */
    @BeforeAll
    void households() {
        send(new HouseholdRegistered(warned, VILLAGE, 2, "敖登其木格", HEAD_ID, HouseholdCategory.GENERAL, 4), CADRE,
                "2024-03-01T09:00+08:00");
        send(new MemberAdded(warned, VILLAGE, warned + "-m2", "巴特尔", SPOUSE_ID, Relation.SPOUSE,
                LocalDate.of(1980, 5, 6), LabourCapacity.PARTIAL, Health.SERIOUS_ILLNESS, "REGISTRATION",
                LocalDate.of(2024, 3, 1), "不在校", "区外务工"), CADRE, "2024-03-01T09:01+08:00");
        send(new HouseholdIdentified(warned, VILLAGE, "lead-" + warned, ObjectType.MARGINAL_VULNERABLE,
                List.of(RiskType.ILLNESS), LabourCapacity.PARTIAL, new BigDecimal("7600.00"),
                new BigDecimal("8300.00"), LocalDate.of(2024, 3, 15)), COUNTY, "2024-03-15T11:00+08:00");
        send(new MonitoringStarted(warned, VILLAGE, ObjectType.MARGINAL_VULNERABLE, LocalDate.of(2024, 3, 15)),
                SYSTEM, "2024-03-15T11:00:01+08:00");
        send(new WarningRaised(warned, VILLAGE, "w-" + warned, WarningLevel.II_YELLOW, "INCOME_BELOW_LINE",
                new BigDecimal("6900.00"), new BigDecimal("8300.00"), "家庭人均纯收入低于监测收入标准",
                LocalDate.of(2024, 4, 10)), SYSTEM, "2024-04-10T16:00+08:00");
        send(new HouseholdRegistered(registered, OTHER_VILLAGE, 3, "孟和", idNumber("19650101005"),
                HouseholdCategory.GENERAL, 3), CADRE, "2024-03-02T09:00+08:00");
        send(new HouseholdRegistered(hailar, HAILAR_VILLAGE, 1, "敖登", idNumber("19700101006"),
                HouseholdCategory.GENERAL, 2), CADRE, "2024-03-03T09:00+08:00");
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("SELECT count(*) FROM timeline_entry")
                .query(Long.class).single() == 7 && jdbc.sql("""
                        SELECT count(*) FROM household_status
                        WHERE warning_level IS NOT NULL OR household_id IN (:registered, :hailar)""")
                .param("registered", registered).param("hailar", hailar).query(Long.class).single() == 3);
    }

    @Test
    void theSearchListsTheHouseholdsWithinTheCallersRegionWithIdNumbersMaskedForOversight() {
        JsonNode county = get("/api/timeline/households", "SUPERVISOR", "150724");
        assertThat(county.get("households").findValuesAsText("householdId")).containsExactly(warned, registered);
        JsonNode first = county.get("households").get(0);
        assertThat(first.get("headName").asText()).isEqualTo("敖登其木格");
        assertThat(first.get("headIdNumber").asText()).isEqualTo(IdNumber.mask(HEAD_ID)).isNotEqualTo(HEAD_ID);
        assertThat(first.get("regionCode").asText()).isEqualTo(VILLAGE);
        assertThat(first.get("status").get("code").asText()).isEqualTo("RISK_NOT_ELIMINATED");
        assertThat(first.get("objectType").get("code").asText()).isEqualTo("MARGINAL_VULNERABLE");
        assertThat(first.get("warningLevel").get("code").asText()).isEqualTo("II_YELLOW");
        assertThat(county.has("nextCursor")).isFalse();
        assertThat(get("/api/timeline/households", "INSPECTOR", "15").get("households")
                .findValuesAsText("headIdNumber")).hasSize(3).noneMatch(number -> number.equals(HEAD_ID));
        assertThat(get("/api/timeline/households", "COUNTY_APPROVER", "150724").get("households").get(0)
                .get("headIdNumber").asText()).isEqualTo(HEAD_ID);

        assertThat(ids("/api/timeline/households", "VILLAGE_OFFICER", OTHER_VILLAGE)).containsExactly(registered);
        assertThat(status("/api/timeline/households?region=" + VILLAGE, "VILLAGE_OFFICER", OTHER_VILLAGE))
                .isEqualTo(403);
        assertThat(status("/api/timeline/households", "DEPARTMENT_OFFICER", "150724")).isEqualTo(403);
    }

    @Test
    void theSearchFiltersByNameRegionStatusObjectTypeAndWarningLevelAPageAtATime() {
        assertThat(ids("/api/timeline/households?name=敖登", "SUPERVISOR", "15")).containsExactly(hailar, warned);
        assertThat(ids("/api/timeline/households?name=其木", "SUPERVISOR", "150724")).containsExactly(warned);
        assertThat(ids("/api/timeline/households?name=_", "SUPERVISOR", "150724")).isEmpty();
        assertThat(ids("/api/timeline/households?region=" + OTHER_VILLAGE, "SUPERVISOR", "150724"))
                .containsExactly(registered);
        assertThat(ids("/api/timeline/households?status=RISK_NOT_ELIMINATED", "SUPERVISOR", "15"))
                .containsExactly(warned);
        assertThat(ids("/api/timeline/households?status=NOT_MONITORED", "SUPERVISOR", "15"))
                .containsExactly(hailar, registered);
        assertThat(ids("/api/timeline/households?objectType=MARGINAL_VULNERABLE", "SUPERVISOR", "15"))
                .containsExactly(warned);
        assertThat(ids("/api/timeline/households?warningLevel=II_YELLOW", "SUPERVISOR", "15"))
                .containsExactly(warned);
        assertThat(ids("/api/timeline/households?warningLevel=I_RED", "SUPERVISOR", "15")).isEmpty();

        JsonNode page = get("/api/timeline/households?size=2", "INSPECTOR", "15");
        assertThat(page.get("households").findValuesAsText("householdId")).containsExactly(hailar, warned);
        assertThat(ids("/api/timeline/households?size=2&cursor=" + page.get("nextCursor").asText(), "INSPECTOR",
                "15")).containsExactly(registered);

        assertThat(status("/api/timeline/households?status=ELIMINATED_SOMEHOW", "SUPERVISOR", "150724"))
                .isEqualTo(400);
        assertThat(status("/api/timeline/households?size=201", "SUPERVISOR", "150724")).isEqualTo(400);
        assertThat(status("/api/timeline/households?cursor=x", "SUPERVISOR", "150724")).isEqualTo(400);
    }

    @Test
    void anEventsOwnDataShowsPersonalDataOnlyToTheRolesThatVerifyAndDecide() {
        JsonNode entries = get("/api/households/" + warned + "/timeline", "SUPERVISOR", "150724").get("entries");
        String memberAdded = StreamSupport.stream(entries.spliterator(), false)
                .filter(entry -> entry.get("type").asText().contains("MemberAdded"))
                .findFirst().orElseThrow().get("eventId").asText();
        String path = "/api/households/" + warned + "/timeline/" + memberAdded;

        JsonNode supervised = get(path, "SUPERVISOR", "150724");
        JsonNode data = supervised.get("data");
        assertThat(data.get("idNumber").asText()).isEqualTo(IdNumber.mask(SPOUSE_ID));
        assertThat(data.get("name").isNull()).isTrue();
        assertThat(data.get("health").isNull()).isTrue();
        assertThat(data.get("birthDate").isNull()).isTrue();
        assertThat(data.get("relation").asText()).isEqualTo("SPOUSE");
        assertThat(data.get("labourCapacity").asText()).isEqualTo("PARTIAL");
        assertThat(json.convertValue(supervised.get("masked"), List.class))
                .containsExactlyInAnyOrder("name", "idNumber", "birthDate", "health", "schooling", "employment");
        assertThat(data.toString()).doesNotContain(SPOUSE_ID, "巴特尔", "SERIOUS_ILLNESS", "区外务工");
        assertThat(supervised.toString()).doesNotContain(SPOUSE_ID, "SERIOUS_ILLNESS", "区外务工");
        assertThat(supervised.get("summary").asText()).isNotBlank();
        assertThat(get(path, "INSPECTOR", "15").get("data").get("idNumber").asText())
                .isEqualTo(IdNumber.mask(SPOUSE_ID));

        JsonNode decided = get(path, "COUNTY_APPROVER", "150724");
        assertThat(decided.get("data").get("idNumber").asText()).isEqualTo(SPOUSE_ID);
        assertThat(decided.get("data").get("name").asText()).isEqualTo("巴特尔");
        assertThat(decided.get("data").get("health").asText()).isEqualTo("SERIOUS_ILLNESS");
        assertThat(decided.get("masked")).isEmpty();

        assertThat(status(path, "VILLAGE_OFFICER", OTHER_VILLAGE)).isEqualTo(403);
        assertThat(status("/api/households/" + registered + "/timeline/" + memberAdded, "SUPERVISOR", "150724"))
                .isEqualTo(404);
        assertThat(status("/api/households/" + warned + "/timeline/" + UUID.randomUUID(), "SUPERVISOR", "150724"))
                .isEqualTo(404);
    }

    private void send(PublishedEvent event, ActorRef actor, String at) {
        EventEnvelope fresh = Envelopes.of(event, actor, UUID.randomUUID().toString());
        EventEnvelope envelope = new EventEnvelope(fresh.id(), fresh.source(), fresh.type(), fresh.subject(),
                OffsetDateTime.parse(at), fresh.regionCode(), actor, fresh.correlationId(), event, null);
        TopicsRead.send(kafka, envelope.type(), event.subject(), Envelopes.encode(envelope)).join();
    }

    /** A valid GB 11643 number of a person born in the Ewenki banner. */
    private static String idNumber(String birthAndSequence) {
        String first17 = "150724" + birthAndSequence;
        return first17 + IdNumber.checkCharacter(first17);
    }

    private List<String> ids(String path, String role, String region) {
        return get(path, role, region).get("households").findValuesAsText("householdId");
    }

    private JsonNode get(String path, String role, String region) {
        try {
            return json.readTree(RestClient.create("http://127.0.0.1:" + port).get().uri(path)
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.token(role, region))
                    .retrieve().body(byte[].class));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private int status(String path, String role, String region) {
        return RestClient.create("http://127.0.0.1:" + port).get().uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.token(role, region))
                .exchange((request, response) -> response.getStatusCode().value(), false);
    }
}
