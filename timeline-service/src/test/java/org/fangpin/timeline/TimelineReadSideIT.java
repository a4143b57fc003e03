package org.fangpin.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;

import org.fangpin.contracts.EventCatalog;
import org.fangpin.contracts.PublishedEvent;
import org.fangpin.contracts.assistance.AssistanceCaseOpened;
import org.fangpin.contracts.assistance.MeasureAdded;
import org.fangpin.contracts.assistance.MeasureOverdue;
import org.fangpin.contracts.assistance.MeasureUpdated;
import org.fangpin.contracts.assistance.RiskEliminated;
import org.fangpin.contracts.assistance.RiskRolledBack;
import org.fangpin.contracts.envelope.ActorRef;
import org.fangpin.contracts.envelope.EventEnvelope;
import org.fangpin.contracts.envelope.ImportProvenance;
import org.fangpin.contracts.identification.HouseholdIdentified;
import org.fangpin.contracts.identification.HouseholdRegistered;
import org.fangpin.contracts.identification.HouseholdVerified;
import org.fangpin.contracts.identification.LeadReported;
import org.fangpin.contracts.identification.MemberAdded;
import org.fangpin.contracts.identification.PolicyChanged;
import org.fangpin.contracts.identification.PolicyThresholds;
import org.fangpin.contracts.monitoring.MonitoringStarted;
import org.fangpin.contracts.monitoring.MonthlyMonitoringRecorded;
import org.fangpin.contracts.monitoring.WarningCleared;
import org.fangpin.contracts.monitoring.WarningRaised;
import org.fangpin.contracts.value.Health;
import org.fangpin.contracts.value.HouseholdCategory;
import org.fangpin.contracts.value.IdNumber;
import org.fangpin.contracts.value.LabourCapacity;
import org.fangpin.contracts.value.LeadChannel;
import org.fangpin.contracts.value.MeasureStatus;
import org.fangpin.contracts.value.MeasureType;
import org.fangpin.contracts.value.ObjectType;
import org.fangpin.contracts.value.Relation;
import org.fangpin.contracts.value.RiskType;
import org.fangpin.contracts.value.WarningLevel;
import org.fangpin.testsupport.DevTokenIssuer;
import org.fangpin.testsupport.Envelopes;
import org.fangpin.testsupport.WithRealInfrastructure;

