package org.fangpin.monitoring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.servlet.MultipartConfigElement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;

import org.fangpin.contracts.Topics;
import org.fangpin.contracts.envelope.ActorRef;
import org.fangpin.contracts.envelope.EventEnvelope;
import org.fangpin.contracts.identification.HouseholdRegistered;
import org.fangpin.contracts.identification.MemberRemoved;
import org.fangpin.contracts.identification.PolicyChanged;
import org.fangpin.contracts.identification.PolicyThresholds;
import org.fangpin.contracts.monitoring.DepartmentLeadRaised;
import org.fangpin.contracts.monitoring.WarningRaised;
import org.fangpin.contracts.value.Department;
import org.fangpin.contracts.value.HouseholdCategory;
import org.fangpin.contracts.value.ObjectType;
import org.fangpin.contracts.value.WarningLevel;
import org.fangpin.monitoring.Api;
import org.fangpin.monitoring.Api.Reply;
import org.fangpin.monitoring.Given;
import org.fangpin.monitoring.command.Indicator;
import org.fangpin.monitoring.process.department.DepartmentFileLimits;
import org.fangpin.testsupport.DevTokenIssuer;
import org.fangpin.testsupport.Envelopes;
import org.fangpin.testsupport.KafkaBroker;
import org.fangpin.testsupport.WithRealInfrastructure;
import org.fangpin.testsupport.Xlsx;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "FANGPIN_MAX_UPLOAD=1MB", "fangpin.monitoring.department-files.xlsx.max-uncompressed-size=4MB"})
@WithRealInfrastructure
@TestInstance(Lifecycle.PER_CLASS)
class DepartmentDataScreeningIT {

    private static final String VILLAGE = "150724213201";
    private static final ActorRef CADRE = new ActorRef("u-101", "包银花", "VILLAGE_OFFICER", VILLAGE);
    private static final String REGRADED_TOWNSHIP = "150724101";
    private static final String MEDICAL = "/api/department-data/batches?department=MEDICAL_INSURANCE&fileName={f}";

    @LocalServerPort
    int port;
    @Autowired
    DevTokenIssuer tokens;
    @Autowired
    KafkaBroker broker;
    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    HikariDataSource dataSource;
    @Autowired
    DepartmentFileLimits limits;
    @Autowired
    MultipartConfigElement multipart;

    private Given given;
    private Api county;

    /**
     * 敖日格乐's household is monitored; 巴特尔's, 其木格's and 图雅's are registered only; 朝鲁 is unknown here. 乌力吉's
     * household is monitored in another township, whose policy grades a new disability certificate Ⅱ.
     */
    private final String monitored = UUID.randomUUID().toString();
    private final String registered = UUID.randomUUID().toString();
    private final String belowLine = UUID.randomUUID().toString();
    private final String everyIndicator = UUID.randomUUID().toString();
    private final String regraded = UUID.randomUUID().toString();
    private final String monitoredChild = Given.idNumber("15072420100501002");
    private final String registeredHead = Given.idNumber("15072419700303121");
    private final String belowLineHead = Given.idNumber("15072419650909222");
    private final String unknown = Given.idNumber("15072419881111333");
    private final String everyIndicatorHead = Given.idNumber("15072419720404444");
    private final String regradedHead = Given.idNumber("15072419690606555");
    private final String wrongCheckCharacter = "15072419700303121" + (registeredHead.endsWith("0") ? "1" : "0");

    @BeforeAll
    void households() {
        given = new Given(kafka);
        county = Api.as(tokens, port, "COUNTY_APPROVER", "150724");
        given.policy2024();
        given.registered(monitored, VILLAGE, "敖日格乐", Given.idNumber("15072419780312021"));
        given.memberAdded(monitored, VILLAGE, "m-" + monitored, "敖其尔", monitoredChild);
        given.identified(monitored, VILLAGE, ObjectType.MARGINAL_VULNERABLE);
        given.registered(registered, VILLAGE, "巴特尔", registeredHead);
        given.registered(belowLine, "150724213202", "其木格", belowLineHead);
        given.registered(everyIndicator, VILLAGE, "图雅", everyIndicatorHead);
        given.send(Topics.IDENTIFICATION, new PolicyChanged(REGRADED_TOWNSHIP, 2024, new PolicyThresholds(
                new BigDecimal("8300.00"), new BigDecimal("5000.00"), new BigDecimal("10000.00"),
                new BigDecimal("8000.00"), 5, 15, 5, 25, 6, 6, 15, 6, Map.of(),
                Map.of("DEPARTMENT_DISABILITY_CERTIFICATE", WarningLevel.II_YELLOW), null), "残疾证按Ⅱ级预警"));
        given.registered(regraded, REGRADED_TOWNSHIP + "201", "乌力吉", regradedHead);
        given.identified(regraded, REGRADED_TOWNSHIP + "201", ObjectType.MARGINAL_VULNERABLE);
        await().atMost(Duration.ofSeconds(30)).until(() -> count("registry_household") == 5
                && count("registry_member") == 6 && count("monitored_household") == 2 && count("policy") == 2);
    }

