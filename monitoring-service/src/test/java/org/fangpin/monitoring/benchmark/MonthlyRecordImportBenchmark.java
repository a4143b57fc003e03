package org.fangpin.monitoring.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.fangpin.testsupport.Benchmark.print;
import static org.fangpin.testsupport.Benchmark.secondsSince;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.YearMonth;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;

import org.fangpin.contracts.value.ObjectType;
import org.fangpin.monitoring.Given;
import org.fangpin.monitoring.process.MonthlyRecordImport;
import org.fangpin.monitoring.process.MonthlyRecordImport.Report;
import org.fangpin.platform.actor.Actor;
import org.fangpin.platform.actor.RequestContext;
import org.fangpin.platform.actor.Role;
import org.fangpin.platform.imports.ImportProgress;
import org.fangpin.testsupport.Benchmark;
import org.fangpin.testsupport.WithRealInfrastructure;

/**
 * A county's go-live records file (issue #17.4: 5,000 monitored households with 24 months each) through the import,
 * beside a bare COPY of the same rows into an unlogged table. The households are made known and monitored the way
 * the service learns of them: their {@code HouseholdRegistered} and {@code HouseholdIdentified} events on Kafka,
 * read by the service's own consumers. Not part of the test suite: {@code mvn -B verify -Pbenchmark -pl
 * monitoring-service -Dit.test=MonthlyRecordImportBenchmark [-Dbenchmark.households=5000]}.
 */
@SpringBootTest(properties = "logging.level.root=WARN")
@WithRealInfrastructure
class MonthlyRecordImportBenchmark {

    private static final String VILLAGE = "150724213201";
    private static final YearMonth FIRST_MONTH = YearMonth.of(2024, 7);
    private static final int MONTHS = 24;
    private static final String HEADER = "户主证件号码,监测年月,走访日期,人均纯收入\n";

    @Autowired
    MonthlyRecordImport imports;
    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;

    @Test
    void aCountysMonthlyRecordsAreImportedAndTheirFiguresPrinted() throws Exception {
        int households = Integer.getInteger("benchmark.households", 5_000);
        Given given = new Given(kafka);
        long setUp = System.nanoTime();
        given.policy2024();
        for (int h = 0; h < households; h++) {
            given.registered("hh-" + h, VILLAGE, "户主" + h, Benchmark.idNumber(h));
            given.identified("hh-" + h, VILLAGE, h % 2 == 0 ? ObjectType.UNSTABLE_ALLEVIATED
                    : ObjectType.MARGINAL_VULNERABLE);
        }
        kafka.flush();
        await().atMost(Duration.ofMinutes(20)).pollInterval(Duration.ofSeconds(1)).until(() -> jdbc.sql("""
                SELECT count(*) FROM monitored_household mh JOIN registry_member m USING (household_id)""")
                .query(Long.class).single() == households);
        print("set-up: %,d households registered and monitored through the service's consumers in %.1f s",
                households, secondsSince(setUp));

        byte[] file = file(households);
        print("file: %,d households x %d months = %,d rows, %.1f MB", households, MONTHS, households * MONTHS,
                file.length / 1e6);
        double bareCopy = Benchmark.bareCopy(dataSource, file, 4);
        print("bare PostgreSQL COPY of the file into an unlogged table: %.2f s", bareCopy);

        Actor county = new Actor("u-bench", "旗乡村振兴局", Role.COUNTY_APPROVER, "150724");
        long start = System.nanoTime();
        Report report = RequestContext.runAs(county, "benchmark",
                () -> imports.importFile("records.csv", file, new ImportProgress()));
        double imported = secondsSince(start);
        print("import: %,d months recorded for %,d households in %.1f s (%,.0f rows/s; %.0f x the COPY)",
                report.recorded(), report.households(), imported, report.rows() / imported, imported / bareCopy);

        long againStart = System.nanoTime();
        Report again = RequestContext.runAs(county, "benchmark",
                () -> imports.importFile("records.csv", file, new ImportProgress()));
        print("the same file again: %,d unchanged in %.1f s", again.unchanged(), secondsSince(againStart));

        assertThat(report.refusedCount()).as("%s", report.refused()).isZero();
        assertThat(report.recorded()).isEqualTo(households * MONTHS);
        assertThat(again.unchanged()).isEqualTo(households * MONTHS);
    }

    /** A sixth of the months below the 8,300-yuan line, so that warnings are raised and cleared as live. */
    private static byte[] file(int households) {
        StringBuilder csv = new StringBuilder(households * MONTHS * 50).append(HEADER);
        for (int h = 0; h < households; h++) {
            String head = Benchmark.idNumber(h);
            for (int m = 0; m < MONTHS; m++) {
                YearMonth month = FIRST_MONTH.plusMonths(m);
                csv.append(head).append(',').append(month).append(',').append(month.atDay(10 + h % 15)).append(',')
                        .append((h + m) % 6 == 0 ? "7450.00" : (9000 + h % 700) + ".50").append('\n');
            }
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

}
