package org.fangpin.assistance.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.client.RestClient;

import org.fangpin.contracts.PublishedEvent;
import org.fangpin.contracts.Topics;
import org.fangpin.contracts.envelope.ActorRef;
import org.fangpin.contracts.identification.HouseholdIdentified;
import org.fangpin.contracts.identification.PolicyChanged;
import org.fangpin.contracts.identification.PolicyThresholds;
import org.fangpin.contracts.monitoring.MonthlyMonitoringRecorded;
import org.fangpin.contracts.value.IdNumber;
import org.fangpin.contracts.value.LabourCapacity;
import org.fangpin.contracts.value.ObjectType;
import org.fangpin.contracts.value.RiskType;
import org.fangpin.platform.imports.ImportIds;
import org.fangpin.testsupport.DevTokenIssuer;
import org.fangpin.testsupport.Envelopes;
import org.fangpin.testsupport.WithRealInfrastructure;

/**
 * 存量导入 of the assistance history: measures and eliminations recorded on their own days by the live rules, with
 * their provenance, a household's rows together or not at all, once; a household without a case yet is to be
 * imported again later.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "fangpin.imports.id-key=a-county's-import-key-for-tests-0001")
@WithRealInfrastructure
class AssistanceHistoryImportIT {

    private static final String VILLAGE = "150724213201";
    private static final ActorRef IDENTIFICATION = new ActorRef("system:identification-service",
            "identification-service", "SYSTEM", "");
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String HEADER = "户主证件号码,记录类型,帮扶措施类型,措施内容,针对风险类型,责任单位,责任人,"
            + "制定日期,开始实施日期,完成日期,帮扶成效,申请日期,核实日期,审定日期\n";

    @LocalServerPort
    int port;
    @Autowired
    ImportIds ids;
    @Autowired
    DevTokenIssuer tokens;
    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    JdbcClient jdbc;

    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void policy() {
        publish(Topics.IDENTIFICATION, new PolicyChanged("150724", 2020, PolicyThresholds.of(
                new BigDecimal("8300.00"), new BigDecimal("5000.00"), new BigDecimal("10000.00"),
                new BigDecimal("8000.00"), 5, 15, 5, 25, 2, 0, 3, 6), "鄂温克族自治旗监测帮扶政策参数"));
        await().atMost(PATIENCE).until(() -> jdbc.sql("SELECT count(*) FROM policy").query(Long.class).single() > 0);
    }

    @Test
    void measuresAndAnEliminationAreRecordedOnTheirDaysWithTheirProvenanceAndASecondImportChangesNothing() {
        String head = idNumber();
        String household = identified(head, TODAY.minusMonths(8));
        LocalDate proposed = TODAY.minusDays(20);
        YearMonth month = YearMonth.from(proposed);
        for (int i = 3; i >= 0; i--) {
            publish(Topics.MONITORING, new MonthlyMonitoringRecorded(household, VILLAGE, month.minusMonths(i),
                    new BigDecimal("9100.00"), List.of(), false));
        }
        await().atMost(PATIENCE).until(() -> jdbc.sql("SELECT count(*) FROM monthly_record WHERE household_id = :id")
                .param("id", household).query(Long.class).single() == 4);
        LocalDate planned = TODAY.minusMonths(7);
        String csv = HEADER
                + head + ",风险消除,,,,,,,,,," + proposed + "," + proposed.plusDays(2) + "," + proposed.plusDays(5)
                + "\n"
                + head + ",帮扶措施,公益岗位,嘎查护林员公益岗位,因病,林草局,包银花," + planned + ","
                + planned.plusDays(10) + "," + planned.plusMonths(3) + ",护林员岗位年收入1.2万元,,,\n";

        JsonNode run = run("COUNTY_APPROVER", "150724", csv);
        JsonNode first = run.get("report");

        assertThat(List.of(run.get("state").asText(), run.get("rowsTotal").asText(), run.get("rowsValidated").asText(),
                run.get("rowsWritten").asText(), run.get("rowsRefused").asText()))
                .as("state, total, validated, written, refused").containsExactly("DONE", "2", "2", "2", "0");

        assertThat(first.get("refusedCount").asInt()).as(first.toString()).isZero();
        assertThat(first.get("imported").asInt()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT added_on FROM measure WHERE household_id = :id").param("id", household)
                .query(LocalDate.class).single()).isEqualTo(planned);
        assertThat(jdbc.sql("""
                        SELECT regexp_replace(payloadtype, '.*[.$]', '') || ' ' ||
                               coalesce(convert_from(metadata, 'UTF8')::jsonb ->> 'importRow', '-')
                        FROM domainevententry WHERE aggregateidentifier = :id ORDER BY sequencenumber""")
                .param("id", household).query(String.class).list()).containsSubsequence(
                "MeasureAdded 3", "MeasureUpdated 3", "MeasureUpdated 3", "RiskEliminationProposed 2",
                "RiskEliminationVerified 2", "RiskEliminated 2");
        assertThat(jdbc.sql("""
                        SELECT convert_from(payload, 'UTF8')::jsonb ->> 'eliminatedOn' FROM domainevententry
                        WHERE aggregateidentifier = :id AND payloadtype LIKE '%RiskEliminated'""")
                .param("id", household).query(String.class).single()).isEqualTo(proposed.plusDays(5).toString());

        long stored = stored();
        JsonNode again = upload("COUNTY_APPROVER", "150724", csv);

        assertThat(again.get("imported").asInt()).isZero();
        assertThat(again.get("unchanged").asInt()).isEqualTo(2);
        assertThat(stored()).isEqualTo(stored);
    }

    @Test
    void aHouseholdsRowsAreWrittenTogetherOrNotAtAllAndOneWithoutACaseYetIsToBeImportedAgainLater() {
        String head = idNumber();
        String household = identified(head, TODAY.minusMonths(8));
        String notYet = idNumber();
        LocalDate planned = TODAY.minusMonths(7);
        String csv = HEADER
                + head + ",帮扶措施,公益岗位,护林员,因病,林草局,包银花," + planned + ",,,,,,\n"
                + notYet + ",帮扶措施,公益岗位,护林员,因病,林草局,包银花," + planned + ",,,,,,\n"
                + head + ",风险消除,,,,,,,,,," + planned + "," + planned + "," + planned + "\n";
        long stored = stored();

        JsonNode reply = upload("COUNTY_APPROVER", "150724", csv);

        JsonNode refused = reply.get("refused");
        assertThat(refused.findValuesAsText("line")).containsExactly("2", "3", "4");
        assertThat(refused.findValuesAsText("code")).containsExactly("IMPORT_HOUSEHOLD_REFUSED",
                "IMPORT_CASE_NOT_OPEN_YET", "ELIMINATION_CRITERIA_NOT_MET");
        assertThat(refused.get(1).get("message").asText()).contains("稍后重新导入");
        assertThat(stored()).as("the measure not kept without the elimination").isEqualTo(stored);
        assertThat(household).isNotNull();
        assertThat(status("VILLAGE_OFFICER", VILLAGE, HEADER)).isEqualTo(403);
    }

    private String identified(String head, LocalDate decidedOn) {
        String household = ids.household(head);
        publish(Topics.IDENTIFICATION, new HouseholdIdentified(household, VILLAGE, "lead-" + household,
                ObjectType.MARGINAL_VULNERABLE, List.of(RiskType.ILLNESS), LabourCapacity.FULL,
                new BigDecimal("7200.00"), new BigDecimal("8300.00"), decidedOn));
        await().atMost(PATIENCE).until(() -> jdbc.sql("SELECT count(*) FROM assistance_case WHERE household_id = :id")
                .param("id", household).query(Long.class).single() == 1);
        return household;
    }

    private static String idNumber() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String first17 = String.format("1507241968%02d%02d%03d", random.nextInt(1, 13), random.nextInt(1, 29),
                random.nextInt(1000));
        return first17 + IdNumber.checkCharacter(first17);
    }

    private long stored() {
        return jdbc.sql("SELECT count(*) FROM domainevententry").query(Long.class).single();
    }

    private JsonNode upload(String role, String region, String csv) {
        return run(role, region, csv).get("report");
    }

    /** The import batch once it finished. */
    private JsonNode run(String role, String region, String csv) {
        RestClient client = client(role, region);
        ResponseEntity<JsonNode> accepted = client.post().uri("/api/assistance/imports?fileName=history.csv")
                .contentType(MediaType.parseMediaType("text/csv"))
                .body(csv.getBytes(StandardCharsets.UTF_8)).retrieve().toEntity(JsonNode.class);
        assertThat(accepted.getStatusCode().value()).isEqualTo(202);
        return await().atMost(PATIENCE).until(() -> client.get()
                .uri(accepted.getHeaders().getLocation().toString()).retrieve().body(JsonNode.class),
                run -> run.has("finishedAt"));
    }

    private int status(String role, String region, String csv) {
        return client(role, region).post().uri("/api/assistance/imports?fileName=history.csv")
                .contentType(MediaType.parseMediaType("text/csv")).body(csv.getBytes(StandardCharsets.UTF_8))
                .exchange((req, response) -> response.getStatusCode().value());
    }

    private RestClient client(String role, String region) {
        return RestClient.builder().baseUrl("http://127.0.0.1:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.token(role, region))
                .build();
    }

    private void publish(String topic, PublishedEvent event) {
        kafka.send(topic, event.subject(), Envelopes.encode(Envelopes.of(event, IDENTIFICATION,
                "corr-" + event.subject()))).join();
    }
}
