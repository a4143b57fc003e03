package org.fangpin.assistance.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.fangpin.testsupport.Benchmark.print;
import static org.fangpin.testsupport.Benchmark.secondsSince;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;

import org.fangpin.assistance.process.AssistanceHistoryImport;
import org.fangpin.assistance.process.AssistanceHistoryImport.Report;
import org.fangpin.contracts.PublishedEvent;
import org.fangpin.contracts.Topics;
import org.fangpin.contracts.envelope.ActorRef;
import org.fangpin.contracts.identification.HouseholdIdentified;
import org.fangpin.contracts.identification.PolicyChanged;
import org.fangpin.contracts.identification.PolicyThresholds;
import org.fangpin.contracts.value.LabourCapacity;
import org.fangpin.contracts.value.ObjectType;
import org.fangpin.contracts.value.RiskType;
import org.fangpin.platform.actor.Actor;
import org.fangpin.platform.actor.RequestContext;
import org.fangpin.platform.actor.Role;
import org.fangpin.platform.imports.ImportIds;
import org.fangpin.platform.imports.ImportProgress;
import org.fangpin.testsupport.Envelopes;
import org.fangpin.testsupport.Benchmark;
import org.fangpin.testsupport.WithRealInfrastructure;

/**
 * A county's go-live measures (issue #17.4: 20,000 measures over the 5,000 monitored households, each added,
 * started and most completed) through the import, beside a bare COPY of the same rows into an unlogged table. The
 * cases are opened the way the service opens them: each household's {@code HouseholdIdentified} on Kafka, read by
 * the service's own consumer. Not part of the test suite: {@code mvn -B verify -Pbenchmark -pl assistance-service
 * [-Dbenchmark.households=5000]}.
 */
@SpringBootTest(properties = {"logging.level.root=WARN",
        "fangpin.imports.id-key=a-county-import-key-for-the-benchmark"})
@WithRealInfrastructure
class AssistanceHistoryImportBenchmark {

    private static final String VILLAGE = "150724213201";
    private static final int MEASURES = 4;
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private static final LocalDate IDENTIFIED_ON = TODAY.minusMonths(25);
    private static final ActorRef IDENTIFICATION = new ActorRef("system:identification-service",
            "identification-service", "SYSTEM", "");
    private static final String HEADER = "户主证件号码,记录类型,帮扶措施类型,措施内容,针对风险类型,责任单位,责任人,"
            + "制定日期,开始实施日期,完成日期,帮扶成效\n";
    private static final List<String> TYPES = List.of("公益岗位", "产业帮扶", "医疗救助", "就业帮扶");

    @Autowired
    AssistanceHistoryImport imports;
    @Autowired
    ImportIds ids;
    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;

    @Test
    void aCountysMeasuresAreImportedAndTheirFiguresPrinted() throws Exception {
        int households = Integer.getInteger("benchmark.households", 5_000);
        long setUp = System.nanoTime();
        publish(new PolicyChanged("150724", 2020, PolicyThresholds.of(new BigDecimal("8300.00"),
                new BigDecimal("5000.00"), new BigDecimal("10000.00"), new BigDecimal("8000.00"), 5, 15, 5, 25, 6, 6,
                15, 6), "鄂温克族自治旗监测帮扶政策参数"));
        for (int h = 0; h < households; h++) {
            String household = ids.household(Benchmark.idNumber(h));
            publish(new HouseholdIdentified(household, VILLAGE, "lead-" + household, ObjectType.MARGINAL_VULNERABLE,
                    List.of(RiskType.ILLNESS), LabourCapacity.FULL, new BigDecimal("7200.00"),
                    new BigDecimal("8300.00"), IDENTIFIED_ON.plusDays(h % 20)));
        }
        kafka.flush();
        await().atMost(Duration.ofMinutes(20)).pollInterval(Duration.ofSeconds(1)).until(() -> jdbc.sql(
                "SELECT count(*) FROM assistance_case").query(Long.class).single() == households);
        print("set-up: %,d cases opened through the service's consumer in %.1f s", households, secondsSince(setUp));

        byte[] file = file(households);
        print("file: %,d measures of %,d households, %.1f MB", households * MEASURES, households,
                file.length / 1e6);
        double bareCopy = Benchmark.bareCopy(dataSource, file, 11);
        print("bare PostgreSQL COPY of the file into an unlogged table: %.2f s", bareCopy);

        Actor county = new Actor("u-bench", "旗乡村振兴局", Role.COUNTY_APPROVER, "150724");
        long start = System.nanoTime();
        Report report = RequestContext.runAs(county, "benchmark",
                () -> imports.importFile("measures.csv", file, new ImportProgress()));
        double imported = secondsSince(start);
        print("import: %,d measures of %,d households in %.1f s (%,.0f rows/s; %.0f x the COPY)", report.imported(),
                report.households(), imported, report.rows() / imported, imported / bareCopy);

        long againStart = System.nanoTime();
        Report again = RequestContext.runAs(county, "benchmark",
                () -> imports.importFile("measures.csv", file, new ImportProgress()));
        print("the same file again: %,d unchanged in %.1f s", again.unchanged(), secondsSince(againStart));

        assertThat(report.refusedCount()).as("%s", report.refused()).isZero();
        assertThat(report.imported()).isEqualTo(households * MEASURES);
        assertThat(again.unchanged()).isEqualTo(households * MEASURES);
    }

    /** Each household's measures five months apart from its identification, started ten days after, most completed. */
    private static byte[] file(int households) {
        StringBuilder csv = new StringBuilder(households * MEASURES * 130).append(HEADER);
        for (int h = 0; h < households; h++) {
            String head = Benchmark.idNumber(h);
            for (int m = 0; m < MEASURES; m++) {
                LocalDate added = IDENTIFIED_ON.plusDays(h % 20).plusMonths(1 + 5L * m);
                LocalDate completed = added.plusMonths(3);
                csv.append(head).append(",帮扶措施,").append(TYPES.get(m)).append(",措施").append(m + 1)
                        .append(",因病,乡镇人民政府,包村干部").append(h % 50).append(',').append(added).append(',')
                        .append(added.plusDays(10)).append(',')
                        .append(completed.isBefore(TODAY) ? completed + ",已落实" : ",").append('\n');
            }
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void publish(PublishedEvent event) {
        kafka.send(Topics.IDENTIFICATION, event.subject(), Envelopes.encode(Envelopes.of(event, IDENTIFICATION,
                "corr-" + event.subject())));
    }

}