    @Test
    void hitsOnMonitoredHouseholdsRaiseWarningsAndOnOthersLeadsWhileBadRowsAreReportedAndSkipped() {
        String csv = """
                身份证号,姓名,指标,数值,日期
                %s,敖其尔,医疗自付费用,18000.00,2024-08-03
                %s,巴特尔,MEDICAL_SELF_PAID,"9,200.50",2024/08/05
                %s,其木格,MEDICAL_SELF_PAID,3000.00,2024-08-06
                %s,朝鲁,MEDICAL_SELF_PAID,25000.00,2024-08-06
                %s,错号,MEDICAL_SELF_PAID,9000.00,2024-08-06
                %s,巴特尔,MEDICAL_SELF_PAID,一万,2024-08-06
                %s,巴特尔,SCHOOL_DROP_OUT,,2024-08-06
                """.formatted(monitoredChild, registeredHead, belowLineHead, unknown, wrongCheckCharacter,
                registeredHead, registeredHead);

        Reply receipt = county.upload(uri("医保2024年8月.csv"), "text/csv", csv.getBytes(StandardCharsets.UTF_8));

        assertThat(receipt.status()).isEqualTo(202);
        JsonNode batch = completed(receipt.body().get("batchId").asText());
        assertThat(batch.get("batch").get("rowsRead").asLong()).isEqualTo(7);
        assertThat(batch.get("batch").get("rowsRejected").asLong()).isEqualTo(3);
        assertThat(batch.get("batch").get("firstReportedOn").asText()).isEqualTo("2024-08-03");
        assertThat(batch.get("batch").get("lastReportedOn").asText()).isEqualTo("2024-08-06");
        assertThat(batch.get("batch").get("rowsMatched").asLong()).isEqualTo(3);
        assertThat(batch.get("batch").get("hits").asLong()).isEqualTo(2);
        assertThat(batch.get("batch").get("monitoredHits").asLong()).isEqualTo(1);
        assertThat(batch.get("batch").get("leadsRaised").asLong()).isEqualTo(1);
        assertThat(batch.get("rejections").findValuesAsText("lineNo")).containsExactly("6", "7", "8");
        assertThat(batch.get("rejections").findValuesAsText("reason"))
                .containsExactly("身份证号校验不通过", "数值不是有效金额（元，最多两位小数）", "指标“义务教育阶段辍学或休学”不属于医保局");

        await().atMost(Duration.ofSeconds(30)).until(() -> ofType(monitored, "fangpin.monitoring.WarningRaised.v1")
                .stream().map(e -> (WarningRaised) e.data())
                .anyMatch(w -> w.rule().equals("DEPARTMENT_MEDICAL_SELF_PAID")));
        WarningRaised warning = ofType(monitored, "fangpin.monitoring.WarningRaised.v1").stream()
                .map(e -> (WarningRaised) e.data()).filter(w -> w.rule().equals("DEPARTMENT_MEDICAL_SELF_PAID"))
                .findFirst().orElseThrow();
        assertThat(warning.level()).as("piece 8: a large rigid expenditure is Ⅰ").isEqualTo(WarningLevel.I_RED);
        assertThat(warning.observedValue()).isEqualByComparingTo("18000.00");
        assertThat(warning.threshold()).isEqualByComparingTo("5000.00");
        EventEnvelope lead = published(registered, "fangpin.monitoring.DepartmentLeadRaised.v1");
        assertThat(lead.actor().role()).isEqualTo("COUNTY_APPROVER");
        assertThat((DepartmentLeadRaised) lead.data()).satisfies(raised -> {
            assertThat(raised.department()).isEqualTo("MEDICAL_INSURANCE");
            assertThat(raised.observedValue()).isEqualByComparingTo("9200.50");
            assertThat(raised.regionCode()).isEqualTo(VILLAGE);
            assertThat(raised.reason()).isEqualTo("医保局数据：医疗自付费用 9200.50 元超过预警线 5000.00 元");
        });
        assertThat(jdbc.sql("SELECT count(*) FROM pg_tables WHERE tablename LIKE 'department_row_%'")
                .query(Long.class).single()).as("staging tables left").isZero();
        await("every connection the batch took is back in the pool").atMost(Duration.ofSeconds(10))
                .until(() -> dataSource.getHikariPoolMXBean().getActiveConnections() == 0);

        Reply again = county.upload(uri("医保2024年8月(重传).csv"), "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.body().get("status").asText()).isEqualTo("DUPLICATE");
        assertThat(again.body().get("duplicateOf").asText()).isEqualTo(receipt.body().get("batchId").asText());
        assertThat(jdbc.sql("SELECT count(*) FROM department_hit WHERE batch_id = :id")
                .param("id", again.body().get("batchId").asText()).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM department_batch WHERE status = 'DUPLICATE'")
                .query(Long.class).single()).isEqualTo(1);
    }

    /** Each department's file with one row of each of its indicators, all on 图雅's household, which is not monitored. */
    @Test
    void everyIndicatorOfEveryDepartmentReachesIdentificationAsALeadWithItsReason() {
        Map<Indicator, String> reasons = new EnumMap<>(Map.ofEntries(
                Map.entry(Indicator.MEDICAL_SELF_PAID, "医保局数据：医疗自付费用 18000.00 元超过预警线 5000.00 元"),
                Map.entry(Indicator.MINIMUM_LIVING_ALLOWANCE, "民政局数据：纳入低保"),
                Map.entry(Indicator.EXTREME_HARDSHIP_SUPPORT, "民政局数据：纳入特困供养"),
                Map.entry(Indicator.TEMPORARY_RELIEF, "民政局数据：领取临时救助"),
                Map.entry(Indicator.DISABILITY_CERTIFICATE, "残联数据：新办残疾证"),
                Map.entry(Indicator.SCHOOL_DROP_OUT, "教育局数据：义务教育阶段辍学或休学"),
                Map.entry(Indicator.EDUCATION_EXPENDITURE, "教育局数据：教育支出 9000.00 元超过预警线 8000.00 元"),
                Map.entry(Indicator.UNSAFE_HOUSE, "住建局数据：住房鉴定为C级或D级危房"),
                Map.entry(Indicator.DRINKING_WATER_PROBLEM, "水利局数据：饮水安全问题"),
                Map.entry(Indicator.DISASTER_LOSS, "应急管理局数据：灾害损失 12000.00 元超过预警线 10000.00 元"),
                Map.entry(Indicator.UNEMPLOYED, "人社局数据：务工人员失业")));
        Map<Indicator, String> amounts = Map.of(Indicator.MEDICAL_SELF_PAID, "18000.00",
                Indicator.EDUCATION_EXPENDITURE, "9000.00", Indicator.DISASTER_LOSS, "12000.00");
        assertThat(reasons).hasSize(Indicator.values().length);

        for (Department department : Department.values()) {
            List<Indicator> indicators = Arrays.stream(Indicator.values())
                    .filter(indicator -> indicator.department() == department).toList();
            StringBuilder csv = new StringBuilder("身份证号,指标,数值,日期\n");
            indicators.forEach(indicator -> csv.append(everyIndicatorHead).append(',').append(indicator.name())
                    .append(',').append(amounts.getOrDefault(indicator, "")).append(",2024-09-02\n"));

            Reply receipt = county.upload("/api/department-data/batches?department=" + department.name()
                    + "&fileName=" + department.name() + ".csv", "text/csv", csv.toString()
                    .getBytes(StandardCharsets.UTF_8));

            String batchId = receipt.body().get("batchId").asText();
            JsonNode batch = completed(batchId).get("batch");
            assertThat(batch.get("hits").asLong()).as(department.name()).isEqualTo(indicators.size());
            assertThat(batch.get("monitoredHits").asLong()).as(department.name()).isZero();
            assertThat(batch.get("leadsRaised").asLong()).as(department.name()).isEqualTo(indicators.size());
            await().atMost(Duration.ofSeconds(30)).until(() -> leadsOf(batchId).size() == indicators.size());
            assertThat(leadsOf(batchId)).as(department.name()).allSatisfy(lead -> {
                Indicator indicator = Indicator.valueOf(lead.indicator());
                assertThat(lead.householdId()).isEqualTo(everyIndicator);
                assertThat(lead.department()).isEqualTo(department.name());
                assertThat(lead.reason()).isEqualTo(reasons.get(indicator));
                if (indicator.isAmount()) {
                    assertThat(lead.observedValue()).isEqualByComparingTo(amounts.get(indicator));
                    assertThat(lead.threshold()).isNotNull();
                } else {
                    assertThat(lead.observedValue()).isNull();
                    assertThat(lead.threshold()).isNull();
                }
            }).extracting(DepartmentLeadRaised::indicator)
                    .containsExactlyInAnyOrderElementsOf(indicators.stream().map(Enum::name).toList());
        }
    }

    @Test
    void aHitIsGradedByThePolicyOfTheHouseholdsRegion() {
        String csv = "身份证号,指标,数值,日期\n" + regradedHead + ",新办残疾证,,2024-09-03\n";

        Reply receipt = county.upload("/api/department-data/batches?department=DISABLED_PERSONS_FEDERATION"
                + "&fileName=残联.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));

        completed(receipt.body().get("batchId").asText());
        WarningRaised warning = (WarningRaised) published(regraded, "fangpin.monitoring.WarningRaised.v1").data();
        assertThat(warning.rule()).isEqualTo("DEPARTMENT_DISABILITY_CERTIFICATE");
        assertThat(warning.level()).as("the township's policy grades it Ⅱ; the work plans Ⅲ")
                .isEqualTo(WarningLevel.II_YELLOW);
        assertThat(warning.reason()).isEqualTo("残联数据：新办残疾证");
    }

    @Test
    void aFileOfPeopleTheCountyDoesNotKnowCompletesWithoutMatchesOrHits() {
        String csv = """
                身份证号,姓名,指标,数值,日期
                %s,朝鲁,MEDICAL_SELF_PAID,25000.00,2023-12-30
                %s,朝鲁,MEDICAL_SELF_PAID,26000.00,2024-01-02
                """.formatted(unknown, unknown);

        Reply receipt = county.upload(uri("医保跨年.csv"), "text/csv", csv.getBytes(StandardCharsets.UTF_8));

        JsonNode batch = completed(receipt.body().get("batchId").asText());
        assertThat(batch.get("batch").get("rowsRead").asLong()).isEqualTo(2);
        assertThat(batch.get("batch").get("rowsMatched").asLong()).isZero();
        assertThat(batch.get("batch").get("hits").asLong()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM screening_line").query(Long.class).single()).isZero();
    }

    @Test
    void aSpreadsheetFromCivilAffairsIsScreenedLikeACsv() {
        byte[] workbook = Xlsx.of(List.of(
                List.of("户编号", "指标", "数值", "日期"),
                List.of(registered, "纳入低保", "", "2024-09-01"),
                List.of(monitored, "MINIMUM_LIVING_ALLOWANCE", "", "2024-09-01")));

        Reply receipt = county.upload("/api/department-data/batches?department=CIVIL_AFFAIRS&fileName=民政.xlsx",
                DepartmentDataController.XLSX, workbook);

        String batchId = receipt.body().get("batchId").asText();
        JsonNode batch = completed(batchId);
        assertThat(batch.get("batch").get("format").asText()).isEqualTo("XLSX");
        assertThat(batch.get("batch").get("hits").asLong()).isEqualTo(2);
        assertThat(batch.get("batch").get("leadsRaised").asLong()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> ofType(registered,
                "fangpin.monitoring.DepartmentLeadRaised.v1").stream()
                .map(e -> (DepartmentLeadRaised) e.data())
                .anyMatch(lead -> lead.batchId().equals(batchId)
                        && lead.indicator().equals("MINIMUM_LIVING_ALLOWANCE") && lead.threshold() == null));
    }

    @Test
    void aFileLargerThanTheUploadLimitIsRefusedWith413BeforeItIsRead() {
        long batches = count("department_batch");
        byte[] csv = ("身份证号,指标,数值,日期\n" + (registeredHead + ",MEDICAL_SELF_PAID,9000.00,2024-08-06\n")
                .repeat(40_000)).getBytes(StandardCharsets.UTF_8);
        assertThat(csv.length).isGreaterThan(1 << 20);

        Reply refused = county.upload(uri("医保全年.csv"), "text/csv", csv);

        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.code()).isEqualTo("REQUEST_TOO_LARGE");
        assertThat(count("department_batch")).isEqualTo(batches);
    }

    @Test
    void aSpreadsheetWhoseRowsAndCellsHaveNoReferencesIsReadByTheirOrder() {
        byte[] workbook = Xlsx.sheet("""
                <row><c t="inlineStr"><is><t>身份证号</t></is></c><c t="inlineStr"><is><t>指标</t></is></c>\
                <c t="inlineStr"><is><t>日期</t></is></c></row>\
                <row><c t="inlineStr"><is><t>%s</t></is></c><c t="s"><v>0</v></c>\
                <c t="inlineStr"><is><t>2024-09-05</t></is></c></row>""".formatted(belowLineHead),
                "<si><t>纳入特困供养</t></si>");

        Reply receipt = county.upload("/api/department-data/batches?department=CIVIL_AFFAIRS&fileName=民政导出.xlsx",
                DepartmentDataController.XLSX, workbook);

        assertThat(receipt.status()).isEqualTo(202);
        JsonNode batch = completed(receipt.body().get("batchId").asText()).get("batch");
        assertThat(batch.get("rowsRead").asLong()).isEqualTo(1);
        assertThat(batch.get("rowsRejected").asLong()).isZero();
        assertThat(batch.get("hits").asLong()).isEqualTo(1);
    }

    @Test
    void aZipBombIsRefusedLeavingNoBatchAndNothingInTheSpoolDirectory() throws IOException {
        long batches = count("department_batch");

        Reply refused = county.upload("/api/department-data/batches?department=CIVIL_AFFAIRS&fileName=bomb.xlsx",
                DepartmentDataController.XLSX, Xlsx.bomb(64));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("DEPARTMENT_FILE_UNCOMPRESSED_TOO_LARGE");
        assertThat(refused.body().get("detail").asText()).contains("4 MB");
        assertThat(count("department_batch")).isEqualTo(batches);
        assertThat(multipart.getLocation()).as("multipart forms spool where spreadsheets do")
                .isEqualTo(limits.spoolDirectory().toString());
        try (Stream<Path> spooled = Files.list(limits.spoolDirectory())) {
            assertThat(spooled).isEmpty();
        }
    }

    @Test
    void aFileWithoutTheNeededColumnsIsRefusedAndLeavesNoBatch() {
        long batches = count("department_batch");

        Reply refused = county.upload(uri("错表.csv"), "text/csv",
                "姓名,金额\n巴特尔,9000\n".getBytes(StandardCharsets.UTF_8));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("DEPARTMENT_FILE_COLUMNS");
        assertThat(count("department_batch")).isEqualTo(batches);
    }

    @Test
    void aDepartmentOfficerListsTheDepartmentsBatchesNewestFirstAPageAtATime() {
        Api medical = Api.withToken(port, tokens.departmentToken("MEDICAL_INSURANCE", "150724"));
        String older = medical.upload("/api/department-data/batches?fileName=医保2024年3月.csv", "text/csv",
                "身份证号,姓名,指标,数值,日期\n%s,朝鲁,MEDICAL_SELF_PAID,25000.00,2024-03-02\n".formatted(unknown)
                        .getBytes(StandardCharsets.UTF_8)).body().get("batchId").asText();
        completed(older);
        String newer = medical.upload("/api/department-data/batches?fileName=医保2024年4月.csv", "text/csv",
                "身份证号,姓名,指标,数值,日期\n%s,朝鲁,MEDICAL_SELF_PAID,26000.00,2024-04-02\n错号,,,,\n"
                        .formatted(unknown).getBytes(StandardCharsets.UTF_8)).body().get("batchId").asText();
        completed(newer);

        Reply first = medical.get("/api/department-data/batches?limit=1");
        assertThat(first.status()).isEqualTo(200);
        JsonNode newest = first.body().get("batches").get(0);
        assertThat(newest.get("batchId").asText()).isEqualTo(newer);
        assertThat(newest.get("fileName").asText()).isEqualTo("医保2024年4月.csv");
        assertThat(newest.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(newest.get("rowsRead").asLong()).isEqualTo(2);
        assertThat(newest.get("rowsRejected").asLong()).isEqualTo(1);
        assertThat(newest.get("uploadedAt").asText()).isNotBlank();
        assertThat(newest.get("finishedAt").asText()).isNotBlank();
        Reply second = medical.get("/api/department-data/batches?limit=1&cursor={c}",
                first.body().get("nextCursor").asText());
        assertThat(second.body().get("batches").findValuesAsText("batchId")).containsExactly(older);
        assertThat(county.get("/api/department-data/batches?department=MEDICAL_INSURANCE&limit=2").body()
                .get("batches").findValuesAsText("batchId")).containsExactly(newer, older);

        Api civilAffairs = Api.withToken(port, tokens.departmentToken("CIVIL_AFFAIRS", "150724"));
        assertThat(civilAffairs.get("/api/department-data/batches?limit=200").body().get("batches")
                .findValuesAsText("batchId")).doesNotContain(newer, older);
        Reply another = medical.get("/api/department-data/batches?department=CIVIL_AFFAIRS");
        assertThat(another.status()).isEqualTo(403);
        assertThat(another.code()).isEqualTo("DEPARTMENT_NOT_YOURS");
        assertThat(medical.get("/api/department-data/batches?region=150702").status()).isEqualTo(403);
        Reply badCursor = medical.get("/api/department-data/batches?cursor=nonesuch");
        assertThat(badCursor.status()).isEqualTo(422);
        assertThat(badCursor.code()).isEqualTo("INVALID_CURSOR");
    }

    @Test
    void aDepartmentOfficerWithoutADepartmentCannotUploadAndReadersCannotWrite() {
        byte[] csv = "身份证号,指标,数值,日期\n".getBytes(StandardCharsets.UTF_8);

        Reply officer = Api.as(tokens, port, "DEPARTMENT_OFFICER", "150724").upload(uri("x.csv"), "text/csv", csv);
        Reply inspector = Api.as(tokens, port, "INSPECTOR", "150724").upload(uri("x.csv"), "text/csv", csv);

        assertThat(officer.status()).isEqualTo(403);
        assertThat(officer.code()).isEqualTo("DEPARTMENT_NOT_ASSIGNED");
        assertThat(inspector.status()).isEqualTo(403);
    }

    private String uri(String fileName) {
        return MEDICAL.replace("{f}", fileName);
    }

    private JsonNode completed(String batchId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> "COMPLETED".equals(
                county.get("/api/department-data/batches/{id}", batchId).body().get("batch").get("status").asText()));
        return county.get("/api/department-data/batches/{id}", batchId).body();
    }

    /** The first event of the type published about the household. */
    private EventEnvelope published(String household, String type) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !ofType(household, type).isEmpty());
        return ofType(household, type).get(0);
    }