/**
 * What supervisors and inspection teams read, from events played onto the three topics as the services publish
 * them: timelines, status, state on a past day, the proof of an intact history, the event log, the dashboard, the
 * ledger, and a rebuild that gives the same read side again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "fangpin.timeline.export-statement-timeout=2s")
@WithRealInfrastructure
class TimelineReadSideIT {

    private static final ZoneId COUNTY_TIME = ZoneId.of("Asia/Shanghai");
    /** 巴彦塔拉达斡尔民族乡, 鄂温克族自治旗: the story households live in the first village, the dashboard's in the second. */
    private static final String VILLAGE = "150724213201";
    private static final String DASHBOARD_VILLAGE = "150724213202";
    /** 海拉尔区: another county of the same province. */
    private static final String HAILAR_VILLAGE = "150702001001";
    private static final ActorRef CADRE = new ActorRef("u-101", "包银花", "VILLAGE_OFFICER", VILLAGE);
    private static final ActorRef COUNTY = new ActorRef("u-301", "乌云", "COUNTY_APPROVER", "150724");
    private static final ActorRef SYSTEM = new ActorRef("system:monitoring-service", "monitoring-service", "SYSTEM",
            "");

    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DevTokenIssuer tokens;
    @Autowired
    PlatformTransactionManager transactions;
    @LocalServerPort
    int port;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aTimelineShowsEveryServicesStepsInCausalOrderWithTheCurrentStatusAndNoIdNumbers() {
        String household = story(VILLAGE, "敖登", true);

        JsonNode timeline = get("/api/households/" + household + "/timeline", "SUPERVISOR", "150724");

        assertThat(timeline.get("entries").findValuesAsText("type")).containsExactly(
                type(HouseholdRegistered.class), type(MemberAdded.class), type(LeadReported.class),
                type(HouseholdVerified.class), type(HouseholdIdentified.class), type(MonitoringStarted.class),
                type(AssistanceCaseOpened.class), type(MonthlyMonitoringRecorded.class), type(WarningRaised.class),
                type(MeasureAdded.class), type(WarningCleared.class), type(RiskEliminated.class),
                type(RiskRolledBack.class));
        assertThat(timeline.get("status").get("status").get("name").asText()).isEqualTo("风险未消除");
        assertThat(timeline.get("status").get("flags").findValuesAsText("name")).containsExactly("风险消除回退");
        assertThat(timeline.get("entries").findValuesAsText("summary"))
                .contains("县级审定：认定为边缘易致贫户（因病），监测收入标准8300.00元", "县级审定风险消除回退：回头看发现务工收入中断")
                .noneMatch(summary -> summary.contains(idNumber("19780312002")) || summary.contains("患大病"));

        JsonNode monitoring = get("/api/households/" + household + "/timeline?kind=monitoring", "INSPECTOR",
                "150724213");
        assertThat(monitoring.get("entries").findValuesAsText("kind")).containsOnly("monitoring").hasSize(4);
    }

    @Test
    void aTimelineComesGzippedToAClientThatAcceptsItAndUnchangedIsAnsweredNotModified() throws Exception {
        String household = story(VILLAGE, "巴特尔", false);
        String path = "/api/households/" + household + "/timeline";
        HttpClient client = HttpClient.newHttpClient();
        String token = "Bearer " + tokens.token("SUPERVISOR", "150724");

        HttpResponse<byte[]> plain = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header(HttpHeaders.AUTHORIZATION, token).build(), BodyHandlers.ofByteArray());
        HttpResponse<byte[]> gzipped = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header(HttpHeaders.AUTHORIZATION, token).header(HttpHeaders.ACCEPT_ENCODING, "br;q=1.0, gzip;q=0.8")
                .build(), BodyHandlers.ofByteArray());

        assertThat(plain.headers().firstValue(HttpHeaders.CONTENT_ENCODING)).isEmpty();
        assertThat(gzipped.headers().firstValue(HttpHeaders.CONTENT_ENCODING)).hasValue("gzip");
        assertThat(gzipped.headers().allValues(HttpHeaders.VARY)).anyMatch(vary -> vary.contains("Accept-Encoding"));
        try (GZIPInputStream unzipped = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
            assertThat(unzipped.readAllBytes()).isEqualTo(plain.body());
        }
        assertThat(json.readTree(plain.body()).get("entries")).hasSize(11);
        String etag = plain.headers().firstValue(HttpHeaders.ETAG).orElseThrow();
        assertThat(gzipped.headers().firstValue(HttpHeaders.ETAG)).hasValue(etag);

        HttpRequest conditional = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header(HttpHeaders.AUTHORIZATION, token).header(HttpHeaders.IF_NONE_MATCH, etag).build();
        HttpResponse<byte[]> unchanged = client.send(conditional, BodyHandlers.ofByteArray());
        assertThat(unchanged.statusCode()).isEqualTo(304);
        assertThat(unchanged.body()).isEmpty();

        send(new MonthlyMonitoringRecorded(household, VILLAGE, YearMonth.of(2024, 7), new BigDecimal("9100.00"),
                List.of(), false), CADRE, LocalDateTime.parse("2024-07-10T16:00").atZone(COUNTY_TIME).toOffsetDateTime());
        await().atMost(Duration.ofSeconds(30)).until(() -> count("household_id = '" + household + "'") == 12);
        HttpResponse<byte[]> changed = client.send(conditional, BodyHandlers.ofByteArray());
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.headers().firstValue(HttpHeaders.ETAG)).isPresent().get().isNotEqualTo(etag);
        assertThat(json.readTree(changed.body()).get("entries")).hasSize(12);
    }

    @Test
    void theStateAsOfADayIsWhatTheRecordShowedThenWithIdNumbersMaskedForOversight() {
        String household = story(VILLAGE, "其木格", true);

        assertThat(state(household, "2024-03-10", "SUPERVISOR").get("status").get("status").get("code").asText())
                .isEqualTo("UNDER_IDENTIFICATION");
        JsonNode warned = state(household, "2024-04-20", "SUPERVISOR");
        assertThat(warned.get("status").get("status").get("code").asText()).isEqualTo("RISK_NOT_ELIMINATED");
        assertThat(warned.get("status").get("warningLevel").get("code").asText()).isEqualTo("II_YELLOW");
        assertThat(warned.get("headIdNumber").asText()).isEqualTo(IdNumber.mask(idNumber("19780312002")))
                .contains("********");
        JsonNode eliminated = state(household, "2024-10-15", "COUNTY_APPROVER");
        assertThat(eliminated.get("status").get("status").get("code").asText()).isEqualTo("RISK_ELIMINATED");
        assertThat(eliminated.get("headIdNumber").asText()).isEqualTo(idNumber("19780312002"));

        assertThat(status("/api/households/" + household + "/state?asOf=2024-02-01", "SUPERVISOR", "150724"))
                .isEqualTo(404);
        assertThat(status("/api/households/" + household + "/state?asOf=2024-13-01", "SUPERVISOR", "150724"))
                .isEqualTo(400);
    }

    @Test
    void aStepRecordedLateShowsBothDatesAndItsNoteAndCountsOnTheDayItHappened() {
        String h = UUID.randomUUID().toString();
        send(new HouseholdRegistered(h, VILLAGE, 3, "宝音", idNumber("19780312002"),
                HouseholdCategory.POVERTY_ALLEVIATED, 4), CADRE, OffsetDateTime.parse("2024-12-02T09:00+08:00"));
        send(new HouseholdIdentified(h, VILLAGE, "lead-" + h, ObjectType.MARGINAL_VULNERABLE,
                        List.of(RiskType.ILLNESS), LabourCapacity.PARTIAL, new BigDecimal("7600.00"),
                        new BigDecimal("8300.00"), LocalDate.of(2024, 3, 15)), COUNTY,
                OffsetDateTime.parse("2024-12-02T09:05+08:00"));
        send(new MonitoringStarted(h, VILLAGE, ObjectType.MARGINAL_VULNERABLE, LocalDate.of(2024, 3, 15)), SYSTEM,
                OffsetDateTime.parse("2024-12-02T09:05:01+08:00"));
        send(new RiskEliminated(h, VILLAGE, List.of(RiskType.ILLNESS), LocalDate.of(2024, 10, 1), null,
                "纸质审定表补录"), COUNTY, OffsetDateTime.parse("2024-12-02T10:00+08:00"));
        await().atMost(Duration.ofSeconds(30)).until(() -> count("household_id = '" + h + "'") == 4);

        JsonNode entries = get("/api/households/" + h + "/timeline", "SUPERVISOR", "150724").get("entries");
        assertThat(entries.findValuesAsText("type")).containsExactly(type(HouseholdRegistered.class),
                type(HouseholdIdentified.class), type(MonitoringStarted.class), type(RiskEliminated.class));
        assertThat(entries.findValuesAsText("happenedOn"))
                .containsExactly("2024-12-02", "2024-03-15", "2024-03-15", "2024-10-01");
        assertThat(entries.get(0).has("dates")).isFalse();
        assertThat(entries.get(1).get("dates").asText()).isEqualTo("发生于 2024-03-15，录入于 2024-12-02");
        assertThat(entries.get(3).get("backdatingNote").asText()).isEqualTo("纸质审定表补录");
        assertThat(entries.get(1).has("backdatingNote")).isFalse();

        JsonNode june = state(h, "2024-06-01", "SUPERVISOR");
        assertThat(june.get("status").get("status").get("code").asText()).isEqualTo("RISK_NOT_ELIMINATED");
        assertThat(june.get("headName").asText()).isEqualTo("宝音");
        assertThat(june.get("identifiedOn").asText()).isEqualTo("2024-03-15");
        assertThat(june.get("monitoredSince").asText()).isEqualTo("2024-03-15");
        assertThat(state(h, "2024-10-01", "SUPERVISOR").get("status").get("status").get("code").asText())
                .isEqualTo("RISK_ELIMINATED");
        assertThat(status("/api/households/" + h + "/state?asOf=2024-03-14", "SUPERVISOR", "150724"))
                .isEqualTo(404);

        JsonNode logged = get("/api/events?type=" + type(RiskEliminated.class) + "&actor=u-301", "INSPECTOR",
                "150724").get("entries");
        JsonNode eliminated = java.util.stream.StreamSupport.stream(logged.spliterator(), false)
                .filter(entry -> entry.get("subject").asText().equals(h)).findFirst().orElseThrow();
        assertThat(eliminated.get("happenedOn").asText()).isEqualTo("2024-10-01");
        assertThat(eliminated.get("dates").asText()).isEqualTo("发生于 2024-10-01，录入于 2024-12-02");
        assertThat(eliminated.get("backdatingNote").asText()).isEqualTo("纸质审定表补录");
        String[] csv = new String(bytes("/api/events.csv?type=" + type(RiskEliminated.class), "SUPERVISOR",
                "150724"), StandardCharsets.UTF_8).substring(1).split("\r\n");
        assertThat(csv[0]).endsWith(",事件编号,发生日期,补录说明,存量导入");
        assertThat(Arrays.stream(csv).filter(line -> line.contains(h)))
                .singleElement().asString().endsWith(",2024-10-01,纸质审定表补录,");
    }

    @Test
    void anImportedEntryShowsTheFileAndLineItCameFromAndItsLinkCoversThem() {
        String h = UUID.randomUUID().toString();
        HouseholdRegistered registered = new HouseholdRegistered(h, VILLAGE, 3, "朝克", idNumber("19780312002"),
                HouseholdCategory.POVERTY_ALLEVIATED, 4);
        EventEnvelope fresh = Envelopes.of(registered, COUNTY, UUID.randomUUID().toString());
        EventEnvelope envelope = new EventEnvelope(fresh.id(), fresh.source(), fresh.type(), fresh.subject(),
                OffsetDateTime.parse("2024-12-02T09:00+08:00"), fresh.regionCode(), COUNTY, fresh.correlationId(),
                registered, null, null, new ImportProvenance("鄂温克旗存量户.csv", 12L));
        TopicsRead.send(kafka, envelope.type(), h, Envelopes.encode(envelope)).join();
        send(new HouseholdIdentified(h, VILLAGE, "lead-" + h, ObjectType.MARGINAL_VULNERABLE,
                        List.of(RiskType.ILLNESS), LabourCapacity.PARTIAL, new BigDecimal("7600.00"),
                        new BigDecimal("8300.00"), LocalDate.of(2024, 3, 15)), COUNTY,
                OffsetDateTime.parse("2024-12-02T09:05+08:00"));
        await().atMost(Duration.ofSeconds(30)).until(() -> count("household_id = '" + h + "'") == 2);

        JsonNode entries = get("/api/households/" + h + "/timeline", "SUPERVISOR", "150724").get("entries");
        assertThat(entries.get(0).get("imported").get("text").asText()).isEqualTo("存量导入：鄂温克旗存量户.csv 第 12 行");
        assertThat(entries.get(0).get("imported").get("row").asInt()).isEqualTo(12);
        assertThat(entries.get(1).has("imported")).isFalse();
        JsonNode logged = get("/api/events?type=" + type(HouseholdRegistered.class) + "&actor=u-301&size=500",
                "INSPECTOR", "150724").get("entries");
        assertThat(java.util.stream.StreamSupport.stream(logged.spliterator(), false)
                .filter(entry -> entry.get("subject").asText().equals(h)).findFirst().orElseThrow()
                .get("imported").asText()).isEqualTo("存量导入：鄂温克旗存量户.csv 第 12 行");
        String[] csv = new String(bytes("/api/events.csv?type=" + type(HouseholdRegistered.class) + "&actor=u-301",
                "SUPERVISOR", "150724"), StandardCharsets.UTF_8).substring(1).split("\\r\\n");
        assertThat(Arrays.stream(csv).filter(line -> line.contains(h)))
                .singleElement().asString().endsWith(",,,存量导入：鄂温克旗存量户.csv 第 12 行");

        String path = "/api/households/" + h + "/timeline/verify";
        assertThat(get(path, "INSPECTOR", "150724").get("intact").asBoolean()).isTrue();
        jdbc.sql("UPDATE timeline_entry SET import_row = 13 WHERE household_id = :h AND import_row = 12")
                .param("h", h).update();
        assertThat(get(path, "INSPECTOR", "150724").get("intact").asBoolean()).isFalse();
        jdbc.sql("UPDATE timeline_entry SET import_row = 12 WHERE household_id = :h AND import_row = 13")
                .param("h", h).update();
        assertThat(get(path, "INSPECTOR", "150724").get("intact").asBoolean()).isTrue();
    }

    @Test
    void verificationProvesTheHistoryIntactAndNamesARowAlteredInTheDatabase() {
        String household = story(VILLAGE, "娜仁", false);
        String path = "/api/households/" + household + "/timeline/verify";
        assertThat(get(path, "INSPECTOR", "150724").get("intact").asBoolean()).isTrue();

        var altered = jdbc.sql("""
                        SELECT position, event_id, summary FROM timeline_entry
                        WHERE household_id = :id AND event_type = :type""")
                .param("id", household).param("type", type(HouseholdIdentified.class))
                .query((rs, row) -> Map.of("position", rs.getLong(1), "eventId", rs.getString(2),
                        "summary", rs.getString(3)))
                .single();
        jdbc.sql("UPDATE timeline_entry SET summary = '县级审定：认定为突发严重困难户' WHERE position = :position")
                .param("position", altered.get("position")).update();

        JsonNode verification = get(path, "INSPECTOR", "150724");
        assertThat(verification.get("intact").asBoolean()).isFalse();
        assertThat(verification.get("broken")).hasSize(1);
        assertThat(verification.get("broken").get(0).get("eventId").asText()).isEqualTo(altered.get("eventId"));
        assertThat(verification.get("broken").get(0).get("position").asLong()).isEqualTo(altered.get("position"));
        assertThat(verification.get("broken").get(0).get("contentIntact").asBoolean()).isFalse();

        jdbc.sql("UPDATE timeline_entry SET summary = :summary WHERE position = :position")
                .param("summary", altered.get("summary")).param("position", altered.get("position")).update();
        assertThat(get(path, "INSPECTOR", "150724").get("intact").asBoolean()).isTrue();
    }

    @Test
    void theEventLogPagesByCursorNewestRecordedFirstFiltersByActorAndRoleAndExportsTheSameAsCsv() {
        String actorId = "u-" + UUID.randomUUID();
        ActorRef officer = new ActorRef(actorId, "图雅", "VILLAGE_OFFICER", VILLAGE);
        List<String> households = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String household = UUID.randomUUID().toString();
            households.add(household);
            send(new HouseholdRegistered(household, VILLAGE, 1, "图雅" + i, idNumber("1990010100" + i),
                    HouseholdCategory.GENERAL, 2), officer, OffsetDateTime.now());
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> count("actor_id = '" + actorId + "'") == 5);

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = get("/api/events?actor=" + actorId + "&role=VILLAGE_OFFICER&size=2"
                    + (cursor == null ? "" : "&cursor=" + cursor), "INSPECTOR", "150724");
            seen.addAll(page.get("entries").findValuesAsText("subject"));
            cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asText() : null;
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(households);
        assertThat(get("/api/events?actor=" + actorId + "&role=COUNTY_APPROVER", "INSPECTOR", "150724")
                .get("entries")).isEmpty();

        byte[] csv = bytes("/api/events.csv?actor=" + actorId, "SUPERVISOR", "150724");
        assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
        String[] lines = new String(csv, StandardCharsets.UTF_8).substring(1).split("\r\n");
        assertThat(lines).hasSize(6);
        assertThat(lines[0]).startsWith("序号,时间,事件类型");
        assertThat(lines[1]).contains("图雅", "户登记：户主图雅");
        assertThat(Arrays.stream(lines).skip(1).map(line -> line.split(",")[4])).containsExactlyElementsOf(seen);
    }

    @Test
    void theDashboardCountsAVillageAndListsWhatIsOverdueAndWhatShouldBeEliminated() throws IOException {
        send(policy(), COUNTY, OffsetDateTime.now());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql("SELECT count(*) FROM policy").query(Long.class).single() > 0);
        String rolledBack = story(DASHBOARD_VILLAGE, "萨仁", true);
        String due = eliminationDue();
        String overdue = overdueMeasure();
        await().atMost(Duration.ofSeconds(30)).until(() -> count("household_id = '" + overdue + "'") == 5);

        JsonNode dashboard = get("/api/dashboard?region=" + DASHBOARD_VILLAGE + "&year=2024", "SUPERVISOR",
                "150724");

        assertThat(dashboard.get("byStatus").get("RISK_NOT_ELIMINATED").asLong()).isEqualTo(3);
        assertThat(dashboard.get("byObjectType").get("MARGINAL_VULNERABLE").asLong()).isEqualTo(3);
        assertThat(dashboard.get("byTownship").get("150724213").get("RISK_NOT_ELIMINATED").asLong()).isEqualTo(3);
        assertThat(dashboard.get("months").get("2024-03").get("identifications").asLong()).isEqualTo(3);
        assertThat(dashboard.get("months").get("2024-10").get("eliminations").asLong()).isEqualTo(1);
        assertThat(dashboard.get("months").get("2024-11").get("rollbacks").asLong()).isEqualTo(1);
        assertThat(dashboard.get("months").get("2024-06").get("measuresOverdue").asLong()).isEqualTo(1);
        assertThat(dashboard.get("overdue").get("households").findValuesAsText("householdId"))
                .containsExactly(overdue);
        assertThat(dashboard.get("eliminationDue").get("households").findValuesAsText("householdId"))
                .containsExactly(due);

        byte[] ledger = bytes("/api/ledger?region=" + DASHBOARD_VILLAGE + "&format=xlsx", "INSPECTOR", "150724");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(ledger))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(3);
            Row heading = sheet.getRow(0);
            assertThat(heading.getCell(0).getStringCellValue()).isEqualTo("户编号");
            List<String> households = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                households.add(sheet.getRow(i).getCell(0).getStringCellValue());
                assertThat(sheet.getRow(i).getCell(2).getStringCellValue()).contains("********");
            }
            assertThat(households).containsExactlyInAnyOrder(rolledBack, due, overdue);
        }
        assertThat(status("/api/ledger?region=" + DASHBOARD_VILLAGE + "&format=pdf", "INSPECTOR", "150724"))
                .isEqualTo(400);
    }

    @Test
    void departmentOfficersAndReadersOutsideTheRegionAreRefused() {
        String household = story(VILLAGE, "阿拉坦", false);

        assertThat(status("/api/households/" + household + "/timeline", "DEPARTMENT_OFFICER", "150724"))
                .isEqualTo(403);
        assertThat(status("/api/ledger?region=150724", "DEPARTMENT_OFFICER", "150724")).isEqualTo(403);
        assertThat(status("/api/events", "DEPARTMENT_OFFICER", "150724")).isEqualTo(403);
        assertThat(status("/api/households/" + household + "/timeline", "VILLAGE_OFFICER", "150724213203"))
                .isEqualTo(403);
        assertThat(status("/api/events?region=150724", "TOWNSHIP_REVIEWER", "150724213")).isEqualTo(403);
        assertThat(status("/api/dashboard?region=150702", "SUPERVISOR", "150724")).isEqualTo(403);
        assertThat(rebuild("SUPERVISOR", "00").status()).isEqualTo(403);
    }

    /**
     * A region asked for is a division code, never a pattern; a national reader (region 00) reads a province, or
     * the whole country, across its counties in the event log, its CSV, the dashboard and the ledger.
     */
    @Test
    void aNationalReaderReadsAProvinceAcrossCountiesAndARegionIsNeverAPattern() throws IOException {
        String actorId = "u-" + UUID.randomUUID();
        String ewenki = identifiedIn(VILLAGE, actorId);
        String hailar = identifiedIn(HAILAR_VILLAGE, actorId);
        await().atMost(Duration.ofSeconds(30)).until(() -> count("actor_id = '" + actorId + "'") == 4
                && jdbc.sql("SELECT count(*) FROM household_status WHERE household_id IN (:ids)")
                .param("ids", List.of(ewenki, hailar)).query(Long.class).single() == 2);

        for (String region : List.of("region=15&", "")) {
            assertThat(get("/api/events?" + region + "actor=" + actorId, "INSPECTOR", "00").get("entries")
                    .findValuesAsText("subject")).contains(ewenki, hailar);
            assertThat(new String(bytes("/api/events.csv?" + region + "actor=" + actorId, "INSPECTOR", "00"),
                    StandardCharsets.UTF_8)).contains(ewenki, hailar);
        }
        JsonNode dashboard = get("/api/dashboard?region=15&year=2024", "SUPERVISOR", "00");
        assertThat(dashboard.get("byTownship").has("150724213")).isTrue();
        assertThat(dashboard.get("byTownship").has("150702001")).isTrue();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(
                bytes("/api/ledger?region=15", "INSPECTOR", "00")))) {
            List<String> households = new ArrayList<>();
            workbook.getSheetAt(0).forEach(row -> households.add(row.getCell(0).getStringCellValue()));
            assertThat(households).contains(ewenki, hailar);
        }

        for (String path : List.of("/api/events", "/api/events.csv", "/api/dashboard", "/api/ledger")) {
            for (String region : List.of("%", "______", "%%%%%%", "15072", "1507242132")) {
                assertThat(status(path + "?region=" + region, "INSPECTOR", "00")).as(path + " " + region)
                        .isEqualTo(400);
            }
        }
        assertThat(status("/api/events?region=15", "SUPERVISOR", "150724")).isEqualTo(403);
    }

    /**
     * A rebuild reaches every household of the country: a county's administrator is refused, and the request is
     * recorded with who asked, in which role and region, when and under which correlation id, where supervisors and
     * inspection teams read it.
     */
    @Test
    void onlyANationalAdminRebuildsAndEveryRequestIsRecordedForInspectors() {
        Reply refused = rebuild("ADMIN", "150724");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body().get("code").asText()).isEqualTo("NATIONAL_ADMIN_REQUIRED");
        JsonNode recorded = get("/api/admin/timeline/actions", "INSPECTOR", "150724213").get("actions").get(0);
        assertThat(recorded.get("action").asText()).isEqualTo("TIMELINE_REBUILD");
        assertThat(recorded.get("outcome").asText()).isEqualTo("NATIONAL_ADMIN_REQUIRED");
        assertThat(recorded.get("actorRole").asText()).isEqualTo("ADMIN");
        assertThat(recorded.get("actorRegion").asText()).isEqualTo("150724");
        assertThat(recorded.get("correlationId").asText()).isEqualTo(refused.correlationId());
        assertThat(OffsetDateTime.parse(recorded.get("requestedAt").asText()).getOffset())
                .isEqualTo(ZoneOffset.ofHours(8));
        assertThat(status("/api/admin/timeline/actions", "VILLAGE_OFFICER", "150724213201")).isEqualTo(403);
    }

    /**
     * An export that runs past its statement timeout (here a lock held on the tables it reads) is stopped by the
     * database and answers 503 problem+json, not a hang and not a file; once the tables are free it runs again.
     */
    @Test
    void anExportStoppedByItsStatementTimeoutAnswers503() {
        List<String> exports = List.of("/api/events.csv?region=150724", "/api/ledger?region=150724",
                "/api/dashboard?region=150724");
        new TransactionTemplate(transactions).executeWithoutResult(locked -> {
            jdbc.sql("LOCK TABLE timeline_entry, household_status IN ACCESS EXCLUSIVE MODE").update();
            for (String export : exports) {
                Reply stopped = exchange(export, "SUPERVISOR", "150724");
                assertThat(stopped.status()).as(export).isEqualTo(503);
                assertThat(stopped.contentType()).as(export).startsWith("application/problem+json");
                assertThat(stopped.disposition()).as(export).doesNotContain("attachment");
                assertThat(stopped.body().get("code").asText()).as(export).isEqualTo("EXPORT_TIMED_OUT");
            }
        });
        for (String export : exports) {
            assertThat(status(export, "SUPERVISOR", "150724")).as(export).isEqualTo(200);
        }
    }

    @Test
    void aRebuildFromTheTopicsGivesTheSameReadSide() {
        story(VILLAGE, "巴特尔", true);
        // more households than the rebuild replays in one batch, and more batches than it keeps in flight
        registered(3_000);
        long entries = count("true");
        List<String> timelineBefore = timelineSnapshot();
        List<String> statusBefore = statusSnapshot();

        assertThat(rebuild("ADMIN", "00").status()).isEqualTo(202);
        assertThat(get("/api/admin/timeline/actions", "INSPECTOR", "00").get("actions").get(0).get("outcome").asText())
                .isEqualTo("ACCEPTED");
        await().atMost(Duration.ofSeconds(60)).until(() -> count("true") == entries
                && timelineSnapshot().equals(timelineBefore) && statusSnapshot().equals(statusBefore));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT count(*) FROM timeline_version WHERE state NOT IN ('LIVE', 'DROPPED')")
                .query(Long.class).single() == 0);
        assertThat(statusSnapshot()).isEqualTo(statusBefore);
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM timeline_entry t WHERE hash <> timeline_entry_digest(t)""")
                .query(Long.class).single()).isZero();
    }

    /**
     * A household from registration to a rollback, its events sent in the order the topics might deliver them (the
     * assistance topic first), each stamped with the day it happened.
     */
    private String story(String village, String head, boolean toRollback) {
        String h = UUID.randomUUID().toString();
        List<Object[]> events = new ArrayList<>(List.of(
                at(new HouseholdRegistered(h, village, 3, head, idNumber("19780312002"),
                        HouseholdCategory.POVERTY_ALLEVIATED, 4), CADRE, "2024-03-01T09:00"),
                at(new MemberAdded(h, village, h + "-m1", head, idNumber("19780312002"), Relation.HEAD,
                        LocalDate.of(1978, 3, 12), LabourCapacity.PARTIAL, Health.SERIOUS_ILLNESS, "REGISTRATION",
                        LocalDate.of(2024, 3, 1)), CADRE, "2024-03-01T09:01"),
                at(new LeadReported(h, village, "lead-" + h, LeadChannel.SELF_REPORT, "户主患病住院，医疗支出较大",
                        LocalDate.of(2024, 3, 5)), CADRE, "2024-03-05T10:00"),
                at(new HouseholdVerified(h, village, "lead-" + h, new BigDecimal("7600.00"), LabourCapacity.PARTIAL,
                        "包银花", true, LocalDate.of(2024, 3, 8)), CADRE, "2024-03-08T15:00"),
                at(new HouseholdIdentified(h, village, "lead-" + h, ObjectType.MARGINAL_VULNERABLE,
                        List.of(RiskType.ILLNESS), LabourCapacity.PARTIAL, new BigDecimal("7600.00"),
                        new BigDecimal("8300.00"), LocalDate.of(2024, 3, 15)), COUNTY, "2024-03-15T11:00"),
                at(new MonitoringStarted(h, village, ObjectType.MARGINAL_VULNERABLE, LocalDate.of(2024, 3, 15)),
                        SYSTEM, "2024-03-15T11:00:01"),
                at(new AssistanceCaseOpened(h, village, ObjectType.MARGINAL_VULNERABLE, List.of(RiskType.ILLNESS),
                        LabourCapacity.PARTIAL, LocalDate.of(2024, 3, 15)), SYSTEM, "2024-03-15T11:00:02"),
                at(new MonthlyMonitoringRecorded(h, village, YearMonth.of(2024, 4), new BigDecimal("6900.00"),
                        List.of(), false), CADRE, "2024-04-10T16:00"),
                at(new WarningRaised(h, village, "w-" + h, WarningLevel.II_YELLOW, "INCOME_BELOW_LINE",
                        new BigDecimal("6900.00"), new BigDecimal("8300.00"), "家庭人均纯收入低于监测收入标准",
                        LocalDate.of(2024, 4, 10)), SYSTEM, "2024-04-10T16:00:01"),
                at(new MeasureAdded(h, village, "m-" + h, MeasureType.MEDICAL_AID, "大病医疗救助",
                        List.of(RiskType.ILLNESS), "医保局", "其其格", LocalDate.of(2024, 6, 30),
                        LocalDate.of(2024, 5, 2)), CADRE, "2024-05-02T09:30"),
                at(new WarningCleared(h, village, "w-" + h, "INCOME_BELOW_LINE", "收入恢复至监测收入标准以上",
                        LocalDate.of(2024, 6, 1)), SYSTEM, "2024-06-01T08:00")));
        if (toRollback) {
            events.add(at(new RiskEliminated(h, village, List.of(RiskType.ILLNESS), LocalDate.of(2024, 10, 1), null),
                    COUNTY, "2024-10-01T10:00"));
            events.add(at(new RiskRolledBack(h, village, "回头看发现务工收入中断", LocalDate.of(2024, 11, 20)),
                    COUNTY, "2024-11-20T10:00"));
        }
        events.stream().filter(e -> type(((PublishedEvent) e[0]).getClass()).contains(".assistance."))
                .forEach(this::send);
        events.stream().filter(e -> !type(((PublishedEvent) e[0]).getClass()).contains(".assistance."))
                .forEach(this::send);
        await().atMost(Duration.ofSeconds(30)).until(() -> count("household_id = '" + h + "'") == events.size());
        return h;
    }

    /** Identified in March 2024 with income above the line for six months since, a measure done, no warning. */
    private String eliminationDue() {
        String h = UUID.randomUUID().toString();
        send(new HouseholdRegistered(h, DASHBOARD_VILLAGE, 1, "斯琴", idNumber("19850715002"),
                HouseholdCategory.GENERAL, 3), CADRE, OffsetDateTime.parse("2024-03-02T09:00+08:00"));
        send(new HouseholdIdentified(h, DASHBOARD_VILLAGE, "lead-" + h, ObjectType.MARGINAL_VULNERABLE,
                        List.of(RiskType.UNSTABLE_EMPLOYMENT), LabourCapacity.FULL, new BigDecimal("7900.00"),
                        new BigDecimal("8300.00"), LocalDate.of(2024, 3, 20)), COUNTY,
                OffsetDateTime.parse("2024-03-20T11:00+08:00"));
        send(new MonitoringStarted(h, DASHBOARD_VILLAGE, ObjectType.MARGINAL_VULNERABLE, LocalDate.of(2024, 3, 20)),
                SYSTEM, OffsetDateTime.parse("2024-03-20T11:00:01+08:00"));
        send(new MeasureAdded(h, DASHBOARD_VILLAGE, "m-" + h, MeasureType.EMPLOYMENT, "推荐到旗内企业务工",
                        List.of(RiskType.UNSTABLE_EMPLOYMENT), "人社局", "德力格尔", LocalDate.of(2024, 5, 31),
                        LocalDate.of(2024, 4, 1)), CADRE, OffsetDateTime.parse("2024-04-01T09:00+08:00"));
        send(new MeasureUpdated(h, DASHBOARD_VILLAGE, "m-" + h, MeasureStatus.COMPLETED, null, "已稳定就业", null,
                null, LocalDate.of(2024, 5, 20)), CADRE, OffsetDateTime.parse("2024-05-20T09:00+08:00"));
        for (int month = 4; month <= 9; month++) {
            send(new MonthlyMonitoringRecorded(h, DASHBOARD_VILLAGE, YearMonth.of(2024, month),
                    new BigDecimal("9600.00"), List.of(), false), CADRE,
                    OffsetDateTime.parse("2024-%02d-20T16:00+08:00".formatted(month)));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> count("household_id = '" + h + "'") == 11);
        return h;
    }

    private String overdueMeasure() {
        String h = UUID.randomUUID().toString();
        send(new HouseholdRegistered(h, DASHBOARD_VILLAGE, 2, "额尔敦", idNumber("19700101001"),
                HouseholdCategory.POVERTY_ALLEVIATED, 2), CADRE, OffsetDateTime.parse("2024-03-03T09:00+08:00"));
        send(new HouseholdIdentified(h, DASHBOARD_VILLAGE, "lead-" + h, ObjectType.MARGINAL_VULNERABLE,
                        List.of(RiskType.DISASTER), LabourCapacity.FULL, new BigDecimal("6100.00"),
                        new BigDecimal("8300.00"), LocalDate.of(2024, 3, 25)), COUNTY,
                OffsetDateTime.parse("2024-03-25T11:00+08:00"));
        send(new MonitoringStarted(h, DASHBOARD_VILLAGE, ObjectType.MARGINAL_VULNERABLE, LocalDate.of(2024, 3, 25)),
                SYSTEM, OffsetDateTime.parse("2024-03-25T11:00:01+08:00"));
        send(new MeasureAdded(h, DASHBOARD_VILLAGE, "m-" + h, MeasureType.HOUSING_SAFETY, "危房改造",
                        List.of(RiskType.DISASTER), "住建局", "朝鲁", LocalDate.of(2024, 5, 31),
                        LocalDate.of(2024, 4, 2)), CADRE, OffsetDateTime.parse("2024-04-02T09:00+08:00"));
        send(new MeasureOverdue(h, DASHBOARD_VILLAGE, "m-" + h, MeasureType.HOUSING_SAFETY, "住建局",
                        LocalDate.of(2024, 5, 31), LocalDate.of(2024, 6, 1)), SYSTEM,
                OffsetDateTime.parse("2024-06-01T02:00+08:00"));
        return h;
    }

    private static PolicyChanged policy() {
        return new PolicyChanged("15", 2024, PolicyThresholds.of(new BigDecimal("8300.00"),
                new BigDecimal("5000.00"), new BigDecimal("10000.00"), new BigDecimal("8000.00"), 5, 15, 5, 25, 6, 6,
                15, 6), "内蒙古自治区 2024 年防止返贫监测收入基准（8300 元）");
    }

    private static Object[] at(PublishedEvent event, ActorRef actor, String localTime) {
        return new Object[] {event, actor,
                LocalDateTime.parse(localTime).atZone(COUNTY_TIME).toOffsetDateTime()};
    }

    private void send(Object[] event) {
        send((PublishedEvent) event[0], (ActorRef) event[1], (OffsetDateTime) event[2]);
    }

    private void send(PublishedEvent event, ActorRef actor, OffsetDateTime at) {
        sending(event, actor, at).join();
    }

    private CompletableFuture<?> sending(PublishedEvent event, ActorRef actor, OffsetDateTime at) {
        EventEnvelope fresh = Envelopes.of(event, actor, UUID.randomUUID().toString());
        EventEnvelope envelope = new EventEnvelope(fresh.id(), fresh.source(), fresh.type(), fresh.subject(), at,
                fresh.regionCode(), actor, fresh.correlationId(), event, null);
        return TopicsRead.send(kafka, envelope.type(), event.subject(), Envelopes.encode(envelope));
    }

    /** Households registered and nothing more, sent without waiting for each other. */
    private void registered(int households) {
        long before = count("true");
        OffsetDateTime at = LocalDateTime.parse("2024-02-01T09:00").atZone(COUNTY_TIME).toOffsetDateTime();
        CompletableFuture.allOf(IntStream.range(0, households)
                .mapToObj(i -> sending(new HouseholdRegistered(UUID.randomUUID().toString(), VILLAGE, 3, "户主" + i,
                        idNumber("19780312002"), HouseholdCategory.GENERAL, 4), CADRE, at.plusMinutes(i)))
                .toArray(CompletableFuture[]::new)).join();
        await().atMost(Duration.ofSeconds(60)).until(() -> count("true") == before + households);
    }

    private static String type(Class<?> event) {
        return EventCatalog.forClass(event).orElseThrow().type();
    }

    /** A valid GB 11643 number of a person born in the Ewenki banner. */
    private static String idNumber(String birthAndSequence) {
        String first17 = "150724" + birthAndSequence;
        return first17 + IdNumber.checkCharacter(first17);
    }

    private JsonNode state(String household, String asOf, String role) {
        return get("/api/households/" + household + "/state?asOf=" + asOf, role, "150724");
    }

    private long count(String condition) {
        return jdbc.sql("SELECT count(*) FROM timeline_entry WHERE " + condition).query(Long.class).single();
    }

    private List<String> timelineSnapshot() {
        return jdbc.sql("""
                        SELECT concat_ws('|', event_id, household_id, region_code, event_type, occurred_at, actor_id,
                                         actor_name, actor_role, correlation_id, summary, data::text, happened_on,
                                         backdating_note, import_source, import_row)
                        FROM timeline_entry ORDER BY event_id""")
                .query(String.class).list();
    }

    private List<String> statusSnapshot() {
        return jdbc.sql("""
                        SELECT concat_ws('|', household_id, region_code, status, object_type, warning_level, safety_net,
                                         open_overdue_items, last_occurred_at, record::text)
                        FROM household_status ORDER BY household_id""")
                .query(String.class).list();
    }

    private JsonNode get(String path, String role, String region) {
        try {
            return json.readTree(bytes(path, role, region));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] bytes(String path, String role, String region) {
        return RestClient.create("http://127.0.0.1:" + port).get().uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.token(role, region))
                .retrieve().body(byte[].class);
    }

    private Reply rebuild(String role, String region) {
        return RestClient.create("http://127.0.0.1:" + port).post().uri("/api/admin/timeline/rebuild")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.token(role, region))
                .header("X-Correlation-Id", "rebuild-" + UUID.randomUUID())
                .exchange((request, response) -> reply(response), false);
    }

    /** A response as a test reads it, whatever its status; the client gives up after 20 s instead of hanging. */
    private Reply exchange(String path, String role, String region) {
        JdkClientHttpRequestFactory patient = new JdkClientHttpRequestFactory();
        patient.setReadTimeout(Duration.ofSeconds(20));
        return RestClient.builder().baseUrl("http://127.0.0.1:" + port).requestFactory(patient).build()
                .get().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.token(role, region))
                .exchange((request, response) -> reply(response), false);
    }

    private Reply reply(ClientHttpResponse response) throws IOException {
        byte[] body = response.getBody().readAllBytes();
        HttpHeaders headers = response.getHeaders();
        return new Reply(response.getStatusCode().value(),
                headers.getContentType() == null ? "" : headers.getContentType().toString(),
                String.valueOf(headers.getFirst(HttpHeaders.CONTENT_DISPOSITION)),
                headers.getFirst("X-Correlation-Id"), body.length == 0 ? null : json.readTree(body));
    }

    record Reply(int status, String contentType, String disposition, String correlationId, JsonNode body) {
    }

    /** Registered and identified as a monitoring object in March 2024, both by the county approver {@code actorId}. */
    private String identifiedIn(String village, String actorId) {
        ActorRef actor = new ActorRef(actorId, "图雅", "COUNTY_APPROVER", village.substring(0, 6));
        String h = UUID.randomUUID().toString();
        send(new HouseholdRegistered(h, village, 1, "苏和", idNumber("19800101003"), HouseholdCategory.GENERAL, 3),
                actor, OffsetDateTime.parse("2024-03-02T09:00+08:00"));
        send(new HouseholdIdentified(h, village, "lead-" + h, ObjectType.MARGINAL_VULNERABLE,
                        List.of(RiskType.ILLNESS), LabourCapacity.FULL, new BigDecimal("7000.00"),
                        new BigDecimal("8300.00"), LocalDate.of(2024, 3, 20)), actor,
                OffsetDateTime.parse("2024-03-20T11:00+08:00"));
        return h;
    }

    private int status(String path, String role, String region) {
        return RestClient.create("http://127.0.0.1:" + port).get().uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.token(role, region))
                .exchange((request, response) -> response.getStatusCode().value(), false);
    }
}
