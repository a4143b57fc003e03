package org.fangpin.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import org.fangpin.contracts.Topics;
import org.fangpin.contracts.value.IdNumber;
import org.fangpin.testsupport.Infrastructure;
import org.fangpin.testsupport.KafkaBroker;
import org.fangpin.testsupport.RealInfrastructureExtension;
import org.fangpin.testsupport.SecuredKafka;

/**
 * Who may do what, where (DESIGN.md §3): every role, with a real Keycloak token, tries one request of each endpoint
 * family through the gateway, on records inside its region (the Ewenki banner 150724) and outside it (the Chen
 * Barag banner 150725). The whole observed matrix must equal {@link #EXPECTED}; a request counts as allowed unless
 * it is refused with 401 or 403. Along the way: ID numbers reach only the roles that need them.
 */
@ExtendWith(RealInfrastructureExtension.class)
@SecuredKafka
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccessMatrixIT {

    /**
     * The access rules, a column per role (VILLAGE for VILLAGE_OFFICER, ...). {@code in}: allowed on records of the
     * role's own region only; {@code in+out}: also outside it; {@code -}: refused. The operations of the services
     * (dead letters, the verification of an event store, a rebuild) are for national scope only, so every role of a
     * region is refused them; the record of those operations is open to supervisors, inspectors and administrators. Department-data uploads always go
     * to the uploader's own region, so a batch of the county's medical insurance office is the county's, beyond a
     * village's or a township's view.
     */
    private static final String EXPECTED = """
            family             VILLAGE  TOWNSHIP COUNTY  DEPARTMENT SUPERVISOR INSPECTOR ADMIN
            household-read     in       in       in      -          in         in        in
            household-write    in       in       in      -          -          -         -
            lead-read          in       in       in      -          in         in        in
            lead-write         in       in       in      -          -          -         -
            policy-read        in       in       in      -          in         in        in
            policy-write       -        -        in      -          -          -         in
            monitoring-read    in       in       in      -          in         in        in
            records-read       in       in       in      -          in         in        in
            records-write      in       in       -       -          -          -         -
            warnings-read      in       in       in      -          in         in        in
            department-upload  -        -        in      in         -          -         -
            batch-read         -        -        in      in         in         in        in
            assistance-read    in       in       in      -          in         in        in
            assistance-write   in       in       in      -          -          -         -
            timeline-read      in       in       in      -          in         in        in
            state-read         in       in       in      -          in         in        in
            event-log          in       in       in      -          in         in        in
            dashboard          in       in       in      -          in         in        in
            ledger             in       in       in      -          in         in        in
            monitoring-closure -        -        in      -          -          -         -
            missed-check       -        -        in      -          -          -         -
            missed-read        in       in       in      -          in         in        in
            dead-letters       -        -        -       -          -          -         -
            admin-actions      -        -        -       -          in         in        in
            evidence-verify    -        -        -       -          -          -         -
            timeline-rebuild   -        -        -       -          -          -         -
            """;

    /** The roles that verify and decide on households, and so see residents' ID numbers in full. */
    private static final Set<String> SEE_ID_NUMBERS = Set.of("VILLAGE_OFFICER", "TOWNSHIP_REVIEWER",
            "COUNTY_APPROVER");
    private static final Map<String, String> ROLE_REGIONS = new LinkedHashMap<>();

    static {
        ROLE_REGIONS.put("VILLAGE_OFFICER", "150724213201");
        ROLE_REGIONS.put("TOWNSHIP_REVIEWER", "150724213");
        ROLE_REGIONS.put("COUNTY_APPROVER", "150724");
        ROLE_REGIONS.put("DEPARTMENT_OFFICER", "150724");
        ROLE_REGIONS.put("SUPERVISOR", "150724");
        ROLE_REGIONS.put("INSPECTOR", "150724");
        ROLE_REGIONS.put("ADMIN", "150724");
    }

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final String DEPARTMENT = "MEDICAL_INSURANCE";
    private static final AtomicInteger PERSONS = new AtomicInteger();
    /** Every resident's ID number and name this run used: none may reach a log, nor a role that does not need it. */
    private static final Set<String> ID_NUMBERS = ConcurrentHashMap.newKeySet();
    private static final Set<String> NAMES = ConcurrentHashMap.newKeySet();
    private static final Set<String> SETUP_USERS = ConcurrentHashMap.newKeySet();

    private static Keycloak keycloak;
    private static KafkaBroker kafka;
    private static RunningSystem system;
    private static Side inside;
    private static Side outside;

    private final ObjectMapper json = new ObjectMapper();

    /** Records of one banner: a household identified, monitored and assisted, its case and a department batch. */
    private record Side(String county, String township, String village, String householdId, String leadId,
                        String batchId, String headIdNumber) {
    }

    private record Request(HttpMethod method, String uri, MediaType type, Object body) {
    }

    /** One endpoint family: the request a role sends on a side's records, none for outside if it has no target. */
    private record Probe(String family, Function<Side, Request> request, boolean hasOutside) {
    }

    private record Reply(int status, byte[] body) {

        boolean allowed() {
            return status != 401 && status != 403;
        }

        /** The body as text; of an XLSX workbook (a zip), the text of all its parts. */
        String text() {
            if (body.length < 2 || body[0] != 'P' || body[1] != 'K') {
                return new String(body, StandardCharsets.UTF_8);
            }
            // a streamed workbook is read through its central directory, so from a file
            try {
                Path workbook = Files.createTempFile("ledger", ".xlsx");
                try (ZipFile zip = new ZipFile(Files.write(workbook, body).toFile())) {
                    StringBuilder text = new StringBuilder();
                    for (ZipEntry entry : Collections.list(zip.entries())) {
                        text.append(new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8));
                    }
                    return text.toString();
                } finally {
                    Files.delete(workbook);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @BeforeAll
    static void startTheSystemWithKeycloak(Infrastructure infrastructure) {
        kafka = infrastructure.kafka();
        keycloak = Keycloak.start(RunningSystem.logsRoot().resolve("access-matrix"));
        // The services fetch Keycloak's keys at the first request, so all start together.
        system = RunningSystem.start(infrastructure, keycloak.issuer(), keycloak.jwksUri(), "access-matrix");
        keycloak.awaitReady();
        system.awaitHealthy();
        ROLE_REGIONS.forEach((role, region) -> keycloak.createUser(username(role), "演示" + role, role, region,
                "DEPARTMENT_OFFICER".equals(role) ? DEPARTMENT : null));
        inside = prepare("150724", "150724213", "150724213201", "敖其尔");
        outside = prepare("150725", "150725200", "150725200200", "格日勒");
    }

    @AfterAll
    static void stopTheSystem() {
        if (system != null) {
            system.close();
        }
        if (keycloak != null) {
            keycloak.close();
        }
    }

    @Test
    @Order(1)
    void everyRoleMayDoExactlyWhatTheRulesAllowInsideItsRegionAndNothingOutsideIt() {
        Map<String, Map<String, String>> observed = new LinkedHashMap<>();
        List<String> serverErrors = new ArrayList<>();
        for (Probe probe : probes()) {
            Map<String, String> row = new LinkedHashMap<>();
            for (String role : ROLE_REGIONS.keySet()) {
                Reply in = send(role, probe.request().apply(inside));
                Reply out = probe.hasOutside() ? send(role, probe.request().apply(outside))
                        : new Reply(403, new byte[0]);
                row.put(role, in.allowed() ? (out.allowed() ? "in+out" : "in") : (out.allowed() ? "out" : "-"));
                for (Reply reply : List.of(in, out)) {
                    if (reply.status() >= 500) {
                        serverErrors.add(probe.family() + " × " + role + ": " + reply.status() + " "
                                + reply.text());
                    }
                }
            }
            observed.put(probe.family(), row);
        }

        assertThat(serverErrors).as("server errors during the matrix").isEmpty();
        Map<String, Map<String, String>> expected = parse(EXPECTED);
        List<String> differences = new ArrayList<>();
        expected.forEach((family, row) -> row.forEach((role, cell) -> {
            String seen = observed.getOrDefault(family, Map.of()).get(role);
            if (!cell.equals(seen)) {
                differences.add("%-18s × %-18s expected %-6s observed %s".formatted(family, role, cell, seen));
            }
        }));
        assertThat(observed.keySet()).containsExactlyElementsOf(expected.keySet());
        assertThat(differences).as("access matrix differs from the rules; observed:%n%s", format(observed))
                .isEmpty();
    }

    /** Every read a role may make of its region's records, the XLSX ledger included, shows ID numbers masked. */
    @Test
    @Order(2)
    void idNumbersReachOnlyTheRolesThatVerifyAndDecide() {
        for (String role : ROLE_REGIONS.keySet()) {
            Map<String, String> reads = new LinkedHashMap<>();
            for (Probe probe : probes()) {
                Request request = probe.request().apply(inside);
                if (request.method() == HttpMethod.GET) {
                    reads.put(probe.family(), send(role, request).text());
                }
            }
            List<String> shownInFull = new ArrayList<>();
            reads.forEach((family, text) -> ID_NUMBERS.stream().filter(text::contains)
                    .forEach(id -> shownInFull.add(family + " shows " + IdNumber.mask(id) + " in full")));
            if (SEE_ID_NUMBERS.contains(role)) {
                assertThat(reads.get("household-read")).as(role).contains(inside.headIdNumber());
                assertThat(reads.get("ledger")).as(role).contains(inside.headIdNumber());
            } else {
                assertThat(shownInFull).as(role + " must see no ID number in full").isEmpty();
                if (!"-".equals(parse(EXPECTED).get("household-read").get(role))) {
                    assertThat(reads.get("household-read")).as(role).contains(IdNumber.mask(inside.headIdNumber()));
                }
            }
        }
    }

    /**
     * A token whose region is not a division code — empty, short, wildcards, letters — is refused by every endpoint,
     * those that fall back to the user's region included, before anything is read. Keycloak's user profile would
     * not let an administrator set such a region, so the probe's client puts it in the token.
     */
    @Test
    @Order(3)
    void aTokenWithAMalformedRegionIsRefusedEverywhere() {
        List<String> accepted = new ArrayList<>();
        for (String region : List.of("1", "15072", "%%%%%%", "______", "15072_", "abcdef", "00")) {
            String token = keycloak.token(username("COUNTY_APPROVER"), keycloak.clientWithRegionClaim(region));
            for (Probe probe : probes()) {
                Reply reply = sendWith(token, probe.request().apply(inside));
                if (reply.status() != 401 || !reply.text().contains("REGION_CLAIM_INVALID")) {
                    accepted.add(probe.family() + " with region '" + region + "': " + reply.status());
                }
            }
        }

        assertThat(accepted).as("requests not refused with 401 REGION_CLAIM_INVALID").isEmpty();
    }

    /** A national supervisor (region 00) reads every county's records and changes none. */
    @Test
    @Order(4)
    void aNationalSupervisorReadsEveryCountyAndWritesNothing() {
        keycloak.createUser("matrix-national-supervisor", "国家督查", "SUPERVISOR", "00", null);
        String token = keycloak.token("matrix-national-supervisor");
        List<String> wrong = new ArrayList<>();
        for (Probe probe : probes()) {
            String expectation = parse(EXPECTED).get(probe.family()).get("SUPERVISOR");
            for (Side side : List.of(inside, outside)) {
                Reply reply = sendWith(token, probe.request().apply(side));
                if (reply.allowed() != !"-".equals(expectation)) {
                    wrong.add(probe.family() + " on " + side.county() + ": " + reply.status());
                }
            }
        }

        assertThat(wrong).isEmpty();
    }

    /**
     * Read as each service's principal with a plain Kafka client: who a resident is (name, ID number) is on the
     * personal topic, which assistance-service may not read, and nowhere on the public topic every service reads.
     */
    @Test
    @Order(Integer.MAX_VALUE - 1)
    void personalDataOnKafkaReachesOnlyTheServicesThatNeedIt() {
        assertThat(readAll("assistance", Topics.IDENTIFICATION_PERSONAL)).as("assistance reads personal data")
                .isEmpty();
        assertThat(readAll("monitoring", Topics.IDENTIFICATION_PERSONAL)).isPresent();
        List<String> personal = readAll("timeline", Topics.IDENTIFICATION_PERSONAL).orElseThrow();
        List<String> published = readAll("assistance", Topics.IDENTIFICATION).orElseThrow();

        assertThat(personal).as("the personal topic holds the residents registered")
                .anyMatch(record -> ID_NUMBERS.stream().anyMatch(record::contains));
        assertThat(published).isNotEmpty();
        assertThat(published).as("the public topic").noneMatch(record -> ID_NUMBERS.stream().anyMatch(record::contains)
                || NAMES.stream().anyMatch(record::contains));
    }

    /** Every record of the topic as the service's principal; empty when its ACLs do not let it read the topic. */
    private static Optional<List<String>> readAll(String service, String topic) {
        Map<String, Object> config = kafka.clientProperties(service);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, service + ".access-probe-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<String> records = new ArrayList<>();
            int emptyPolls = 0;
            while (emptyPolls < 10 || consumer.assignment().isEmpty() && emptyPolls < 50) {
                List<String> batch = new ArrayList<>();
                consumer.poll(Duration.ofMillis(300)).forEach(record -> batch.add(record.value()));
                records.addAll(batch);
                emptyPolls = batch.isEmpty() ? emptyPolls + 1 : 0;
            }
            return Optional.of(records);
        } catch (TopicAuthorizationException refused) {
            return Optional.empty();
        }
    }

    /** Runs last, over everything the matrix made the services log. */
    @Test
    @Order(Integer.MAX_VALUE)
    void theServicesLogsHoldNoIdNumberOrNameOfAResident() {
        List<String> personalData = new ArrayList<>(ID_NUMBERS);
        personalData.addAll(NAMES);

        assertThat(PersonalDataInLogs.find(system.logFiles(), personalData)).as("personal data in the logs")
                .isEmpty();
    }

    // ---- the endpoint families, one request each

    private static List<Probe> probes() {
        int year = today().getYear();
        return List.of(
                new Probe("household-read", side -> get("/api/households/" + side.householdId()), true),
                new Probe("household-write", side -> post("/api/households", Map.of(
                        "regionCode", side.village(), "villageGroup", 1, "headName", name("乌兰"),
                        "headIdNumber", newIdNumber(side.county()), "category", "GENERAL", "memberCount", 1)), true),
                new Probe("lead-read", side -> get("/api/leads/" + side.leadId()), true),
                new Probe("lead-write", side -> post("/api/leads", Map.of("householdId", side.householdId(),
                        "channel", "CADRE_VISIT", "description", "走访发现家中有人新患重病",
                        "reportedOn", today().minusDays(1).toString())), true),
                new Probe("policy-read", side -> get("/api/policy/" + side.county() + "/" + year), true),
                new Probe("policy-write", side -> new Request(HttpMethod.PUT,
                        "/api/policy/" + side.county() + "/" + year, MediaType.APPLICATION_JSON,
                        PolicyRequest.ewenki(6, 6, "旗乡村振兴局：年度监测帮扶参数")), true),
                new Probe("monitoring-read", side -> get("/api/monitoring/" + side.householdId()), true),
                new Probe("records-read", side -> get("/api/monitoring/" + side.householdId() + "/records"), true),
                new Probe("records-write", side -> post("/api/monitoring/" + side.householdId() + "/records",
                        Map.of("month", YearMonth.from(today()).toString(), "perCapitaNetIncome", "9100.00",
                                "contactMethod", "HOME_VISIT")), true),
                new Probe("warnings-read", side -> get("/api/warnings?region=" + side.village()), true),
                new Probe("department-upload", side -> upload(side.county()), false),
                new Probe("batch-read", side -> get("/api/department-data/batches/" + side.batchId()), true),
                new Probe("assistance-read", side -> get("/api/assistance/" + side.householdId()), true),
                new Probe("assistance-write", side -> post("/api/assistance/" + side.householdId() + "/measures",
                        Map.of("measureType", "EMPLOYMENT", "description", "推荐到旗内企业务工",
                                "riskTypes", List.of("ILLNESS"), "department", "人社局",
                                "responsiblePerson", "包银花", "dueDate", today().plusDays(30).toString())), true),
                new Probe("timeline-read", side -> get("/api/households/" + side.householdId() + "/timeline"), true),
                new Probe("state-read", side -> get("/api/households/" + side.householdId() + "/state?asOf="
                        + today()), true),
                new Probe("event-log", side -> get("/api/events?region=" + side.village()), true),
                new Probe("dashboard", side -> get("/api/dashboard?region=" + side.village()), true),
                new Probe("ledger", side -> get("/api/ledger?region=" + side.village() + "&format=xlsx"), true),
                // the household is not in look-back, so the county's closure is refused by the rules (422), after
                // access was granted, and the household stays monitored for the other checks
                new Probe("monitoring-closure", side -> post("/api/monitoring/" + side.householdId() + "/closure",
                        Map.of("reason", "STABLE_AFTER_LOOK_BACK", "judgement", "回头看连续十二个月收入稳定")), true),
                new Probe("missed-check", side -> post("/api/monitoring/missed-checks?region=" + side.county(),
                        Map.of()), true),
                new Probe("missed-read", side -> get("/api/monitoring/missed?village=" + side.village() + "&month="
                        + YearMonth.from(today())), true),
                new Probe("dead-letters", side -> get("/api/admin/monitoring/dead-letters"), false),
                new Probe("admin-actions", side -> get("/api/admin/timeline/actions"), false),
                new Probe("evidence-verify", side -> get("/api/admin/identification/evidence/verify"), false),
                new Probe("timeline-rebuild", side -> post("/api/admin/timeline/rebuild", Map.of()), false));
    }

    private static Request get(String uri) {
        return new Request(HttpMethod.GET, uri, null, null);
    }

    private static Request post(String uri, Object body) {
        return new Request(HttpMethod.POST, uri, MediaType.APPLICATION_JSON, body);
    }

    /** A medical-insurance file of one resident below every warning line: screened, no lead raised. */
    private static Request upload(String county) {
        String csv = "身份证号,姓名,指标,数值,日期\n" + newIdNumber(county) + "," + name("图雅")
                + ",MEDICAL_SELF_PAID,300.00," + today().minusDays(3) + "\n";
        return new Request(HttpMethod.POST, "/api/department-data/batches?department=" + DEPARTMENT
                + "&fileName=medical-self-pay.csv", MediaType.parseMediaType("text/csv"),
                csv.getBytes(StandardCharsets.UTF_8));
    }

    // ---- the records of each side, made by that side's own users

    private static Side prepare(String county, String township, String village, String headName) {
        RestClient officer = setupUser("VILLAGE_OFFICER", village);
        RestClient reviewer = setupUser("TOWNSHIP_REVIEWER", township);
        RestClient approver = setupUser("COUNTY_APPROVER", county);
        String headIdNumber = newIdNumber(county);
        String householdId = officer.post().uri("/api/households").body(Map.of("regionCode", village,
                        "villageGroup", 2, "headName", name(headName), "headIdNumber", headIdNumber,
                        "category", "POVERTY_ALLEVIATED", "memberCount", 3))
                .retrieve().body(JsonNode.class).get("householdId").asText();
        String leadId = officer.post().uri("/api/leads").body(Map.of("householdId", householdId,
                        "channel", "CADRE_VISIT", "description", "入户走访发现因病支出大",
                        "reportedOn", today().minusDays(8).toString()))
                .retrieve().body(JsonNode.class).get("leadId").asText();
        officer.post().uri("/api/leads/{id}/verification", leadId).body(Map.of("perCapitaNetIncome", 6800.00,
                        "labourCapacity", "PARTIAL", "collector", "娜仁", "householdConfirmed", true,
                        "verifiedOn", today().minusDays(7).toString()))
                .retrieve().toBodilessEntity();
        officer.post().uri("/api/leads/{id}/village-evaluation", leadId).body(Map.of(
                        "opinion", "经村两委、驻村工作队评议，同意纳入", "noticeFrom", today().minusDays(7).toString()))
                .retrieve().toBodilessEntity();
        reviewer.post().uri("/api/leads/{id}/township-review", leadId)
                .body(Map.of("decision", "APPROVE", "opinion", "经乡镇审核，情况属实")).retrieve().toBodilessEntity();
        approver.post().uri("/api/leads/{id}/county-decision", leadId).body(Map.of("decision", "IDENTIFY",
                        "objectType", "MARGINAL_VULNERABLE", "riskTypes", List.of("ILLNESS")))
                .retrieve().toBodilessEntity();

        Request upload = upload(county);
        String batchId = setupUser("DEPARTMENT_OFFICER", county).post().uri(upload.uri())
                .contentType(upload.type()).body(upload.body()).retrieve().body(JsonNode.class)
                .get("batchId").asText();
        // Monitoring, assistance and the timeline learn of the household through Kafka.
        for (String path : List.of("/api/monitoring/{id}", "/api/assistance/{id}", "/api/households/{id}/timeline")) {
            await().atMost(PATIENCE).until(() -> approver.get().uri(path, householdId)
                    .exchange((request, response) -> response.getStatusCode().value(), false) == 200);
        }
        await().atMost(PATIENCE).until(() -> approver.get().uri("/api/department-data/batches/{id}", batchId)
                .exchange((request, response) -> response.getStatusCode().value(), false) == 200);
        return new Side(county, township, village, householdId, leadId, batchId, headIdNumber);
    }

    /** A user of the side's own region who prepares its records, apart from the users of the matrix. */
    private static RestClient setupUser(String role, String region) {
        String username = "setup-" + role.toLowerCase().replace('_', '-') + "-" + region;
        if (!SETUP_USERS.contains(username)) {
            keycloak.createUser(username, "演示" + role, role, region,
                    "DEPARTMENT_OFFICER".equals(role) ? DEPARTMENT : null);
            SETUP_USERS.add(username);
        }
        return system.client(keycloak.token(username));
    }

    // ---- sending and tabulating

    private Reply send(String role, Request request) {
        return sendWith(keycloak.token(username(role)), request);
    }

    /**
     * Sent as a client sends: a 429 of the gateway's per-user limit (not what the matrix checks; a fast machine runs
     * a role's probes faster than its 20 a second) is waited out and sent again, for at most ten seconds.
     */
    private Reply sendWith(String token, Request request) {
        Reply reply = exchange(token, request);
        for (int waited = 0; reply.status() == 429 && waited < 10; waited++) {
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            reply = exchange(token, request);
        }
        return reply;
    }

    private Reply exchange(String token, Request request) {
        RestClient.RequestBodySpec spec = system.client(token).method(request.method())
                .uri(request.uri());
        if (request.body() != null) {
            spec = spec.contentType(request.type()).body(request.body());
        }
        return spec.exchange((req, response) -> new Reply(response.getStatusCode().value(),
                response.getBody().readAllBytes()), false);
    }

    private static String username(String role) {
        return "matrix-" + role.toLowerCase().replace('_', '-');
    }

    private static Map<String, Map<String, String>> parse(String table) {
        List<String[]> rows = table.lines().filter(line -> !line.isBlank()).map(line -> line.trim().split("\\s+"))
                .toList();
        List<String> roles = Arrays.stream(rows.get(0)).skip(1).map(column -> ROLE_REGIONS.keySet().stream()
                .filter(role -> role.startsWith(column)).findFirst().orElseThrow()).toList();
        Map<String, Map<String, String>> parsed = new LinkedHashMap<>();
        for (String[] row : rows.subList(1, rows.size())) {
            Map<String, String> cells = new LinkedHashMap<>();
            for (int i = 0; i < roles.size(); i++) {
                cells.put(roles.get(i), row[i + 1]);
            }
            parsed.put(row[0], cells);
        }
        return parsed;
    }

    private static String format(Map<String, Map<String, String>> matrix) {
        String header = "%-18s %s%n".formatted("family", ROLE_REGIONS.keySet().stream()
                .map(role -> "%-10s".formatted(role.replaceAll("_.*", ""))).collect(Collectors.joining(" ")));
        return header + matrix.entrySet().stream().map(row -> "%-18s %s".formatted(row.getKey(), row.getValue()
                        .values().stream().map(cell -> "%-10s".formatted(cell)).collect(Collectors.joining(" "))))
                .collect(Collectors.joining("\n"));
    }

    // ---- test data that looks like the seeds

    private static String newIdNumber(String county) {
        String first17 = county + "19" + "%02d".formatted(50 + PERSONS.get() % 40) + "0415"
                + "%03d".formatted(PERSONS.incrementAndGet());
        String idNumber = first17 + IdNumber.checkCharacter(first17);
        ID_NUMBERS.add(idNumber);
        return idNumber;
    }

    private static String name(String name) {
        NAMES.add(name);
        return name;
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }
}
