package org.fangpin.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
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
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import org.fangpin.contracts.value.IdNumber;
import org.fangpin.platform.imports.ImportIds;
import org.fangpin.testsupport.Infrastructure;
import org.fangpin.testsupport.RealInfrastructureExtension;

/**
 * A county goes live (issue #17) and is looked after (issue #16), every request through the gateway to the services
 * running as processes: it imports two years of its history — the register, monthly records, measures, an
 * elimination and its rollback — in three files, one per service that owns them; a household whose imported records
 * show six stable months is eliminated the same day; the record as it stood on past days is replayed from the
 * imported history; the timeline shows imported steps with their business dates and the file and line they came
 * from. Then the timeline is rebuilt while supervisors keep reading through the gateway: no read fails or sees a
 * partial timeline, and afterwards every chain verifies, agrees with its sources and equals the old one.
 */
@ExtendWith(RealInfrastructureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CountyGoLiveIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final String VILLAGE = "150724213201";
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    /** Two years back: the month the county identified the first of its households. */
    private static final YearMonth START = YearMonth.from(TODAY).minusMonths(24);
    private static final String HOUSEHOLDS_FILE = "county-households.csv";
    private static final String RECORDS_FILE = "county-records.csv";
    private static final String HISTORY_FILE = "county-history.csv";
    /** 图雅's household: identified in the first month, below the line for a year, stable above it since. */
    private static final String TUYA = idNumber("150724", LocalDate.of(1975, 4, 12), "021");
    private static final String TUYA_SPOUSE = idNumber("150724", LocalDate.of(1977, 9, 3), "042");
    /** 朝鲁's household: eliminated in the eighth month, rolled back in the twelfth after look-back found it poorer. */
    private static final String CHAOLU = idNumber("150724", LocalDate.of(1969, 11, 28), "013");
    /** 哈斯's household: registered, never monitored. */
    private static final String HASI = idNumber("150724", LocalDate.of(1982, 2, 6), "035");
    private static final ImportIds IDS = new ImportIds(RunningSystem.IMPORT_KEY);

    private static RunningSystem system;
    private static Infrastructure infrastructure;

    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void startTheSystem(Infrastructure given) {
        infrastructure = given;
        system = RunningSystem.start(infrastructure, infrastructure.tokens().issuer(),
                infrastructure.tokens().jwksUri(), "county-go-live").awaitHealthy();
    }

    @AfterAll
    static void stopTheSystem() {
        system.close();
    }

    @Test
    @Order(1)
    void aCountysTwoYearsOfHistoryAreImportedAndItsRulesWorkOnThemAsOnRecordedHistory() {
        JsonNode households = importFile("/api/households/imports", HOUSEHOLDS_FILE, householdsFile());
        assertThat(households.get("refusedCount").asInt()).as(households.toString()).isZero();
        assertThat(households.get("registered").asInt()).isEqualTo(3);
        assertThat(households.get("identified").asInt()).isEqualTo(2);
        assertThat(households.get("membersAdded").asInt()).isEqualTo(1);
        // the services that own the records import them once the identifications have reached them over Kafka
        JsonNode records = importWhenReady("/api/monitoring/imports", RECORDS_FILE, recordsFile());
        assertThat(records.get("recorded").asInt() + records.get("unchanged").asInt()).as(records.toString())
                .isEqualTo(46);
        JsonNode history = importWhenReady("/api/assistance/imports", HISTORY_FILE, historyFile());
        assertThat(history.get("imported").asInt() + history.get("unchanged").asInt()).as(history.toString())
                .isEqualTo(5);

        String tuya = IDS.household(TUYA);
        String chaolu = IDS.household(CHAOLU);
        RestClient county = client("COUNTY_APPROVER", "150724");
        JsonNode chaoluCase = county.get().uri("/api/assistance/{id}", chaolu).retrieve().body(JsonNode.class);
        assertThat(chaoluCase.get("status").asText()).isEqualTo("RISK_NOT_ELIMINATED");
        assertThat(chaoluCase.get("eliminations").get(0).get("rolledBackOn").asText())
                .isEqualTo(START.plusMonths(12).atDay(26).toString());

        // the same day: the imported months are the six stable months the elimination needs
        RestClient officer = client("VILLAGE_OFFICER", VILLAGE);
        officer.post().uri("/api/assistance/{id}/developmental-assistance/confirmation", tuya).retrieve()
                .toBodilessEntity();
        client("TOWNSHIP_REVIEWER", "150724213").post()
                .uri("/api/assistance/{id}/developmental-assistance/confirmation", tuya).retrieve().toBodilessEntity();
        await().atMost(PATIENCE).until(() -> officer.post().uri("/api/assistance/{id}/elimination/propose", tuya)
                .body(Map.of()).exchange((request, response) -> response.getStatusCode().value(), false) == 200);
        client("TOWNSHIP_REVIEWER", "150724213").post().uri("/api/assistance/{id}/elimination/verify", tuya)
                .body(Map.of()).retrieve().toBodilessEntity();
        JsonNode eliminated = county.post().uri("/api/assistance/{id}/elimination/approve", tuya).body(Map.of())
                .retrieve().body(JsonNode.class);
        assertThat(eliminated.get("status").asText()).isEqualTo("RISK_ELIMINATED");
        assertThat(eliminated.get("eliminatedOn").asText()).isEqualTo(TODAY.toString());
        JsonNode evidence = eliminated.get("eliminations").get(0).get("evidence");
        assertThat(evidence.get("stableIncomeMonths").asInt()).isEqualTo(6);
        assertThat(evidence.get("monitoredMonths").asInt()).isGreaterThanOrEqualTo(23);
        assertThat(evidence.get("recentIncome").get(0).get("month").asText())
                .isEqualTo(YearMonth.from(TODAY).minusMonths(1).toString());

        // the record as it stood on past days, replayed from the imported history by its business dates
        RestClient supervisor = client("SUPERVISOR", "150724");
        JsonNode tuyaThen = await().atMost(PATIENCE).until(() -> state(supervisor, tuya, START.plusMonths(6).atDay(1)),
                state -> state.path("latestIncomeMonth").asText().equals(START.plusMonths(5).toString()));
        assertThat(tuyaThen.get("status").get("status").get("code").asText()).isEqualTo("RISK_NOT_ELIMINATED");
        assertThat(tuyaThen.get("identifiedOn").asText()).isEqualTo(START.atDay(10).toString());
        assertThat(tuyaThen.get("latestIncome").decimalValue()).isEqualByComparingTo("6500.00");
        assertThat(tuyaThen.get("measures").asInt()).isEqualTo(2);
        assertThat(tuyaThen.get("eliminations").asInt()).isZero();
        JsonNode chaoluEliminated = await().atMost(PATIENCE).until(
                () -> state(supervisor, chaolu, START.plusMonths(10).atDay(1)), state -> state.hasNonNull("eliminatedOn"));
        assertThat(chaoluEliminated.get("status").get("status").get("code").asText()).isEqualTo("RISK_ELIMINATED");
        assertThat(chaoluEliminated.get("eliminatedOn").asText()).isEqualTo(START.plusMonths(8).atDay(27).toString());
        JsonNode chaoluRolledBack = await().atMost(PATIENCE).until(
                () -> state(supervisor, chaolu, START.plusMonths(13).atDay(1)), state -> state.hasNonNull("rolledBackOn"));
        assertThat(chaoluRolledBack.get("status").get("status").get("code").asText())
                .isEqualTo("RISK_NOT_ELIMINATED");
        assertThat(chaoluRolledBack.get("rolledBackOn").asText()).isEqualTo(START.plusMonths(12).atDay(26).toString());
        assertThat(chaoluRolledBack.get("eliminations").asInt()).isEqualTo(1);
        assertThat(chaoluRolledBack.get("rollbacks").asInt()).isEqualTo(1);
        int beforeIdentified = supervisor.get().uri("/api/households/{id}/state?asOf={day}", chaolu, START.atDay(1))
                .exchange((request, response) -> response.getStatusCode().value(), false);
        assertThat(beforeIdentified).as("nothing had happened to the household before it was identified")
                .isEqualTo(404);

        // the timeline: imported steps with the day they happened and the file and line they came from
        List<JsonNode> entries = await().atMost(PATIENCE).until(() -> timeline(supervisor, tuya),
                seen -> seen.stream().anyMatch(entry -> type(entry).equals("RiskEliminated")));
        JsonNode identified = entry(entries, "HouseholdIdentified", 0);
        assertThat(identified.get("happenedOn").asText()).isEqualTo(START.atDay(10).toString());
        assertThat(identified.get("dates").asText()).contains(START.atDay(10).toString(), TODAY.toString());
        assertThat(identified.get("imported").get("file").asText()).isEqualTo(HOUSEHOLDS_FILE);
        assertThat(identified.get("imported").get("row").asInt()).isEqualTo(2);
        assertThat(identified.get("actor").get("role").asText()).isEqualTo("COUNTY_APPROVER");
        JsonNode fifthMonth = entry(entries, "MonthlyMonitoringRecorded", 4);
        assertThat(fifthMonth.get("happenedOn").asText()).isEqualTo(START.plusMonths(5).atDay(20).toString());
        assertThat(fifthMonth.get("imported").get("text").asText()).isEqualTo("存量导入：" + RECORDS_FILE + " 第 6 行");
        JsonNode measure = entry(entries, "MeasureAdded", 0);
        assertThat(measure.get("happenedOn").asText()).isEqualTo(START.plusMonths(1).atDay(5).toString());
        assertThat(measure.get("imported").get("row").asInt()).isEqualTo(2);
        JsonNode eliminatedToday = entry(entries, "RiskEliminated", 0);
        assertThat(eliminatedToday.hasNonNull("imported")).as("a step recorded live names no file").isFalse();
        assertThat(eliminatedToday.get("happenedOn").asText()).isEqualTo(TODAY.toString());
        assertThat(entries.stream().filter(entry -> entry.hasNonNull("imported")).count())
                .as("registration, head, spouse, identification, monitoring, case, 23 months, measure steps")
                .isGreaterThanOrEqualTo(4 + 2 + 23 + 3);

        // the same files again change nothing
        JsonNode again = importFile("/api/households/imports", HOUSEHOLDS_FILE, householdsFile());
        assertThat(again.get("registered").asInt()).isZero();
        assertThat(again.get("unchanged").asInt()).isEqualTo(4);
        assertThat(importFile("/api/assistance/imports", HISTORY_FILE, historyFile()).get("imported").asInt())
                .isZero();
    }

    @Test
    @Order(2)
    void theTimelineIsRebuiltWhileSupervisorsReadThroughTheGatewayAndEqualsTheOldEntryForEntry() {
        // a village's register, so that the new version takes a while to catch up
        StringBuilder register = new StringBuilder(HOUSEHOLDS_HEADER);
        List<String> heads = IntStream.range(0, 1_500)
                .mapToObj(i -> idNumber("150724", LocalDate.of(1950, 1, 1).plusDays(i * 7L), "1" + (10 + i % 90)))
                .toList();
        for (int i = 0; i < heads.size(); i++) {
            register.append(VILLAGE).append(",5,户主").append(i).append(',').append(heads.get(i))
                    .append(",3,一般农户,户主,户主").append(i).append(',').append(heads.get(i))
                    .append(",,有劳动能力,健康,,务农,,,,\n");
        }
        JsonNode imported = importFile("/api/households/imports", "village-register.csv", register.toString());
        assertThat(imported.get("registered").asInt()).as(imported.toString()).isEqualTo(heads.size());
        List<String> read = new ArrayList<>(List.of(IDS.household(TUYA), IDS.household(CHAOLU), IDS.household(HASI)));
        heads.stream().limit(40).map(IDS::household).forEach(read::add);
        JdbcTimeline timelineDatabase = new JdbcTimeline();
        await().atMost(PATIENCE).until(() -> timelineDatabase.households() >= heads.size() + 3);
        RestClient supervisor = client("SUPERVISOR", "150724");
        Map<String, JsonNode> before = new ConcurrentHashMap<>();
        read.forEach(household -> before.put(household, await().atMost(PATIENCE)
                .until(() -> timelineJson(supervisor, household), timeline -> timeline.path("entries").size() > 0)
                .get("entries")));

        AtomicBoolean reading = new AtomicBoolean(true);
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger reads = new AtomicInteger();
        Map<String, Boolean> statesReadIn = new ConcurrentHashMap<>();
        // three supervisors, each within the gateway's per-user rate
        CompletableFuture<?> readers = CompletableFuture.allOf(IntStream.range(0, 3).mapToObj(reader -> {
            RestClient client = system.client(infrastructure.tokens().token("supervisor-" + reader, "督查" + reader,
                    List.of("SUPERVISOR"), "150724", Duration.ofMinutes(30)));
            return CompletableFuture.runAsync(() -> {
                for (int i = reader; reading.get(); i++) {
                    String household = read.get(i % read.size());
                    statesReadIn.put(timelineDatabase.versions(), true);
                    try {
                        JsonNode timeline = client.get().uri("/api/households/{id}/timeline", household).retrieve()
                                .body(JsonNode.class);
                        if (!timeline.get("entries").equals(before.get(household))) {
                            failures.add("a partial or different timeline of " + household + ": "
                                    + timeline.get("entries").size() + " entries");
                        }
                    } catch (RuntimeException failed) {
                        failures.add(household + ": " + failed);
                    }
                    reads.incrementAndGet();
                    pause(60);
                }
            });
        }).toArray(CompletableFuture[]::new));

        JsonNode started = client("ADMIN", "00").post().uri("/api/admin/timeline/rebuild").retrieve()
                .body(JsonNode.class);
        assertThat(started.get("version").asInt()).isEqualTo(2);
        await().atMost(Duration.ofMinutes(3)).until(() -> timelineDatabase.state(1).equals("DROPPED"));
        int readsAtSwitch = reads.get();
        await().atMost(PATIENCE).until(() -> reads.get() > readsAtSwitch + read.size());
        reading.set(false);
        readers.join();

        assertThat(failures).isEmpty();
        assertThat(statesReadIn.keySet()).as("reads went on while the new version was built and after the switch")
                .contains("1 live, 2 BUILDING", "2 live");
        RestClient inspector = client("INSPECTOR", "00");
        for (String household : read) {
            // a verification is four of the inspector's requests (the timeline's, and its three sources' through the
            // gateway): at this pace they stay within the gateway's limit per user, as an inspector's would
            pause(250);
            JsonNode verification = inspector.get().uri("/api/households/{id}/timeline/verify", household)
                    .retrieve().body(JsonNode.class);
            assertThat(verification.get("intact").asBoolean()).as(household).isTrue();
            assertThat(verification.get("sources").findValuesAsText("verdict")).as(household)
                    .isNotEmpty().containsOnly("AGREE");
            assertThat(timelineJson(supervisor, household).get("entries")).as(household)
                    .isEqualTo(before.get(household));
        }
    }

    // ---- the county's files, as the national system and the townships' spreadsheets give them

    private static final String HOUSEHOLDS_HEADER = "行政区划代码,村民小组,户主姓名,户主证件号码,家庭人口数,户类型,与户主关系,成员姓名,"
            + "成员证件号码,出生日期,劳动能力,健康状况,在校生状况,务工状况,监测对象类别,风险类型,识别监测时间,人均纯收入\n";

    private static String householdsFile() {
        return HOUSEHOLDS_HEADER
                + VILLAGE + ",2,图雅," + TUYA + ",2,脱贫户,户主,图雅," + TUYA + ",,有劳动能力,长期慢性病,,务农,脱贫不稳定户,因病,"
                + START.atDay(10) + ",6800.00\n"
                + VILLAGE + ",2,图雅," + TUYA + ",2,脱贫户,配偶,宝音," + TUYA_SPOUSE + ",,有劳动能力,健康,,区外务工,,,,\n"
                + VILLAGE + ",4,朝鲁," + CHAOLU + ",3,一般农户,户主,朝鲁," + CHAOLU + ",,有劳动能力,健康,,务农,边缘易致贫户,因灾,"
                + START.atDay(18) + ",7400.00\n"
                + VILLAGE + ",1,哈斯," + HASI + ",4,一般农户,户主,哈斯," + HASI + ",,有劳动能力,健康,,务农,,,,\n";
    }

    /** A row a month from the month after identification to last month; 图雅's first eleven below the line. */
    private static String recordsFile() {
        StringBuilder file = new StringBuilder("户主证件号码,监测年月,走访日期,人均纯收入,走访方式,三保障和饮水安全问题\n");
        for (int month = 1; month <= 23; month++) {
            file.append(row(TUYA, month, month <= 11 ? "6500.00" : "9200.00"));
        }
        for (int month = 1; month <= 23; month++) {
            file.append(row(CHAOLU, month, month == 11 || month == 12 ? "6000.00" : "9100.00"));
        }
        return file.toString();
    }

    private static String row(String head, int month, String income) {
        YearMonth recorded = START.plusMonths(month);
        return head + "," + recorded + "," + recorded.atDay(20) + "," + income + ",入户走访,无\n";
    }

    private static String historyFile() {
        return "户主证件号码,记录类型,帮扶措施类型,措施内容,针对风险类型,责任单位,责任人,制定日期,开始实施日期,完成日期,帮扶成效,"
                + "申请日期,核实日期,审定日期,回退原因\n"
                + TUYA + ",帮扶措施,医疗救助,大病医疗救助,因病,医保局,包银花," + START.plusMonths(1).atDay(5) + ","
                + START.plusMonths(1).atDay(10) + "," + START.plusMonths(3).atDay(28) + ",报销后年自付降至3000元,,,,\n"
                + TUYA + ",帮扶措施,公益岗位,嘎查护林员,因病,林草局,包银花," + START.plusMonths(2).atDay(8) + ","
                + START.plusMonths(2).atDay(15) + "," + START.plusMonths(5).atDay(30) + ",护林员岗位年收入1.2万元,,,,\n"
                + CHAOLU + ",帮扶措施,产业帮扶,肉牛养殖补贴,因灾,农牧局,包银花," + START.plusMonths(1).atDay(3) + ","
                + START.plusMonths(1).atDay(10) + "," + START.plusMonths(4).atDay(28) + ",新增基础母牛2头,,,,\n"
                + CHAOLU + ",风险消除,,,,,,,,,," + START.plusMonths(8).atDay(25) + "," + START.plusMonths(8).atDay(26)
                + "," + START.plusMonths(8).atDay(27) + ",\n"
                + CHAOLU + ",风险回退,,,,,,,,,," + START.plusMonths(12).atDay(22) + ","
                + START.plusMonths(12).atDay(24) + "," + START.plusMonths(12).atDay(26) + ",回头看发现灾后减收\n";
    }

    // ---- talking to the system

    /** An import runs as a batch: accepted with its Location, followed there until it ends; its report. */
    private JsonNode importFile(String path, String fileName, String csv) {
        RestClient county = client("COUNTY_APPROVER", "150724");
        String batch = county.post().uri(path + "?fileName={name}", fileName)
                .contentType(MediaType.parseMediaType("text/csv")).body(csv.getBytes(StandardCharsets.UTF_8))
                .retrieve().toBodilessEntity().getHeaders().getLocation().toString();
        JsonNode run = await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500))
                .until(() -> county.get().uri(batch).retrieve().body(JsonNode.class),
                        status -> status.hasNonNull("finishedAt"));
        assertThat(run.get("state").asText()).as(run.toString()).isEqualTo("DONE");
        return run.get("report");
    }

    /** Imports again until no row waits for another service's events (a second import changes nothing done). */
    private JsonNode importWhenReady(String path, String fileName, String csv) {
        return await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(2))
                .until(() -> importFile(path, fileName, csv), report -> report.get("refusedCount").asInt() == 0);
    }

    private JsonNode state(RestClient supervisor, String household, LocalDate asOf) {
        return supervisor.get().uri("/api/households/{id}/state?asOf={day}", household, asOf)
                .exchange((request, response) -> response.getStatusCode().value() == 200
                        ? json.readTree(response.getBody()) : json.createObjectNode(), false);
    }

    private JsonNode timelineJson(RestClient supervisor, String household) {
        return supervisor.get().uri("/api/households/{id}/timeline", household)
                .exchange((request, response) -> response.getStatusCode().value() == 200
                        ? json.readTree(response.getBody()) : json.createObjectNode(), false);
    }

    private List<JsonNode> timeline(RestClient supervisor, String household) {
        return StreamSupport.stream(timelineJson(supervisor, household).path("entries").spliterator(), false).toList();
    }

    /** The event type's short name: {@code fangpin.assistance.RiskEliminated.v1} is RiskEliminated. */
    private static String type(JsonNode entry) {
        String type = entry.get("type").asText();
        return type.substring(type.indexOf('.', "fangpin.".length()) + 1, type.length() - 3);
    }

    private static JsonNode entry(List<JsonNode> entries, String type, int index) {
        return entries.stream().filter(entry -> type(entry).equals(type)).skip(index).findFirst().orElseThrow();
    }

    private static RestClient client(String role, String region) {
        return system.client(infrastructure.tokens().token(role, region));
    }

    private static String idNumber(String county, LocalDate born, String sequence) {
        String first17 = county + born.toString().replace("-", "") + sequence;
        return first17 + IdNumber.checkCharacter(first17);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What the timeline's own database says of its versions (never written to by the test). */
    private static final class JdbcTimeline {

        long households() {
            return system.database("timeline").sql("SELECT count(*) FROM household_status").query(Long.class).single();
        }

        String state(int version) {
            return system.database("timeline").sql("SELECT state FROM timeline_version WHERE version = :version")
                    .param("version", version).query(String.class).optional().orElse("");
        }

        /** The live version, and the state of a version being built beside it: "1 live, 2 BUILDING". */
        String versions() {
            return system.database("timeline").sql("""
                            SELECT string_agg(CASE state WHEN 'LIVE' THEN version || ' live'
                                                         ELSE version || ' ' || state END, ', ' ORDER BY version)
                            FROM timeline_version WHERE state NOT IN ('RETIRED', 'DROPPED')""")
                    .query(String.class).single();
        }
    }
}
