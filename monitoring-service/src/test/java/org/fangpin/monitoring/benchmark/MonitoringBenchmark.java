package org.fangpin.monitoring.benchmark;

import static org.awaitility.Awaitility.await;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.HttpURLConnection;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.fangpin.contracts.Topics;
import org.fangpin.contracts.identification.PolicyChanged;
import org.fangpin.contracts.identification.PolicyThresholds;
import org.fangpin.contracts.value.IdNumber;
import org.fangpin.contracts.value.ObjectType;
import org.fangpin.monitoring.command.Commands.StartMonitoringCommand;
import org.fangpin.monitoring.process.department.StagingComparison;
import org.fangpin.platform.actor.Actor;
import org.fangpin.platform.actor.RequestContext;
import org.fangpin.platform.policy.PolicyBook;
import org.fangpin.platform.tabular.CsvRows;
import org.fangpin.platform.tabular.Rows;
import org.fangpin.platform.tabular.TabularLimits;
import org.fangpin.testsupport.DevTokenIssuer;
import org.fangpin.testsupport.KafkaBroker;
import org.fangpin.testsupport.WithRealInfrastructure;

/**
 * The figures of issue #4, printed, not asserted: a department batch of 1,000,000 rows (1% hits) screened against
 * 200,000 registered households, beside the bare COPY of the same file; then monthly records through HTTP, one per
 * request and a village's households per request, each until Kafka holds every event they caused. Run
 * with {@code mvn -B verify -Pbenchmark -pl monitoring-service} (see BENCHMARK.md); the profile caps the heap of
 * the JVM that runs the service, the broker and this client together at 512 MB.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "logging.level.root=WARN")
@WithRealInfrastructure
class MonitoringBenchmark {

    private static final int HOUSEHOLDS = 200_000;
    private static final int MEMBERS = 3;
    private static final int ROWS = 1_000_000;
    private static final int SCREENING_ROUNDS = 3;
    private static final int MONITORED = 5_000;
    private static final int SINGLE_RECORDS_PER_HOUSEHOLD = 2;
    private static final int CLIENTS = 32;
    private static final int BULK_RECORDS_PER_HOUSEHOLD = 4;
    private static final int BULK_SIZE = 100;
    private static final int BULK_CLIENTS = 4;
    /**
     * Which parts run: {@code all}, {@code screening}, {@code records} (with the chaining cost) or {@code chaining}
     * (the bulk records with and without the chaining trigger) ({@code -Dbenchmark.phases=...}).
     */
    private static final String PHASES = System.getProperty("benchmark.phases", "all");
    private static final String[] VILLAGES = {"150724213201", "150724213202", "150724213203"};
    private static final LocalDate EPOCH = LocalDate.of(1940, 1, 1);
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PolicyBook policy;
    @Autowired
    CommandGateway commands;
    @Autowired
    DevTokenIssuer tokens;
    @Autowired
    KafkaBroker broker;

    private final AtomicLong mostUsed = new AtomicLong();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void figures() throws Exception {
        ScheduledExecutorService heap = Executors.newSingleThreadScheduledExecutor();
        heap.scheduleAtFixedRate(() -> mostUsed.accumulateAndGet(
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max),
                0, 10, TimeUnit.MILLISECONDS);
        policy.record(new PolicyChanged("150724", 2024, PolicyThresholds.of(new BigDecimal("8300.00"),
                new BigDecimal("5000.00"), new BigDecimal("10000.00"), new BigDecimal("8000.00"), 5, 15, 5, 25, 6, 6,
                15, 6), "基准测试"), "benchmark-policy", Instant.now());
        long seeding = System.nanoTime();
        seedRegistry();
        startMonitoring();
        awaitPublished();
        print("seeded %,d households (%,d members), %,d monitored, in %.1f s", HOUSEHOLDS, HOUSEHOLDS * MEMBERS,
                MONITORED, seconds(seeding));
        if (PHASES.equals("all") || PHASES.equals("screening")) {
            screeningRounds();
        }
        if (!PHASES.equals("screening")) {
            YearMonth month = YearMonth.now(ZoneId.of("Asia/Shanghai"));
            if (!PHASES.equals("chaining")) {
                singleRecords(month, 1, "warm-up (not counted)");
                singleRecords(month, SINGLE_RECORDS_PER_HOUSEHOLD, "measured");
            }
            bulkRecords(month, BULK_RECORDS_PER_HOUSEHOLD, "warm-up (not counted)");
            chainingCost(month, bulkRecords(month, BULK_RECORDS_PER_HOUSEHOLD, "measured"));
        }
        heap.shutdownNow();
        print("heap: max %d MB, most used at once (sampled every 10 ms) %d MB", Runtime.getRuntime().maxMemory() >> 20,
                mostUsed.get() >> 20);
    }

    private void screeningRounds() throws Exception {
        double[] ratios = new double[SCREENING_ROUNDS];
        for (int round = 0; round < SCREENING_ROUNDS; round++) {
            Path file = departmentFile(round);
            try {
                ratios[round] = departmentBatch(round + 1, file);
                if (round == SCREENING_ROUNDS - 1) {
                    readers(file);
                    stagingWriters(file);
                }
            } finally {
                Files.deleteIfExists(file);
            }
        }
        Arrays.sort(ratios);
        print("upload + stage + screen, median of %d rounds: %.2f x the bare COPY of its round (target <= 4x)",
                SCREENING_ROUNDS, ratios[SCREENING_ROUNDS / 2]);
    }

    /**
     * The CSV readers side by side on the last round's file, alternating three times (after the rounds, so both are
     * compiled): the platform's hand-written byte reader the department files use, and the same rows read by Apache
     * Commons CSV (docs/decisions/0041).
     */
    private void readers(Path file) throws Exception {
        TabularLimits limits = new TabularLimits("DEPARTMENT_FILE", null, null, null);
        for (int pass = 1; pass <= 3; pass++) {
            double handWritten = read(new CsvRows(Files.newInputStream(file), StandardCharsets.UTF_8, limits));
            double library = read(new CommonsCsvRows(Files.newInputStream(file), StandardCharsets.UTF_8, limits));
            print("CSV reader, pass %d, %,d rows: hand-written %.2f s, Apache Commons CSV %.2f s (%.2f x)", pass,
                    ROWS, handWritten, library, library / handWritten);
        }
    }

    /**
     * The staging writers side by side on the last round's file, alternating three times: the rows read and
     * validated as an upload does, staged by the hand-written binary COPY encoder and by PgBulkInsert's binary writer
     * (docs/decisions/0041), with the bare COPY of the same file beside them.
     */
    private void stagingWriters(Path file) throws Exception {
        for (int pass = 1; pass <= 3; pass++) {
            double bareCopy = bareCopy(file);
            StagingComparison.Pass figures = StagingComparison.pass(dataSource, file);
            print("staging writers, pass %d, %,d rows read and validated: %.2f s; + staged by the hand-written encoder "
                            + "%.2f s, by PgBulkInsert %.2f s (%.2f x); bare COPY %.2f s", pass, ROWS,
                    figures.readOnly(), figures.handWritten(), figures.library(),
                    figures.library() / figures.handWritten(), bareCopy);
        }
    }

    private static double read(Rows rows) throws Exception {
        long start = System.nanoTime();
        long cells = 0;
        try (rows) {
            for (Rows.Row row = rows.next(); row != null; row = rows.next()) {
                cells += row.cells().size();
            }
        }
        if (cells == 0) {
            throw new IllegalStateException("no cells read");
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /**
     * One round: the bare COPY of the file, then the same file through the service, screened and its hits applied
     * before the next round starts, so that each ratio compares two things measured side by side.
     */
    private double departmentBatch(int round, Path file) throws Exception {
        long size = Files.size(file);
        double bareCopy = bareCopy(file);
        print("department file, round %d: %,d rows, %.1f MB; bare PostgreSQL COPY into an unlogged table: %.2f s",
                round, ROWS, size / 1e6, bareCopy);

        long start = System.nanoTime();
        HttpURLConnection upload = (HttpURLConnection) URI.create(base()
                + "/api/department-data/batches?department=MEDICAL_INSURANCE&fileName=bench.csv").toURL()
                .openConnection();
        upload.setRequestMethod("POST");
        upload.setRequestProperty("Authorization", "Bearer " + tokens.token("COUNTY_APPROVER", "150724"));
        upload.setRequestProperty("Content-Type", "text/csv");
        upload.setDoOutput(true);
        upload.setFixedLengthStreamingMode(size);
        try (OutputStream out = new BufferedOutputStream(upload.getOutputStream(), 1 << 20)) {
            Files.copy(file, out);
        }
        String batchId;
        try (InputStream reply = upload.getInputStream()) {
            batchId = JSON.readTree(reply).get("batchId").asText();
        }
        double uploaded = seconds(start);
        print("  upload + validation + staging (HTTP %d): %.2f s", upload.getResponseCode(), uploaded);
        double screened = awaitStatus(batchId, "PUBLISHING", start);
        print("  upload + stage + screen: %.2f s = %.2f x bare COPY (target <= 4x)", screened, screened / bareCopy);
        double completed = awaitStatus(batchId, "COMPLETED", start);
        Map<String, Object> counts = jdbc.sql("SELECT rows_read, rows_rejected, rows_matched, hits, monitored_hits, "
                + "leads_raised FROM department_batch WHERE batch_id = :id").param("id", batchId).query().singleRow();
        print("  hits applied (commands and leads): %.2f s; %s", completed, counts);
        awaitPublished();
        print("  end to end, upload to all hits published on Kafka: %.2f s (target <= 60 s)", seconds(start));
        return screened / bareCopy;
    }

    /** PostgreSQL alone COPYing the file into an unlogged table of text columns. */
    private double bareCopy(Path file) throws Exception {
        long start = System.nanoTime();
        try (Connection connection = dataSource.getConnection(); InputStream in = Files.newInputStream(file)) {
            connection.createStatement().execute("CREATE UNLOGGED TABLE bare_copy (id_number TEXT, name TEXT, "
                    + "indicator TEXT, value TEXT, reported_on TEXT)");
            connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY bare_copy FROM STDIN WITH (FORMAT csv, HEADER true)", in);
            connection.createStatement().execute("DROP TABLE bare_copy");
        }
        return seconds(start);
    }

    /**
     * The single-record path: one request per record, {@value #CLIENTS} clients at once. The rate that counts is up
     * to the moment Kafka holds every event of the records.
     */
    private void singleRecords(YearMonth month, int perHousehold, String pass) throws Exception {
        int total = MONITORED * perHousehold;
        List<Request> requests = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            int household = i % MONITORED;
            requests.add(new Request("/api/monitoring/hh-" + household + "/records", villageOf(household),
                    record(month, household, i / MONITORED), 1));
        }
        send("monthly records, one per request, " + pass, requests, CLIENTS);
    }

    /**
     * The bulk path: a village officer sends the month of {@value #BULK_SIZE} households of their village in one
     * request (one transaction), {@value #BULK_CLIENTS} officers at once.
     */
    /** @return the records answered per second */
    private double bulkRecords(YearMonth month, int perHousehold, String pass) throws Exception {
        List<Request> requests = new ArrayList<>();
        for (int round = 0; round < perHousehold; round++) {
            for (int v = 0; v < VILLAGES.length; v++) {
                for (int first = v; first < MONITORED; first += VILLAGES.length * BULK_SIZE) {
                    StringBuilder body = new StringBuilder("[");
                    int count = 0;
                    for (int h = first; h < Math.min(MONITORED, first + VILLAGES.length * BULK_SIZE);
                         h += VILLAGES.length) {
                        body.append(count++ == 0 ? "" : ",").append("{\"householdId\":\"hh-").append(h)
                                .append("\",\"record\":").append(record(month, h, round)).append('}');
                    }
                    requests.add(new Request("/api/monitoring/records", VILLAGES[v], body.append(']').toString(),
                            count));
                }
            }
        }
        return send("monthly records, up to " + BULK_SIZE + " per request, " + pass, requests, BULK_CLIENTS);
    }

    /**
     * The append cost of the event store's hash chain (ADR 0028): the measured bulk pass again with the chaining
     * trigger disabled (each event gets a constant link instead, so that publishing goes on), in the same run, right
     * after the pass with it. Last of all, because events appended without their link cannot be followed by chained
     * ones.
     */
    private void chainingCost(YearMonth month, double chained) throws Exception {
        // a constant link in place of the computed one: the publisher still finds a link to publish
        jdbc.sql("ALTER TABLE domainevententry ALTER COLUMN chainhash SET DEFAULT CAST(repeat('0', 64) AS bytea)")
                .update();
        jdbc.sql("ALTER TABLE domainevententry DISABLE TRIGGER event_chain_append").update();
        double unchained = bulkRecords(month, BULK_RECORDS_PER_HOUSEHOLD, "measured, without the chaining trigger");
        print("append cost of chaining: %,.0f records/s chained, %,.0f without the trigger: %.1f %% (target <= 10 %%)",
                chained, unchained, 100 * (unchained - chained) / unchained);
    }

    /** A third of the months below the monitoring line, some with medical costs above the warning line. */
    private static String record(YearMonth month, int household, int round) {
        String income = (household + round) % 3 == 0 ? "6100.00" : "9600.00";
        return "{\"month\":\"" + month + "\",\"perCapitaNetIncome\":" + income
                + ",\"contactMethod\":\"HOME_VISIT\",\"rigidExpenditures\":{\"MEDICAL\":"
                + ((household + round) % 7 == 0 ? "6200.00" : "800.00") + "}}";
    }

    private record Request(String path, String village, String body, int records) {
    }

    /** @return the records answered per second */
    private double send(String label, List<Request> requests, int clients) throws Exception {
        Map<String, String> tokenOf = Arrays.stream(VILLAGES).collect(Collectors.toMap(v -> v,
                v -> "Bearer " + tokens.token("VILLAGE_OFFICER", v)));
        long[] latencies = new long[requests.size()];
        long[] perRecord = new long[requests.size()];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            running.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < requests.size(); i = next.getAndIncrement()) {
                    Request request = requests.get(i);
                    long sent = System.nanoTime();
                    HttpResponse<String> reply = http.send(HttpRequest.newBuilder(URI.create(base() + request.path()))
                            .header("Authorization", tokenOf.get(request.village()))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(request.body())).build(),
                            HttpResponse.BodyHandlers.ofString());
                    latencies[i] = System.nanoTime() - sent;
                    perRecord[i] = latencies[i] / request.records();
                    if (reply.statusCode() != 201) {
                        failures.incrementAndGet();
                        print("  refused (%d): %s", reply.statusCode(), reply.body());
                    }
                }
                return null;
            }));
        }
        for (Future<?> client : running) {
            client.get();
        }
        double answered = seconds(start);
        pool.shutdown();
        awaitPublished();
        double published = seconds(start);
        int records = requests.stream().mapToInt(Request::records).sum();
        Arrays.sort(latencies);
        Arrays.sort(perRecord);
        print("%s: %,d records in %,d requests from %d clients, %d failed", label, records, requests.size(), clients,
                failures.get());
        print("  all answered after %.1f s = %,.0f records/s; every event on Kafka after %.1f s = %,.0f records/s "
                + "(target >= 1,000/s)", answered, records / answered, published, records / published);
        print("  latency per request p50 %.1f ms, p99 %.1f ms; per record (request latency / its records) "
                        + "p50 %.2f ms, p99 %.2f ms", percentile(latencies, 50), percentile(latencies, 99),
                percentile(perRecord, 50), percentile(perRecord, 99));
        return records / answered;
    }

    private static double percentile(long[] sorted, int percent) {
        return sorted[Math.min(sorted.length - 1, sorted.length * percent / 100)] / 1e6;
    }

    private void seedRegistry() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            copy(copy, "COPY registry_household (household_id, region_code, category) FROM STDIN", HOUSEHOLDS,
                    h -> "hh-" + h + "\t" + villageOf(h) + "\tPOVERTY_ALLEVIATED\n");
            copy(copy, "COPY registry_member (household_id, id_number, member_id) FROM STDIN", HOUSEHOLDS * MEMBERS,
                    m -> "hh-" + m / MEMBERS + "\t" + idNumber(m) + "\tm-" + m + "\n");
            connection.createStatement().execute("VACUUM ANALYZE registry_household, registry_member");
            connection.createStatement().execute("CHECKPOINT");
        }
    }

    private void startMonitoring() throws Exception {
        Actor system = Actor.system("monitoring-benchmark");
        ExecutorService workers = Executors.newFixedThreadPool(8);
        List<Future<?>> started = new ArrayList<>();
        for (int h = 0; h < MONITORED; h++) {
            int household = h;
            started.add(workers.submit(() -> RequestContext.runAs(system, "seed", () -> commands.sendAndWait(
                    new StartMonitoringCommand("hh-" + household, villageOf(household), household % 2 == 0
                            ? ObjectType.UNSTABLE_ALLEVIATED : ObjectType.MARGINAL_VULNERABLE,
                            LocalDate.of(2024, 7, 2))))));
        }
        for (Future<?> done : started) {
            done.get();
        }
        workers.shutdown();
    }

    /**
     * 医保 self-paid costs: every 100th row is above the 5,000-yuan line on a registered household (a fifth of
     * those on monitored ones); 69% of the rows are below the line on registered members; 30% concern people this
     * county's registry does not know. The rounds' files differ in their days only, so that none is a duplicate of
     * another.
     */
    private Path departmentFile(int round) throws Exception {
        Path file = Files.createTempFile("department-benchmark-", ".csv");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("身份证号,姓名,指标,数值,日期\n");
            for (int r = 0; r < ROWS; r++) {
                long member;
                String value;
                if (r % 100 == 0) {
                    int hit = r / 100;
                    int household = hit % 5 == 0 ? (hit / 5) % MONITORED
                            : MONITORED + (int) ((hit * 7919L) % (HOUSEHOLDS - MONITORED));
                    member = (long) household * MEMBERS + r % MEMBERS;
                    value = (5001 + r % 20000) + ".50";
                } else if (r % 10 < 7) {
                    member = (r * 31L) % (HOUSEHOLDS * MEMBERS);
                    value = (r % 4900) + ".25";
                } else {
                    member = HOUSEHOLDS * MEMBERS + r;
                    value = "12000.00";
                }
                out.write(idNumber(member));
                out.write(",参保人,MEDICAL_SELF_PAID,");
                out.write(value);
                out.write(",2024-08-");
                out.write(String.format("%02d", 1 + (r + round) % 28));
                out.write('\n');
            }
        }
        return file;
    }

    /** A unique valid ID number per person: banner 150724, a birth date from 1940 on, a sequence. */
    private static String idNumber(long person) {
        String first17 = "150724" + EPOCH.plusDays(person % 25_000).toString().replace("-", "")
                + String.format("%03d", (person / 25_000) % 1000);
        return first17 + IdNumber.checkCharacter(first17);
    }

    private static String villageOf(int household) {
        return VILLAGES[household % VILLAGES.length];
    }

    private double awaitStatus(String batchId, String status, long start) {
        long[] lastPrint = {System.nanoTime()};
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(50)).until(() -> {
            Map<String, Object> batch = jdbc.sql("SELECT status, rows_read, hits, monitored_hits, leads_raised "
                    + "FROM department_batch WHERE batch_id = :id").param("id", batchId).query().singleRow();
            if ("FAILED".equals(batch.get("status"))) {
                throw new IllegalStateException("batch failed: " + batch);
            }
            if (System.nanoTime() - lastPrint[0] > 5_000_000_000L) {
                print("  progress after %.0f s: %s", seconds(start), batch);
                lastPrint[0] = System.nanoTime();
            }
            return status.equals(batch.get("status"));
        });
        return seconds(start);
    }

    /** Waits until the topic holds at least as many records as the event store holds events. */
    private void awaitPublished() {
        long stored = jdbc.sql("SELECT count(*) FROM domainevententry").query(Long.class).single();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.MONITORING).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(50)).until(() ->
                    consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum() >= stored);
        }
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    /** COPYs generated rows in chunks, so that seeding needs little memory. */
    private static void copy(CopyManager copy, String sql, int count, IntFunction<String> row) throws SQLException {
        CopyIn in = copy.copyIn(sql);
        StringBuilder chunk = new StringBuilder(1 << 20);
        for (int i = 0; i < count; i++) {
            chunk.append(row.apply(i));
            if (chunk.length() > 1 << 19 || i == count - 1) {
                byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
                in.writeToCopy(bytes, 0, bytes.length);
                chunk.setLength(0);
            }
        }
        in.endCopy();
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static void print(String format, Object... args) {
        System.out.printf("[benchmark] " + format + "%n", args);
    }
}
