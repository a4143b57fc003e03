package org.fangpin.identification.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.fangpin.identification.Procedure.idNumber;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

import org.fangpin.contracts.Topics;
import org.fangpin.contracts.envelope.EventEnvelope;
import org.fangpin.contracts.identification.HouseholdIdentified;
import org.fangpin.identification.Procedure;
import org.fangpin.identification.Procedure.Reply;
import org.fangpin.identification.Published;
import org.fangpin.testsupport.DevTokenIssuer;
import org.fangpin.testsupport.KafkaBroker;
import org.fangpin.testsupport.WithRealInfrastructure;

/** 存量导入 through the API: the sample file of deploy/import, refused rows, and a second import of the same file. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "fangpin.imports.id-key=a-county's-import-key-for-tests-0001")
@WithRealInfrastructure
class HouseholdImportIT {

    private static final String HEADER = "行政区划代码,村民小组,户主姓名,户主证件号码,家庭人口数,户类型,劳动能力,监测对象类别,"
            + "风险类型,识别监测时间,人均纯收入\n";
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    DevTokenIssuer tokens;
    @Autowired
    KafkaBroker kafka;
    @Autowired
    JdbcClient jdbc;

    private Procedure procedure;

    @BeforeEach
    void setUp() {
        procedure = new Procedure(port, tokens);
    }

    @Test
    void theExistingRegisterIsImportedWithItsDaysAndItsProvenanceAndASecondImportChangesNothing() throws IOException {
        byte[] sample = Files.readAllBytes(Path.of("..", "deploy", "import", "households-sample.csv"));

        Reply first = upload("COUNTY_APPROVER", "150724", "households-sample.csv", sample);

        assertThat(first.status()).isEqualTo(202);
        assertThat(first.body().get("state").asText()).isEqualTo("DONE");
        assertThat(List.of(first.body().get("rowsTotal").asInt(), first.body().get("rowsValidated").asInt(),
                first.body().get("rowsWritten").asInt(), first.body().get("rowsRefused").asInt()))
                .as("total, validated, written, refused").containsExactly(7, 7, 7, 0);
        assertThat(report(first).get("rows").asInt()).isEqualTo(7);
        assertThat(report(first).get("registered").asInt()).isEqualTo(4);
        assertThat(report(first).get("identified").asInt()).isEqualTo(3);
        assertThat(report(first).get("membersAdded").asInt()).isEqualTo(3);
        assertThat(report(first).get("refusedCount").asInt()).isZero();
        String household = jdbc.sql("SELECT household_id FROM household_view WHERE head_id_number = :id")
                .param("id", "150724196803150010").query(String.class).single();
        HouseholdIdentified identified = Published.about(kafka, Topics.IDENTIFICATION, household, 3).stream()
                .map(EventEnvelope::data).filter(HouseholdIdentified.class::isInstance)
                .map(HouseholdIdentified.class::cast).findFirst().orElseThrow();
        assertThat(identified.identifiedOn()).isEqualTo(LocalDate.of(2025, 3, 18));
        assertThat(identified.monitoringLine()).isEqualByComparingTo("8300.00");
        List<JsonNode> metadata = jdbc.sql("""
                        SELECT convert_from(metadata, 'UTF8') FROM domainevententry
                        WHERE aggregateidentifier = :id ORDER BY sequencenumber""")
                .param("id", household).query(String.class).list().stream().map(HouseholdImportIT::json).toList();
        assertThat(metadata).isNotEmpty().allSatisfy(meta -> {
            assertThat(meta.get("importSource").asText()).isEqualTo("households-sample.csv");
            assertThat(meta.get("actorRole").asText()).isEqualTo("COUNTY_APPROVER");
        });
        assertThat(metadata).extracting(meta -> meta.get("importRow").asInt()).as("each member's event names its row")
                .containsExactly(2, 2, 2, 2, 2, 3, 4);
        assertThat(jdbc.sql("""
                        SELECT name || ':' || relation || ':' || coalesce(birth_date::text, '') FROM member_view
                        WHERE household_id = :id AND relation <> 'HEAD' ORDER BY name""")
                .param("id", household).query(String.class).list())
                .containsExactlyInAnyOrder("萨仁:SPOUSE:1970-05-12", "巴雅尔:CHILD:2001-09-03");
        String leadId = identified.leadId();
        JsonNode screen = procedure.county(HttpMethod.GET, "/api/leads/{id}", null, leadId).body();
        assertThat(screen.get("lead").get("decidedOn").asText()).isEqualTo("2025-03-18");
        assertThat(screen.get("steps").findValuesAsText("step")).containsExactly("IMPORTED", "IDENTIFIED");
        assertThat(screen.get("steps").get(0).get("note").asText()).contains("households-sample.csv", "第 2 行");

        long stored = storedEvents();
        Reply again = upload("COUNTY_APPROVER", "150724", "households-sample.csv", sample);

        assertThat(report(again).get("registered").asInt()).isZero();
        assertThat(report(again).get("identified").asInt()).isZero();
        assertThat(report(again).get("membersAdded").asInt()).isZero();
        assertThat(report(again).get("unchanged").asInt()).isEqualTo(7);
        assertThat(storedEvents()).isEqualTo(stored);
    }

    @Test
    void refusedRowsAreListedWithTheirLineAndReasonInChineseAndNothingOfThemIsWritten() {
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1).toString();
        String valid = idNumber("15072419700101101");
        String csv = HEADER
                + "150724213203,1,白音,150724197001011006,3,脱贫户,有劳动能力,,,,\n"
                + "150725200200,1,哈斯,"  + idNumber("15072519700101102") + ",3,脱贫户,有劳动能力,,,,\n"
                + "150724213203,1,图雅," + idNumber("15072419700101103") + ",3,一般农户,有劳动能力,边缘易致贫户,因病,"
                + today + ",6800.00\n"
                + "150724213203,1,阿拉坦," + idNumber("15072419700101104") + ",3,一般农户,有劳动能力,边缘易致贫户,因穷,"
                + "2025-01-10,6800.00\n"
                + "150724213203,2,敖登," + valid + ",4,脱贫户,有劳动能力,脱贫不稳定户,因病,2025-02-10,7100.00\n"
                + "150724213203,2,敖登," + valid + ",4,脱贫户,有劳动能力,,,,\n";
        long before = storedEvents();

        Reply reply = upload("COUNTY_APPROVER", "150724", "存量户.csv", csv.getBytes(StandardCharsets.UTF_8));

        assertThat(reply.status()).isEqualTo(202);
        assertThat(List.of(reply.body().get("rowsTotal").asInt(), reply.body().get("rowsWritten").asInt(),
                reply.body().get("rowsRefused").asInt())).as("total, written, refused").containsExactly(6, 1, 5);
        assertThat(report(reply).get("rows").asInt()).isEqualTo(6);
        assertThat(report(reply).get("registered").asInt()).isEqualTo(1);
        assertThat(report(reply).get("identified").asInt()).isEqualTo(1);
        assertThat(report(reply).get("refusedCount").asInt()).isEqualTo(5);
        JsonNode refused = report(reply).get("refused");
        assertThat(refused.findValuesAsText("line")).containsExactly("2", "3", "4", "5", "7");
        assertThat(refused.findValuesAsText("code")).containsExactly("IMPORT_ID_NUMBER_INVALID",
                "OUT_OF_JURISDICTION", "DATE_IN_FUTURE", "IMPORT_VALUE_INVALID", "IMPORT_DUPLICATE_ROW");
        assertThat(refused.get(3).get("message").asText()).contains("风险类型", "因穷");
        assertThat(refused.get(4).get("message").asText()).contains("第 6 行");
        assertThat(storedEvents() - before).as("one household: registered, head, imported, identified, thresholds")
                .isEqualTo(5);
    }

    @Test
    void aHouseholdIsImportedWithAllItsMembersOrNotAtAllAndMembersMayFollowInALaterFile() {
        String header = "行政区划代码,户主姓名,户主证件号码,家庭人口数,户类型,与户主关系,成员姓名,成员证件号码,出生日期,健康状况\n";
        String head = idNumber("15072419650101201");
        String spouse = idNumber("15072419670202202");
        String otherHead = idNumber("15072419600303203");
        String child = idNumber("15072419950404204");
        String csv = header
                + "150724213203,乌力吉," + head + ",3,脱贫户,户主,,,,\n"
                + "150724213203,乌力吉," + head + ",3,脱贫户,配偶,其木格," + spouse + ",1967-02-02,健康\n"
                + "150724213203,乌力吉," + head + ",3,脱贫户,子女,阿木尔," + child + ",1995-04-04,很好\n"
                + ",," + idNumber("15072419990909209") + ",,,子女,图门," + idNumber("15072420000101210") + ",,\n";
        long before = storedEvents();

        Reply refused = upload("COUNTY_APPROVER", "150724", "成员.csv", csv.getBytes(StandardCharsets.UTF_8));

        assertThat(report(refused).get("registered").asInt()).isZero();
        assertThat(report(refused).get("refused").findValuesAsText("line")).containsExactly("2", "3", "4", "5");
        assertThat(report(refused).get("refused").findValuesAsText("code")).containsExactly(
                "IMPORT_HOUSEHOLD_REFUSED", "IMPORT_HOUSEHOLD_REFUSED", "IMPORT_VALUE_INVALID",
                "IMPORT_HOUSEHOLD_NOT_FOUND");
        assertThat(report(refused).get("refused").get(0).get("message").asText()).contains("第 4 行");
        assertThat(storedEvents()).as("nothing of a household with a refused row").isEqualTo(before);

        Reply heads = upload("COUNTY_APPROVER", "150724", "户主.csv", (header
                + "150724213203,乌力吉," + head + ",3,脱贫户,户主,,,,\n"
                + "150724213203,巴图," + otherHead + ",2,一般农户,,,,,\n").getBytes(StandardCharsets.UTF_8));
        Reply members = upload("COUNTY_APPROVER", "150724", "成员.csv", (header
                + ",," + head + ",,,配偶,其木格," + spouse + ",1967-02-02,健康\n"
                + ",," + head + ",,,子女,阿木尔," + child + ",,\n"
                + ",," + otherHead + ",,,子女,其木格," + spouse + ",,\n").getBytes(StandardCharsets.UTF_8));

        assertThat(report(heads).get("registered").asInt()).isEqualTo(2);
        assertThat(report(members).get("membersAdded").asInt()).isEqualTo(2);
        assertThat(report(members).get("refused").findValuesAsText("code")).containsExactly("IMPORT_DUPLICATE_ROW");
        assertThat(jdbc.sql("SELECT birth_date::text FROM member_view WHERE name = '阿木尔'").query(String.class)
                .single()).as("the birth date read from the ID number").isEqualTo("1995-04-04");
    }

    @Test
    void aFileWithoutItsColumnsIsRefusedWholeAndOnlyTheCountyOrAnAdministratorImports() {
        Reply noColumns = upload("COUNTY_APPROVER", "150724", "名单.csv",
                "户主姓名,家庭人口数\n白音,3\n".getBytes(StandardCharsets.UTF_8));
        Reply village = upload("VILLAGE_OFFICER", Procedure.VILLAGE, "名单.csv",
                HEADER.getBytes(StandardCharsets.UTF_8));

        assertThat(noColumns.status()).isEqualTo(422);
        assertThat(noColumns.code()).isEqualTo("IMPORT_COLUMNS_MISSING");
        assertThat(noColumns.body().get("detail").asText()).contains("户主证件号码", "行政区划代码");
        assertThat(village.status()).isEqualTo(403);
    }

    /**
     * The import batch's status once it finished, after its 202 named it in {@code Location}; the answer itself when
     * the file was not accepted.
     */
    private Reply upload(String role, String region, String fileName, byte[] content) {
        RestClient client = procedure.client(role, region);
        ResponseEntity<byte[]> accepted = client.post().uri("/api/households/imports?fileName={name}", fileName)
                .contentType(MediaType.parseMediaType("text/csv")).body(content)
                .exchange((request, response) -> ResponseEntity.status(response.getStatusCode())
                        .headers(response.getHeaders()).body(response.getBody().readAllBytes()), false);
        if (accepted.getStatusCode().value() != 202) {
            return new Reply(accepted.getStatusCode().value(), json(new String(accepted.getBody(),
                    StandardCharsets.UTF_8)));
        }
        URI location = accepted.getHeaders().getLocation();
        assertThat(location.toString()).as("relative, so that it holds behind the gateway")
                .startsWith("/api/households/imports/");
        JsonNode finished = await().atMost(Duration.ofSeconds(30)).until(() -> client.get().uri(location.toString())
                .retrieve().body(JsonNode.class), run -> run.has("finishedAt"));
        return new Reply(202, finished);
    }

    private static JsonNode report(Reply run) {
        return run.body().get("report");
    }

    private long storedEvents() {
        return jdbc.sql("SELECT count(*) FROM domainevententry").query(Long.class).single();
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