    private List<DepartmentLeadRaised> leadsOf(String batchId) {
        return broker.read(Topics.MONITORING, 1).stream().map(r -> Envelopes.decode(r.value()))
                .filter(e -> e.data() instanceof DepartmentLeadRaised lead && lead.batchId().equals(batchId))
                .map(e -> (DepartmentLeadRaised) e.data()).toList();
    }

    private List<EventEnvelope> ofType(String household, String type) {
        return broker.read(Topics.MONITORING, 1).stream().map(r -> Envelopes.decode(r.value()))
                .filter(e -> e.subject().equals(household) && e.type().equals(type)).toList();
    }

    /**
     * The copy of the register takes a poll's events in one transaction, in order and each once: a member added and
     * removed right after is gone, and a registration delivered twice is one household with one head.
     */
    @Test
    void theRegisterCopyAppliesEachEventOnceAndInOrder() {
        String household = UUID.randomUUID().toString();
        String head = Given.idNumber("15072419830707717");
        String lastMember = Given.idNumber("15072420180909919");
        byte[] registration = Envelopes.encode(Envelopes.of(new HouseholdRegistered(household, VILLAGE, 2, "阿拉坦",
                head, HouseholdCategory.GENERAL, 3), CADRE, "corr-" + household));
        kafka.send(Topics.IDENTIFICATION_PERSONAL, household, registration);
        given.memberAdded(household, VILLAGE, "m1-" + household, "阿拉坦其其格", Given.idNumber("15072420150808828"));
        given.send(Topics.IDENTIFICATION_PERSONAL, new MemberRemoved(household, VILLAGE, "m1-" + household, "迁出",
                LocalDate.of(2024, 9, 1)));
        kafka.send(Topics.IDENTIFICATION_PERSONAL, household, registration);
        given.memberAdded(household, VILLAGE, "m2-" + household, "阿拉坦巴特尔", lastMember);

        List<String> members = await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                        "SELECT id_number FROM registry_member WHERE household_id = :household ORDER BY id_number")
                .param("household", household).query(String.class).list(), found -> found.contains(lastMember));
        assertThat(members).containsExactlyInAnyOrder(head, lastMember);
        assertThat(jdbc.sql("SELECT count(*) FROM registry_household WHERE household_id = :household")
                .param("household", household).query(Long.class).single()).isEqualTo(1);
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }
}
