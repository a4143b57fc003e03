package org.fangpin.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import org.fangpin.contracts.value.IdNumber;
import org.fangpin.testsupport.Infrastructure;
import org.fangpin.testsupport.OtlpCollector;
import org.fangpin.testsupport.RealInfrastructureExtension;
import org.fangpin.testsupport.SecuredKafka;

/**
 * Households' lives as users meet them: every service and the gateway run as their own processes against a real
 * PostgreSQL and a real Kafka broker, and every request goes through the gateway with a token.
 */
@ExtendWith(RealInfrastructureExtension.class)
@SecuredKafka
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HouseholdWorkflowIT {

    private static final String VILLAGE = "150724213201";
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** The ID numbers and names of the residents this run registers: none may appear in a log. */
    private static final Set<String> PERSONAL_DATA = ConcurrentHashMap.newKeySet();
    private static RunningSystem system;
    private static Infrastructure infrastructure;
    private static OtlpCollector traces;

    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void startTheSystem(Infrastructure given) {
        infrastructure = given;
        traces = OtlpCollector.start();
        system = RunningSystem.startTraced(infrastructure, infrastructure.tokens().issuer(),
                infrastructure.tokens().jwksUri(), "household-workflow", traces).awaitHealthy();
    }

    @AfterAll
    static void stopTheSystem() {
        system.close();
        traces.close();
    }

    /**
     * A registration, followed as an operator would in a tracing UI: the trace the client started goes through the
     * gateway into identification's request, on to the publication of the event it stored, and into the handling of
     * that event by every service that consumes it, although the event went through the event store and Kafka.
     */
    @Test
    void aRegistrationIsOneTraceFromTheGatewayThroughThePublicationOfItsEventToEveryConsumer() {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String clientSpan = "00f067aa0ba902b7";
        String householdId = client("VILLAGE_OFFICER", VILLAGE).post().uri("/api/households")
                .header("traceparent", "00-" + traceId + "-" + clientSpan + "-01")
                .body(Map.of("regionCode", VILLAGE, "villageGroup", 1, "headName", "图雅",
                        "headIdNumber", idNumber("15072419790914052"), "category", "GENERAL", "memberCount", 3))
                .retrieve().body(JsonNode.class).get("householdId").asText();
        PERSONAL_DATA.addAll(List.of("图雅", idNumber("15072419790914052")));

        await().atMost(PATIENCE).untilAsserted(() -> {
            List<OtlpCollector.ExportedSpan> trace = traces.trace(traceId);
            OtlpCollector.ExportedSpan atGateway = only(trace, span -> span.service().equals("gateway")
                    && span.kind().equals("SERVER"));
            assertThat(atGateway.parentSpanId()).isEqualTo(clientSpan);
            OtlpCollector.ExportedSpan request = only(trace, span -> span.service().equals("identification-service")
                    && span.kind().equals("SERVER"));
            assertThat(ancestors(trace, request)).contains(atGateway);
            OtlpCollector.ExportedSpan publication = only(trace, span -> span.kind().equals("PRODUCER")
                    && "fangpin.identification.HouseholdRegistered.v1".equals(span.attribute("cloudevents.event_type")));
            assertThat(publication.service()).isEqualTo("identification-service");
            assertThat(publication.name()).isEqualTo("publish fangpin.identification.v1");
            assertThat(ancestors(trace, publication)).contains(request);
            List<OtlpCollector.ExportedSpan> handlings = trace.stream()
                    .filter(span -> span.parentSpanId().equals(publication.spanId())).toList();
            assertThat(handlings).allSatisfy(span -> {
                assertThat(span.kind()).isEqualTo("CONSUMER");
                assertThat(span.name()).startsWith("process fangpin.identification.");
                assertThat(span.attribute("messaging.message.id")).isEqualTo(publication.attribute(
                        "messaging.message.id"));
            });
            assertThat(handlings).extracting(span -> span.service() + "/" + span.attribute("fangpin.consumer"))
                    .contains("monitoring-service/ReadModel_Registry",
                            "monitoring-service/Automation_WhenHouseholdIdentifiedThenStartMonitoring",
                            "assistance-service/Automation_WhenHouseholdIdentifiedThenOpenCase",
                            "timeline-service/ReadModel_Timeline");
        });
        assertThat(householdId).isNotBlank();
    }

    private static OtlpCollector.ExportedSpan only(List<OtlpCollector.ExportedSpan> trace,
                                                   Predicate<OtlpCollector.ExportedSpan> which) {
        List<OtlpCollector.ExportedSpan> found = trace.stream().filter(which).toList();
        assertThat(found).as("spans of the trace: %s", trace).hasSize(1);
        return found.get(0);
    }

    /** The span's parent, its parent's parent, ..., as far as the trace holds them. */
    private static List<OtlpCollector.ExportedSpan> ancestors(List<OtlpCollector.ExportedSpan> trace,
                                                              OtlpCollector.ExportedSpan span) {
        Map<String, OtlpCollector.ExportedSpan> byId = trace.stream()
                .collect(Collectors.toMap(OtlpCollector.ExportedSpan::spanId, found -> found));
        List<OtlpCollector.ExportedSpan> ancestors = new ArrayList<>();
        for (var parent = byId.get(span.parentSpanId()); parent != null; parent = byId.get(parent.parentSpanId())) {
            ancestors.add(parent);
        }
        return ancestors;
    }

    @Test
    void aHouseholdIdentifiedThroughTheGatewayIsMonitoredAssistedAndItsTimelineShowsEveryStepInOrder() {
        String householdId = register(VILLAGE, "额尔登", idNumber("15072419690823001"));
        walkThroughIdentification(VILLAGE, reportLead(VILLAGE, householdId), "SUDDEN_HARDSHIP", "DISASTER");

        List<JsonNode> entries = awaitTimeline(householdId, "fangpin.assistance.AssistanceCaseOpened.v1",
                "fangpin.monitoring.MonitoringStarted.v1");
        List<String> types = entries.stream().map(entry -> entry.get("type").asText()).toList();

        assertThat(types.subList(0, 7)).containsExactly(
                "fangpin.identification.HouseholdRegistered.v1", "fangpin.identification.MemberAdded.v1",
                "fangpin.identification.LeadReported.v1", "fangpin.identification.HouseholdVerified.v1",
                "fangpin.identification.VillageEvaluationRecorded.v1", "fangpin.identification.TownshipApproved.v1",
                "fangpin.identification.HouseholdIdentified.v1");
        assertThat(entries).allSatisfy(entry -> {
            assertThat(entry.get("occurredAt").asText()).isNotBlank();
            assertThat(entry.get("actor").get("role").asText()).isNotBlank();
        });
        assertThat(entries.get(0).get("actor").get("id").asText()).isEqualTo("demo-village_officer");
        assertThat(entries.get(5).get("actor").get("role").asText()).isEqualTo("TOWNSHIP_REVIEWER");
        assertThat(entries.get(6).get("actor").get("role").asText()).isEqualTo("COUNTY_APPROVER");
        assertThat(entry(entries, "MonitoringStarted").get("actor").get("role").asText()).isEqualTo("SYSTEM");
        RestClient county = client("COUNTY_APPROVER", "150724");
        assertThat(county.get().uri("/api/monitoring/{id}", householdId).retrieve().body(JsonNode.class)
                .get("objectType").asText()).isEqualTo("SUDDEN_HARDSHIP");
        assertThat(county.get().uri("/api/assistance/{id}", householdId).retrieve().body(JsonNode.class)
                .get("riskTypes").get(0).asText()).isEqualTo("DISASTER");
    }

    /**
     * The README's walk-through, copied and pasted twice, as a newcomer would: each run registers its own household
     * (a new ID number each time) and takes it to the county's decision. Tokens come from the test's issuer instead
     * of the local stack's Keycloak, and requests go to the test's gateway.
     */
    @Test
    void theReadmeWalkThroughCanBeRunTwice() throws IOException, InterruptedException {
        Path root = Path.of(System.getProperty("fangpin.root", ".."));
        String readme = Files.readString(root.resolve("README.md"));
        int start = readme.indexOf("```bash", readme.indexOf("## Walk-through with curl"));
        String block = readme.substring(readme.indexOf('\n', start) + 1, readme.indexOf("```", start + 7));
        Path tokens = Files.createTempFile("token", ".sh");
        Files.writeString(tokens, "#!/usr/bin/env bash\ncurl -fsS --get --data-urlencode \"role=$1\" "
                + "--data-urlencode \"region=$2\" --data-urlencode \"sub=readme-$1\" "
                + infrastructure.tokens().issuer() + "/token\n");
        tokens.toFile().setExecutable(true);
        String script = block.replace("deploy/local/token.sh", tokens.toString())
                .replace("http://127.0.0.1:8080/api", system.gateway().baseUrl() + "/api")
                + "\necho \"walk-through: household=$HOUSEHOLD lead=$LEAD\"\n";

        for (int run = 1; run <= 2; run++) {
            Process bash = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true).start();
            String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(bash.waitFor()).as("run %d:%n%s", run, output).isZero();
            assertThat(output).as("run %d:%n%s", run, output)
                    .containsPattern("walk-through: household=[0-9a-f-]{36} lead=[0-9a-f-]{36}")
                    .doesNotContain("ALREADY_REGISTERED").doesNotContain("INTERNAL_ERROR");
        }
    }

    /**
     * Seeds piece 7 and seed 001: the medical insurance data show a self-pay above the warning line for a household
     * that is not monitored; identification opens a case by itself, the household is verified, evaluated, reviewed
     * and identified as 突发严重困难户 因病, and the timeline shows every step with its actor.
     */
    @Test
    void aMedicalSelfPayReportedByMedicalInsuranceEndsInIdentificationAsSuddenHardshipByIllness() {
        String village = "150724213202";
        String headIdNumber = idNumber("15072419660218011");
        String householdId = register(village, "孟和", headIdNumber);
        // Screening matches against the registry monitoring-service keeps from identification's events.
        await().atMost(Duration.ofSeconds(60)).until(() -> system.database("monitoring").sql(
                "SELECT count(*) FROM registry_member WHERE id_number = :id").param("id", headIdNumber)
                .query(Long.class).single() == 1);

        String csv = "身份证号,姓名,指标,数值,日期\n" + headIdNumber + ",孟和,MEDICAL_SELF_PAID,12500.00,"
                + today().minusDays(20) + "\n";
        int uploaded = client(infrastructure.tokens().departmentToken("MEDICAL_INSURANCE", "150724")).post()
                .uri("/api/department-data/batches?department=MEDICAL_INSURANCE&fileName={name}", "医保2026年自付费用.csv")
                .contentType(MediaType.parseMediaType("text/csv")).body(csv.getBytes(StandardCharsets.UTF_8))
                .exchange((request, response) -> response.getStatusCode().value(), false);
        assertThat(uploaded).isEqualTo(202);

        String leadId = await().atMost(Duration.ofSeconds(60)).until(
                () -> client("VILLAGE_OFFICER", village).get().uri("/api/households/{id}", householdId)
                        .retrieve().body(JsonNode.class).path("openLeadId").asText(null), Objects::nonNull);
        walkThroughIdentification(village, leadId, "SUDDEN_HARDSHIP", "ILLNESS");

        List<JsonNode> entries = awaitTimeline(householdId, "fangpin.identification.HouseholdIdentified.v1");
        assertThat(entries.stream().map(entry -> entry.get("type").asText()).toList()).containsSubsequence(
                "fangpin.identification.HouseholdRegistered.v1", "fangpin.monitoring.DepartmentLeadRaised.v1",
                "fangpin.identification.LeadReported.v1", "fangpin.identification.HouseholdVerified.v1",
                "fangpin.identification.VillageEvaluationRecorded.v1", "fangpin.identification.TownshipApproved.v1",
                "fangpin.identification.HouseholdIdentified.v1");
        assertThat(entries).allSatisfy(entry -> assertThat(entry.get("actor").get("role").asText()).isNotBlank());
        assertThat(entry(entries, "DepartmentLeadRaised").get("actor").get("role").asText())
                .isEqualTo("DEPARTMENT_OFFICER");
        assertThat(entry(entries, "LeadReported").get("summary").asText()).contains("行业部门筛查预警");
        assertThat(entry(entries, "HouseholdIdentified").get("summary").asText()).contains("突发严重困难户", "因病");
    }

    @Test
    void aCaseReturnedByTheTownshipIsVerifiedAgainAndTheCountyMayRejectItWithItsJudgement() {
        String village = "150724213203";
        String householdId = register(village, "其木格", idNumber("15072419800101022"));
        String leadId = reportLead(village, householdId);
        RestClient officer = client("VILLAGE_OFFICER", village);
        RestClient township = client("TOWNSHIP_REVIEWER", "150724213");
        verifyAndEvaluate(officer, leadId);
        township.post().uri("/api/leads/{id}/township-review", leadId)
                .body(Map.of("decision", "RETURN", "reason", "收入核算漏计转移性收入，请重新核实"))
                .retrieve().toBodilessEntity();
        verifyAndEvaluate(officer, leadId);
        township.post().uri("/api/leads/{id}/township-review", leadId)
                .body(Map.of("decision", "APPROVE", "opinion", "经乡镇复核，情况属实")).retrieve().toBodilessEntity();
        client("COUNTY_APPROVER", "150724").post().uri("/api/leads/{id}/county-decision", leadId)
                .body(Map.of("decision", "REJECT", "judgement", "家庭人均纯收入高于监测收入标准，不予认定"))
                .retrieve().toBodilessEntity();

        List<String> types = awaitTimeline(householdId, "fangpin.identification.IdentificationRejected.v1").stream()
                .map(entry -> entry.get("type").asText()).toList();
        assertThat(types).containsSubsequence("fangpin.identification.LeadReported.v1",
                "fangpin.identification.HouseholdVerified.v1", "fangpin.identification.TownshipReturned.v1",
                "fangpin.identification.HouseholdVerified.v1", "fangpin.identification.TownshipApproved.v1",
                "fangpin.identification.IdentificationRejected.v1");
        assertThat(types).doesNotContain("fangpin.monitoring.MonitoringStarted.v1");
    }

    /**
     * The life the issue asks for: identified → warned → measures → eliminated → warned again (look-back) → rolled
     * back → eliminated again, each step taken by its user through the gateway and carried by events between the
     * services; the decision keeps its evidence and the timeline shows each step in order with its actor.
     * <p>
     * The household's life happened in the past months and is entered afterwards (补录), as a county going live does
     * with its paper records: the county decided some eighteen months ago, the monthly records of the months since
     * are entered late, and every county step says, with its note, why it is recorded only now. The banner's real
     * policy judges it: six months of stable income above the line, six months under monitoring.
     */
    @Test
    void identifiedWarnedAssistedEliminatedWarnedAgainRolledBackAndEliminatedAgain() {
        String village = "150724213201";
        RestClient officer = client("VILLAGE_OFFICER", village);
        RestClient township = client("TOWNSHIP_REVIEWER", "150724213");
        RestClient county = client("COUNTY_APPROVER", "150724");
        YearMonth decided = YearMonth.from(today()).minusMonths(18);
        LocalDate decidedOn = decided.atDay(15);
        String householdId = register(village, "巴雅尔", idNumber("15072419720405031"));
        identifiedOnPaper(village, householdId, decided);
        await().atMost(Duration.ofSeconds(60)).until(() -> status(county, "/api/assistance/{id}", householdId) == 200
                && status(county, "/api/monitoring/{id}", householdId) == 200);
        assertThat(county.get().uri("/api/monitoring/{id}", householdId).retrieve().body(JsonNode.class)
                .get("startedOn").asText()).isEqualTo(decidedOn.toString());
        assertThat(county.get().uri("/api/assistance/{id}", householdId).retrieve().body(JsonNode.class)
                .get("openedOn").asText()).isEqualTo(decidedOn.toString());

        monthlyRecord(officer, householdId, decided, "6100.00");
        String firstWarning = awaitOpenWarning(county, householdId);
        String measureId = officer.post().uri("/api/assistance/{id}/measures", householdId).body(Map.of(
                        "measureType", "EMPLOYMENT", "description", "安排到镇肉牛合作社务工", "riskTypes", List.of("ILLNESS"),
                        "department", "人社局", "responsiblePerson", "包银花", "dueDate", today().plusDays(30).toString()))
                .retrieve().body(JsonNode.class).get("measureId").asText();
        officer.patch().uri("/api/assistance/{id}/measures/{m}", householdId, measureId).body(Map.of(
                "status", "IN_PROGRESS", "progressNote", "已上岗，月工资3200元", "incomeEffect", 4800.00)).retrieve()
                .toBodilessEntity();
        officer.patch().uri("/api/assistance/{id}/measures/{m}", householdId, measureId).body(Map.of(
                "status", "COMPLETED", "outcome", "稳定务工满三个月，月工资3200元")).retrieve().toBodilessEntity();
        officer.post().uri("/api/assistance/{id}/developmental-assistance/confirmation", householdId).retrieve()
                .toBodilessEntity();
        township.post().uri("/api/assistance/{id}/developmental-assistance/confirmation", householdId).retrieve()
                .toBodilessEntity();
        for (int month = 1; month <= 6; month++) {
            monthlyRecord(officer, householdId, decided.plusMonths(month), "9100.00");
        }
        awaitClosed(county, householdId, firstWarning);

        YearMonth firstElimination = decided.plusMonths(6);
        eliminate(officer, township, county, householdId, firstElimination);
        JsonNode eliminated = county.get().uri("/api/assistance/{id}", householdId).retrieve().body(JsonNode.class);
        assertThat(eliminated.get("status").asText()).isEqualTo("RISK_ELIMINATED");
        assertThat(eliminated.get("eliminatedOn").asText()).isEqualTo(firstElimination.atDay(27).toString());
        JsonNode evidence = eliminated.get("eliminations").get(0).get("evidence");
        assertThat(evidence.get("monitoringLine").decimalValue()).isEqualByComparingTo("8300.00");
        assertThat(evidence.get("stableIncomeMonths").asInt()).isEqualTo(6);
        assertThat(evidence.get("assessedOn").asText()).isEqualTo(firstElimination.atDay(27).toString());
        assertThat(evidence.get("monitoredMonths").asInt()).isEqualTo(6);
        assertThat(evidence.get("recentIncome").get(0).get("month").asText()).isEqualTo(firstElimination.toString());
        assertThat(evidence.get("measuresCarriedOut").get(0).asText()).isEqualTo("EMPLOYMENT");
        await().atMost(Duration.ofSeconds(60)).until(() -> county.get().uri("/api/monitoring/{id}", householdId)
                .retrieve().body(JsonNode.class).path("lookBack").asBoolean());

        YearMonth lookBack = decided.plusMonths(7);
        monthlyRecord(officer, householdId, lookBack, "6000.00");
        String lookBackWarning = awaitOpenWarning(county, householdId);
        officer.post().uri("/api/assistance/{id}/rollback/propose", householdId).body(Map.of(
                        "reason", "回头看发现务工中断，收入回落", "proposedOn", lookBack.atDay(22).toString(),
                        "backdatingNote", "回头看纸质记录补录"))
                .retrieve().toBodilessEntity();
        township.post().uri("/api/assistance/{id}/rollback/verify", householdId).body(Map.of(
                "verifiedOn", lookBack.atDay(24).toString(), "backdatingNote", "乡镇审核纸质记录补录"))
                .retrieve().toBodilessEntity();
        JsonNode rolledBack = county.post().uri("/api/assistance/{id}/rollback/approve", householdId).body(Map.of(
                        "approvedOn", lookBack.atDay(26).toString(), "backdatingNote", "县级审定会议纸质决定，系统补录"))
                .retrieve().body(JsonNode.class);
        assertThat(rolledBack.get("status").asText()).isEqualTo("RISK_NOT_ELIMINATED");
        assertThat(rolledBack.get("eliminations").get(0).get("rolledBackOn").asText())
                .isEqualTo(lookBack.atDay(26).toString());
        for (int month = 8; month <= 13; month++) {
            monthlyRecord(officer, householdId, decided.plusMonths(month), "9200.00");
        }
        awaitClosed(county, householdId, lookBackWarning);
        eliminate(officer, township, county, householdId, decided.plusMonths(13));

        List<JsonNode> entries = awaitTimeline(householdId);
        List<String> steps = entries.stream().map(entry -> entry.get("type").asText())
                .map(type -> type.substring(type.indexOf('.', "fangpin.".length()) + 1, type.length() - 3)).toList();
        assertThat(steps).containsSubsequence("HouseholdIdentified", "MonthlyMonitoringRecorded", "WarningRaised",
                "MeasureAdded", "RiskEliminationProposed", "RiskEliminationVerified", "RiskEliminated",
                "WarningRaised", "RiskRollbackProposed", "RiskRollbackVerified", "RiskRolledBack",
                "RiskEliminationProposed", "RiskEliminationVerified", "RiskEliminated");
        assertThat(entries.stream().filter(entry -> entry.get("type").asText().endsWith(".RiskEliminated.v1")
                        || entry.get("type").asText().endsWith(".RiskRolledBack.v1"))
                .map(entry -> entry.get("actor").get("role").asText()).toList())
                .containsExactly("COUNTY_APPROVER", "COUNTY_APPROVER", "COUNTY_APPROVER");
        assertThat(steps).doesNotContain("ReidentificationOpened", "NewRiskReported");
        JsonNode twice = county.get().uri("/api/assistance/{id}", householdId).retrieve().body(JsonNode.class);
        assertThat(twice.get("eliminatedOn").asText()).isEqualTo(decided.plusMonths(13).atDay(27).toString());
    }

    @Test
    void aRequestWithoutAValidTokenIsRefusedAtTheGateway() {
        int status = RestClient.create(system.gateway().baseUrl()).post().uri("/api/households")
                .contentType(MediaType.APPLICATION_JSON).body("{}")
                .exchange((request, response) -> response.getStatusCode().value(), false);

        assertThat(status).isEqualTo(401);
    }

    @Test
    void aServiceRefusesARequestThatBypassesTheGatewayEvenWithAValidTokenButAnswersItsOperators() {
        String householdId = register(VILLAGE, "乌日娜", idNumber("15072419850611042"));
        String token = infrastructure.tokens().token("COUNTY_APPROVER", "150724");

        for (String service : RunningSystem.SERVICES) {
            var reply = RestClient.create(system.service(service).baseUrl()).get()
                    .uri("/api/households/{id}", householdId).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                    .exchange((request, response) -> Map.entry(response.getStatusCode().value(),
                            json.readTree(response.getBody())), false);
            assertThat(reply.getKey()).as(service).isEqualTo(403);
            assertThat(reply.getValue().get("code").asText()).as(service).isEqualTo("NOT_VIA_GATEWAY");
            for (String operatorPath : List.of("/actuator/health", "/actuator/prometheus")) {
                int operatorStatus = RestClient.create(system.service(service).baseUrl()).get().uri(operatorPath)
                        .exchange((request, response) -> response.getStatusCode().value(), false);
                assertThat(operatorStatus).as(service + operatorPath).isEqualTo(200);
            }
        }
        assertThat(client("COUNTY_APPROVER", "150724").get().uri("/api/households/{id}", householdId).retrieve()
                .toBodilessEntity().getStatusCode().value()).isEqualTo(200);
    }

    /** Runs last, over everything the other tests made the services log. */
    @Test
    @Order(Integer.MAX_VALUE)
    void theServicesLogsHoldNoIdNumberOrNameOfAResident() {
        assertThat(PERSONAL_DATA).isNotEmpty();
        assertThat(PersonalDataInLogs.find(system.logFiles(), PERSONAL_DATA)).as("personal data in the logs")
                .isEmpty();
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

    // ---- the steps, as the users take them

    private static String register(String village, String headName, String headIdNumber) {
        PERSONAL_DATA.addAll(List.of(headName, headIdNumber));
        return client("VILLAGE_OFFICER", village).post().uri("/api/households").body(Map.of(
                        "regionCode", village, "villageGroup", 2, "headName", headName, "headIdNumber", headIdNumber,
                        "category", "POVERTY_ALLEVIATED", "memberCount", 4))
                .retrieve().body(JsonNode.class).get("householdId").asText();
    }

    /** Recorded after the fact, as cadres do: reported 8 days ago, so the 5-day public notice is over by now. */
    private static String reportLead(String village, String householdId) {
        return client("VILLAGE_OFFICER", village).post().uri("/api/leads").body(Map.of(
                        "householdId", householdId, "channel", "CADRE_VISIT", "description", "入户走访发现因病支出大",
                        "reportedOn", today().minusDays(8).toString()))
                .retrieve().body(JsonNode.class).get("leadId").asText();
    }

    private static void verifyAndEvaluate(RestClient officer, String leadId) {
        officer.post().uri("/api/leads/{id}/verification", leadId).body(Map.of(
                        "perCapitaNetIncome", 6800.00, "labourCapacity", "FULL", "collector", "娜仁",
                        "householdConfirmed", true, "verifiedOn", today().minusDays(7).toString()))
                .retrieve().toBodilessEntity();
        officer.post().uri("/api/leads/{id}/village-evaluation", leadId).body(Map.of(
                        "opinion", "经村两委、驻村工作队评议，同意纳入", "noticeFrom", today().minusDays(7).toString()))
                .retrieve().toBodilessEntity();
    }

    private static void walkThroughIdentification(String village, String leadId, String objectType, String risk) {
        verifyAndEvaluate(client("VILLAGE_OFFICER", village), leadId);
        client("TOWNSHIP_REVIEWER", "150724213").post().uri("/api/leads/{id}/township-review", leadId)
                .body(Map.of("decision", "APPROVE", "opinion", "经乡镇审核，情况属实")).retrieve().toBodilessEntity();
        client("COUNTY_APPROVER", "150724").post().uri("/api/leads/{id}/county-decision", leadId)
                .body(Map.of("decision", "IDENTIFY", "objectType", objectType, "riskTypes", List.of(risk)))
                .retrieve().toBodilessEntity();
    }

    /**
     * The identification as it happened on paper in the month {@code decided}: the lead on the 2nd, the home visit on
     * the 3rd, the notice from the 4th, the township's review on the 12th and the county's decision on the 15th, all
     * entered today; the county's decision says why it is recorded only now.
     */
    private static void identifiedOnPaper(String village, String householdId, YearMonth decided) {
        RestClient officer = client("VILLAGE_OFFICER", village);
        String leadId = officer.post().uri("/api/leads").body(Map.of(
                        "householdId", householdId, "channel", "CADRE_VISIT", "description", "入户走访发现因病支出大",
                        "reportedOn", decided.atDay(2).toString()))
                .retrieve().body(JsonNode.class).get("leadId").asText();
        officer.post().uri("/api/leads/{id}/verification", leadId).body(Map.of(
                        "perCapitaNetIncome", 6800.00, "labourCapacity", "FULL", "collector", "娜仁",
                        "householdConfirmed", true, "verifiedOn", decided.atDay(3).toString()))
                .retrieve().toBodilessEntity();
        officer.post().uri("/api/leads/{id}/village-evaluation", leadId).body(Map.of(
                        "opinion", "经村两委、驻村工作队评议，同意纳入", "noticeFrom", decided.atDay(4).toString()))
                .retrieve().toBodilessEntity();
        client("TOWNSHIP_REVIEWER", "150724213").post().uri("/api/leads/{id}/township-review", leadId)
                .body(Map.of("decision", "APPROVE", "opinion", "经乡镇审核，情况属实",
                        "reviewedOn", decided.atDay(12).toString()))
                .retrieve().toBodilessEntity();
        client("COUNTY_APPROVER", "150724").post().uri("/api/leads/{id}/county-decision", leadId)
                .body(Map.of("decision", "IDENTIFY", "objectType", "UNSTABLE_ALLEVIATED", "riskTypes",
                        List.of("ILLNESS"), "decidedOn", decided.atDay(15).toString(),
                        "backdatingNote", "旗乡村振兴局审定会议纸质决定，上线时补录"))
                .retrieve().toBodilessEntity();
    }

    /** The month's record, entered late: the visit was on the 20th of that month. */
    private static void monthlyRecord(RestClient officer, String householdId, YearMonth month, String income) {
        officer.post().uri("/api/monitoring/{id}/records", householdId).body(Map.of(
                        "month", month.toString(), "perCapitaNetIncome", income, "contactMethod", "HOME_VISIT",
                        "recordedOn", month.atDay(20).toString()))
                .retrieve().toBodilessEntity();
    }

    /** A warning reaches assistance-service through Kafka; the case shows it a moment later. */
    private static String awaitOpenWarning(RestClient county, String householdId) {
        return await().atMost(PATIENCE).until(() -> StreamSupport.stream(county.get()
                                .uri("/api/assistance/{id}", householdId).retrieve().body(JsonNode.class)
                                .path("warnings").spliterator(), false)
                        .filter(warning -> warning.path("closedOn").isNull() || warning.path("closedOn").isMissingNode())
                        .map(warning -> warning.get("warningId").asText()).findFirst().orElse(null),
                Objects::nonNull);
    }

    private static void awaitClosed(RestClient county, String householdId, String warningId) {
        await().atMost(PATIENCE).until(() -> StreamSupport.stream(county.get()
                        .uri("/api/assistance/{id}", householdId).retrieve().body(JsonNode.class)
                        .path("warnings").spliterator(), false)
                .anyMatch(warning -> warning.get("warningId").asText().equals(warningId)
                        && warning.hasNonNull("closedOn")));
    }

    /**
     * The elimination as it happened in {@code month}: proposed on the 25th, verified on the 26th, approved on the
     * 27th, each entered late with its note. The proposal waits until assistance-service has seen the month's record;
     * the later steps follow at once.
     */
    private static void eliminate(RestClient officer, RestClient township, RestClient county, String householdId,
                                  YearMonth month) {
        Map<String, String> proposal = Map.of("proposedOn", month.atDay(25).toString(),
                "backdatingNote", "村级申请纸质记录补录");
        await().atMost(PATIENCE).until(() -> officer.post().uri("/api/assistance/{id}/elimination/propose", householdId)
                .body(proposal).exchange((request, response) -> response.getStatusCode().value(), false) == 200);
        township.post().uri("/api/assistance/{id}/elimination/verify", householdId).body(Map.of(
                        "verifiedOn", month.atDay(26).toString(), "backdatingNote", "乡镇核实纸质记录补录"))
                .retrieve().toBodilessEntity();
        county.post().uri("/api/assistance/{id}/elimination/approve", householdId).body(Map.of(
                        "approvedOn", month.atDay(27).toString(), "backdatingNote", "县级审定会议纸质决定，系统补录"))
                .retrieve().toBodilessEntity();
    }

    // ---- reading what the system shows

    /** The household's timeline once it shows every given event type, or two eliminations when none is given. */
    private List<JsonNode> awaitTimeline(String householdId, String... types) {
        RestClient supervisor = client("SUPERVISOR", "150724");
        return await().atMost(PATIENCE).until(() -> {
            JsonNode timeline = supervisor.get().uri("/api/households/{id}/timeline", householdId)
                    .exchange((request, response) -> response.getStatusCode().value() == 200
                            ? json.readTree(response.getBody()) : json.createObjectNode(), false);
            return StreamSupport.stream(timeline.path("entries").spliterator(), false).toList();
        }, entries -> {
            List<String> seen = entries.stream().map(entry -> entry.get("type").asText()).toList();
            return types.length > 0 ? seen.containsAll(List.of(types))
                    : seen.stream().filter(type -> type.endsWith(".RiskEliminated.v1")).count() == 2;
        });
    }

    private static JsonNode entry(List<JsonNode> entries, String event) {
        return entries.stream().filter(entry -> entry.get("type").asText().endsWith("." + event + ".v1"))
                .findFirst().orElseThrow();
    }

    private static int status(RestClient client, String uri, String householdId) {
        return status(client, "GET", uri, householdId);
    }

    private static int status(RestClient client, String method, String uri, String householdId) {
        return client.method(HttpMethod.valueOf(method)).uri(uri, householdId)
                .exchange((request, response) -> response.getStatusCode().value(), false);
    }

    private static long storedIdentificationEvents() {
        return system.database("identification").sql("SELECT count(*) FROM domainevententry").query(Long.class).single();
    }

    private static RestClient client(String role, String region) {
        return client(infrastructure.tokens().token(role, region));
    }

    private static RestClient client(String token) {
        return system.client(token);
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    private static String idNumber(String first17) {
        return first17 + IdNumber.checkCharacter(first17);
    }
}
