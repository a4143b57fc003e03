package org.fangpin.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.web.client.RestClient;
import org.postgresql.Driver;

import org.fangpin.contracts.value.IdNumber;
import org.fangpin.testsupport.Infrastructure;
import org.fangpin.testsupport.PostgresServer.TestDatabase;
import org.fangpin.testsupport.RealInfrastructureExtension;
import org.fangpin.testsupport.ServiceProcess;

/**
 * The walking skeleton as a user meets it: every service and the gateway run as their own processes against a
 * real PostgreSQL and a real Kafka broker, and every request goes through the gateway with a token.
 */
@ExtendWith(RealInfrastructureExtension.class)
class SkeletonFlowIT {

    private static final String VILLAGE = "150724213201";
    private static final List<String> SERVICES = List.of("identification", "monitoring", "assistance", "timeline");
    private static final List<ServiceProcess> PROCESSES = new ArrayList<>();
    private static ServiceProcess gateway;
    private static Infrastructure infrastructure;
    private static JdbcClient identificationDb;

    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void startTheSystem(Infrastructure given) {
        infrastructure = given;
        Path apps = Path.of(System.getProperty("fangpin.apps", "target/apps"));
        Path logs = Path.of(System.getProperty("fangpin.logs", "target/e2e-logs"));
        Map<String, String> routes = new HashMap<>();
        for (String service : SERVICES) {
            TestDatabase database = infrastructure.database(service);
            if (service.equals("identification")) {
                identificationDb = JdbcClient.create(new SimpleDriverDataSource(new Driver(),
                        database.jdbcUrl()));
            }
            Map<String, String> environment = new HashMap<>(common());
            environment.put("FANGPIN_DB_URL", database.jdbcUrl());
            ServiceProcess process = ServiceProcess.start(service + "-service", apps.resolve(service + "-service.jar"),
                    environment, logs);
            PROCESSES.add(process);
            routes.put("FANGPIN_" + service.toUpperCase() + "_URL", process.baseUrl());
        }
        Map<String, String> gatewayEnvironment = new HashMap<>(common());
        gatewayEnvironment.putAll(routes);
        gateway = ServiceProcess.start("gateway", apps.resolve("gateway.jar"), gatewayEnvironment, logs);
        PROCESSES.add(gateway);
        PROCESSES.forEach(ServiceProcess::awaitHealthy);
    }

    @AfterAll
    static void stopTheSystem() {
        PROCESSES.forEach(ServiceProcess::close);
    }

