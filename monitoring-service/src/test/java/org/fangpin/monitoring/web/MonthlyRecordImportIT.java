package org.fangpin.monitoring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;

import org.fangpin.contracts.value.ObjectType;
import org.fangpin.monitoring.Api;
import org.fangpin.monitoring.Api.Reply;
import org.fangpin.monitoring.Given;
import org.fangpin.testsupport.DevTokenIssuer;
import org.fangpin.testsupport.WithRealInfrastructure;

/**
 * 存量导入 of past months' records: recorded as live records with their months and visit days and the same warnings,
 * a household's rows together or not at all, households not monitored yet refused to be imported again later.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithRealInfrastructure
class MonthlyRecordImportIT {

    private static final String VILLAGE = "150724213201";
    private static final String HEADER = "户主证件号码,监测年月,走访日期,人均纯收入,三保障和饮水安全问题,务工不稳定\n";

    @LocalServerPort
    int port;
    @Autowired
    DevTokenIssuer tokens;
    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    JdbcClient jdbc;

    private Given given;

    @BeforeEach
    void policy() {
        given = new Given(kafka);
        given.policy2024();
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT count(*) FROM policy WHERE region_prefix = '150724'").query(Long.class).single() == 1);
    }

    @Test
    void pastMonthsAreRecordedWithTheirDaysAndWarningsAndASecondImportChangesNothing() {
        String head = Given.idNumber("15072419680315101");
        String household = monitored(head, "额尔敦");
        String csv = HEADER
                + head + ",2024-07,2024-07-20,6100.00,,否\n"
                + head + ",2024年8月,2024/8/18,9100.00,,否\n"
                + head + ",2024-09,2024-09-15,9300.00,基本医疗,否\n";

        Reply first = upload("COUNTY_APPROVER", "150724", csv);

        assertThat(first.status()).isEqualTo(202);
        assertThat(first.body().get("state").asText()).isEqualTo("DONE");
        assertThat(List.of(first.body().get("rowsTotal").asInt(), first.body().get("rowsValidated").asInt(),
                first.body().get("rowsWritten").asInt(), first.body().get("rowsRefused").asInt()))
                .as("total, validated, written, refused").containsExactly(3, 3, 3, 0);
        assertThat(report(first).get("recorded").asInt()).isEqualTo(3);
        assertThat(report(first).get("refusedCount").asInt()).isZero();
        assertThat(jdbc.sql("""
                        SELECT convert_from(payload, 'UTF8')::jsonb ->> 'recordedOn' FROM domainevententry
                        WHERE aggregateidentifier = :id AND payloadtype LIKE '%MonthlyMonitoringRecorded'
                        ORDER BY sequencenumber""").param("id", household).query(String.class).list())
                .containsExactly("2024-07-20", "2024-08-18", "2024-09-15");
        assertThat(types(household)).as("July below the line raised a red warning, August cleared it, September's "
                + "gap raised one again, as live records would").containsSubsequence("WarningRaised",
                "WarningCleared", "WarningRaised");
        assertThat(jdbc.sql("""
                        SELECT convert_from(metadata, 'UTF8')::jsonb ->> 'importRow' FROM domainevententry
                        WHERE aggregateidentifier = :id AND payloadtype LIKE '%MonthlyMonitoringRecorded'
                        ORDER BY sequencenumber""").param("id", household).query(String.class).list())
                .containsExactly("2", "3", "4");

        long stored = stored();
        Reply again = upload("COUNTY_APPROVER", "150724", csv);

        assertThat(report(again).get("recorded").asInt()).isZero();
        assertThat(report(again).get("unchanged").asInt()).isEqualTo(3);
        assertThat(again.body().get("rowsWritten").asInt()).as("rows found written count as done").isEqualTo(3);
        assertThat(stored()).isEqualTo(stored);
    }

    @Test
    void aHouseholdsMonthsAreRecordedTogetherOrNotAtAllAndOneNotMonitoredYetIsToBeImportedAgainLater() {
        String head = Given.idNumber("15072419700101102");
        String household = monitored(head, "娜仁花");
        String notYet = Given.idNumber("15072419700101103");
        String csv = HEADER
                + head + ",2024-08,2024-08-18,9100.00,,否\n"
                + head + ",2024-06,2024-06-18,9100.00,,否\n"
                + notYet + ",2024-08,2024-08-18,9100.00,,否\n"
                + head + ",2024-09,2024-09-18,九千,,否\n";
        long stored = stored();

        Reply reply = upload("COUNTY_APPROVER", "150724", csv);

        assertThat(List.of(reply.body().get("rowsTotal").asInt(), reply.body().get("rowsWritten").asInt(),
                reply.body().get("rowsRefused").asInt())).as("total, written, refused").containsExactly(4, 0, 4);
        JsonNode refused = report(reply).get("refused");
        assertThat(refused.findValuesAsText("line")).containsExactly("2", "3", "4", "5");
        assertThat(refused.findValuesAsText("code")).containsExactly("IMPORT_HOUSEHOLD_REFUSED",
                "IMPORT_HOUSEHOLD_REFUSED", "IMPORT_NOT_MONITORED_YET", "IMPORT_VALUE_INVALID");
        assertThat(refused.get(2).get("message").asText()).contains("稍后重新导入");
        assertThat(stored()).isEqualTo(stored);

        Reply beforeMonitoring = upload("COUNTY_APPROVER", "150724", HEADER
                + head + ",2024-08,2024-08-18,9100.00,,否\n" + head + ",2024-06,2024-06-18,9100.00,,否\n");

        assertThat(report(beforeMonitoring).get("refused").findValuesAsText("code")).containsExactly(
                "IMPORT_HOUSEHOLD_REFUSED", "MONITORING_MONTH_BEFORE_START");
        assertThat(stored()).as("August not kept without June").isEqualTo(stored);
        assertThat(upload("VILLAGE_OFFICER", VILLAGE, HEADER).status()).isEqualTo(403);
        assertThat(household).isNotNull();
    }

    private String monitored(String headIdNumber, String headName) {
        String household = UUID.randomUUID().toString();
        given.registered(household, VILLAGE, headName, headIdNumber);
        given.identified(household, VILLAGE, ObjectType.UNSTABLE_ALLEVIATED);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
                        SELECT count(*) FROM monitored_household mh JOIN registry_member m USING (household_id)
                        WHERE mh.household_id = :id""")
                .param("id", household).query(Long.class).single() == 1);
        return household;
    }

    private List<String> types(String household) {
        return jdbc.sql("""
                        SELECT regexp_replace(payloadtype, '.*[.$]', '') FROM domainevententry
                        WHERE aggregateidentifier = :id ORDER BY sequencenumber""")
                .param("id", household).query(String.class).list();
    }

    private long stored() {
        return jdbc.sql("SELECT count(*) FROM domainevententry").query(Long.class).single();
    }

    /** The import batch's status once it finished (the answer itself when the file was not accepted). */
    private Reply upload(String role, String region, String csv) {
        Api api = Api.as(tokens, port, role, region);
        Reply accepted = api.upload("/api/monitoring/imports?fileName=records.csv", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8));
        if (accepted.status() != 202) {
            return accepted;
        }
        JsonNode finished = await().atMost(Duration.ofSeconds(30)).until(() -> api.get(
                "/api/monitoring/imports/{id}", accepted.body().get("id").asText()).body(),
                run -> run.has("finishedAt"));
        return new Reply(accepted.status(), finished);
    }

    private static JsonNode report(Reply run) {
        return run.body().get("report");
    }
}