    @Test
    void aHouseholdIdentifiedThroughTheGatewayIsMonitoredAssistedAndItsTimelineShowsEveryStepInOrder() {
        RestClient village = client("VILLAGE_OFFICER", VILLAGE);
        RestClient county = client("COUNTY_APPROVER", "150724");

        String householdId = village.post().uri("/api/households").body(Map.of(
                        "regionCode", VILLAGE, "villageGroup", 2, "headName", "额尔登",
                        "headIdNumber", idNumber("15072419690823001"), "category", "POVERTY_ALLEVIATED",
                        "memberCount", 5))
                .retrieve().body(JsonNode.class).get("householdId").asText();
        // Recorded after the fact, as cadres do: reported 8 days ago, the 5-day public notice is over.
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String leadId = village.post().uri("/api/leads").body(Map.of(
                        "householdId", householdId, "channel", "SELF_REPORT", "description", "因灾房屋受损",
                        "reportedOn", today.minusDays(8).toString()))
                .retrieve().body(JsonNode.class).get("leadId").asText();
        village.post().uri("/api/leads/{id}/verification", leadId).body(Map.of(
                        "perCapitaNetIncome", 6800.00, "labourCapacity", "FULL", "collector", "娜仁",
                        "householdConfirmed", true, "verifiedOn", today.minusDays(7).toString()))
                .retrieve().toBodilessEntity();
        village.post().uri("/api/leads/{id}/village-evaluation", leadId).body(Map.of(
                        "opinion", "经村两委、驻村工作队评议，同意纳入", "noticeFrom", today.minusDays(7).toString()))
                .retrieve().toBodilessEntity();
        client("TOWNSHIP_REVIEWER", "150724213").post().uri("/api/leads/{id}/township-review", leadId).body(Map.of(
                        "decision", "APPROVE", "opinion", "经乡镇审核，情况属实"))
                .retrieve().toBodilessEntity();
        county.post().uri("/api/leads/{id}/county-decision", leadId).body(Map.of(
                        "decision", "IDENTIFY", "objectType", "SUDDEN_HARDSHIP", "riskTypes", List.of("DISASTER")))
                .retrieve().toBodilessEntity();

        RestClient supervisor = client("SUPERVISOR", "150724");
        await().atMost(Duration.ofSeconds(60)).until(() -> timelineTypes(supervisor, householdId).containsAll(List.of(
                "fangpin.monitoring.MonitoringStarted.v1", "fangpin.assistance.AssistanceCaseOpened.v1")));
        JsonNode timeline = supervisor.get().uri("/api/households/{id}/timeline", householdId)
                .retrieve().body(JsonNode.class);
        List<String> types = timelineTypes(supervisor, householdId);

        assertThat(types.subList(0, 7)).containsExactly(
                "fangpin.identification.HouseholdRegistered.v1", "fangpin.identification.MemberAdded.v1",
                "fangpin.identification.LeadReported.v1", "fangpin.identification.HouseholdVerified.v1",
                "fangpin.identification.VillageEvaluationRecorded.v1", "fangpin.identification.TownshipApproved.v1",
                "fangpin.identification.HouseholdIdentified.v1");
        assertThat(types.subList(7, types.size())).contains(
                "fangpin.monitoring.MonitoringStarted.v1", "fangpin.assistance.AssistanceCaseOpened.v1");
        assertThat(timeline.get("entries")).allSatisfy(entry -> {
            assertThat(entry.get("occurredAt").asText()).isNotBlank();
            assertThat(entry.get("actor").get("role").asText()).isNotBlank();
        });
        assertThat(timeline.get("entries").get(0).get("actor").get("id").asText()).isEqualTo("demo-village_officer");
        assertThat(timeline.get("entries").get(5).get("actor").get("role").asText()).isEqualTo("TOWNSHIP_REVIEWER");
        assertThat(timeline.get("entries").get(6).get("actor").get("role").asText()).isEqualTo("COUNTY_APPROVER");
        assertThat(timeline.get("entries").get(7).get("actor").get("role").asText()).isEqualTo("SYSTEM");
        assertThat(county.get().uri("/api/monitoring/{id}", householdId).retrieve().body(JsonNode.class)
                .get("objectType").asText()).isEqualTo("SUDDEN_HARDSHIP");
        assertThat(county.get().uri("/api/assistance/{id}", householdId).retrieve().body(JsonNode.class)
                .get("riskTypes").asText()).isEqualTo("DISASTER");
    }

    @Test
    void aRequestWithoutAValidTokenIsRefusedAtTheGateway() {
        int status = RestClient.create(gateway.baseUrl()).post().uri("/api/households")
                .contentType(MediaType.APPLICATION_JSON).body("{}")
                .exchange((request, response) -> response.getStatusCode().value(), false);

        assertThat(status).isEqualTo(401);
    }

    @Test
    void aMalformedBodyGetsProblemJsonAndWritesNothing() {
        long before = storedIdentificationEvents();

        var reply = client("VILLAGE_OFFICER", VILLAGE).post().uri("/api/households")
                .body("{\"regionCode\": \"150724213201\", \"memberCount\": ")
                .exchange((request, response) -> Map.entry(response.getStatusCode().value(),
                        json.readTree(response.getBody())), false);

        assertThat(reply.getKey()).isEqualTo(400);
        assertThat(reply.getValue().get("code").asText()).isEqualTo("MALFORMED_REQUEST");
        assertThat(reply.getValue().get("correlationId").asText()).isNotBlank();
        assertThat(storedIdentificationEvents()).isEqualTo(before);
    }

    private List<String> timelineTypes(RestClient client, String householdId) {
        return client.get().uri("/api/households/{id}/timeline", householdId)
                .exchange((request, response) -> response.getStatusCode().value() == 200
                        ? json.readTree(response.getBody()).get("entries").findValuesAsText("type")
                        : List.<String>of(), false);
    }

    private static long storedIdentificationEvents() {
        return identificationDb.sql("SELECT count(*) FROM domainevententry").query(Long.class).single();
    }

    private static RestClient client(String role, String region) {
        return RestClient.builder().baseUrl(gateway.baseUrl())
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + infrastructure.tokens().token(role, region))
                .defaultHeader(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
                .build();
    }

    private static Map<String, String> common() {
        return Map.of(
                "FANGPIN_KAFKA", infrastructure.kafka().bootstrapServers(),
                "FANGPIN_ISSUER", infrastructure.tokens().issuer());
    }

    private static String idNumber(String first17) {
        return first17 + IdNumber.checkCharacter(first17);
    }

}
