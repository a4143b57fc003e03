package org.fangpin.identification.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fangpin.testsupport.Benchmark.print;
import static org.fangpin.testsupport.Benchmark.secondsSince;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import org.fangpin.contracts.value.IdNumber;
import org.fangpin.identification.process.HouseholdImport;
import org.fangpin.identification.process.HouseholdImport.Report;
import org.fangpin.platform.actor.Actor;
import org.fangpin.platform.actor.RequestContext;
import org.fangpin.platform.actor.Role;
import org.fangpin.platform.imports.ImportProgress;
import org.fangpin.testsupport.Benchmark;
import org.fangpin.testsupport.WithRealInfrastructure;

/**
 * A county's go-live register (issue #17.4: 200,000 households, of them 5,000 monitoring objects) through the import,
 * beside a bare COPY of the same file into an unlogged table, then a township's further file into the full registry
 * beside it. Not part of the test suite: {@code mvn -B verify
 * -Pbenchmark -pl identification-service -Dbenchmark.households=200000}.
 */
@SpringBootTest(properties = {"logging.level.root=WARN", "fangpin.imports.id-key=a-county-import-key-for-the-benchmark"})
@WithRealInfrastructure
class HouseholdImportBenchmark {

    /** Villages of 巴彦塔拉达斡尔民族乡, Ewenki banner. */
    private static final List<String> VILLAGES = List.of("150724213201", "150724213202", "150724213203");
    private static final String HEADER = "行政区划代码,村民小组,户主姓名,户主证件号码,家庭人口数,户类型,劳动能力,监测对象类别,"
            + "风险类型,识别监测时间,人均纯收入\n";

    @Autowired
    HouseholdImport imports;
    @Autowired
    DataSource dataSource;

    @Test
    void aCountysRegisterIsImportedAndItsFiguresPrinted() throws Exception {
        int households = Integer.getInteger("benchmark.households", 20_000);
        int monitored = Math.max(1, households / 40);
        byte[] file = file(0, households, monitored);
        print("file: %,d households, %,d of them monitoring objects, %.1f MB", households, monitored,
                file.length / 1e6);

        double bareCopy = Benchmark.bareCopy(dataSource, file, 11);
        print("bare PostgreSQL COPY of the file into an unlogged table: %.2f s", bareCopy);

        Actor county = new Actor("u-bench", "旗乡村振兴局", Role.COUNTY_APPROVER, "150724");
        long start = System.nanoTime();
        Report report = RequestContext.runAs(county, "benchmark", () -> imports.importFile("go-live.csv", file, new ImportProgress()));
        double imported = secondsSince(start);
        print("import: %,d households registered, %,d identified in %.1f s (%,.0f households/s; %.0f x the COPY)",
                report.registered(), report.identified(), imported, households / imported, imported / bareCopy);

        long againStart = System.nanoTime();
        Report again = RequestContext.runAs(county, "benchmark", () -> imports.importFile("go-live.csv", file, new ImportProgress()));
        print("the same file again: %,d unchanged in %.1f s", again.unchanged(), secondsSince(againStart));

        // a township's file after the county's: new households, each looked up first in a registry now full
        int further = Integer.getInteger("benchmark.furtherHouseholds", 20_000);
        byte[] furtherFile = file(households, further, Math.max(1, further / 40));
        long furtherStart = System.nanoTime();
        Report afterwards = RequestContext.runAs(county, "benchmark",
                () -> imports.importFile("township.csv", furtherFile, new ImportProgress()));
        double furtherSeconds = secondsSince(furtherStart);
        print("a further file of %,d new households into the registry of %,d: %.1f s (%,.0f households/s, against "
                + "%,.0f/s into the empty registry)", afterwards.registered(), households, furtherSeconds,
                further / furtherSeconds, households / imported);

        assertThat(report.refusedCount()).isZero();
        assertThat(report.registered()).isEqualTo(households);
        assertThat(again.unchanged()).isEqualTo(households);
        assertThat(afterwards.registered()).isEqualTo(further);
    }

    /** Households numbered {@code first} on; one in {@code households / monitored} a monitoring object. */
    private static byte[] file(int first, int households, int monitored) {
        StringBuilder csv = new StringBuilder(households * 110).append(HEADER);
        LocalDate identifiedOn = LocalDate.now().minusMonths(24);
        for (int i = first; i < first + households; i++) {
            String first17 = "150724" + (19500101 + (i % 28) + 100 * ((i / 28) % 12) + 10000 * ((i / 336) % 50))
                    + String.format("%03d", i / 16800);
            String idNumber = first17 + IdNumber.checkCharacter(first17);
            boolean object = i % (households / monitored) == 0;
            csv.append(VILLAGES.get(i % VILLAGES.size())).append(',').append(1 + i % 9).append(",户主")
                    .append(i).append(',').append(idNumber).append(",4,脱贫户,有劳动能力,")
                    .append(object ? "脱贫不稳定户,因病," + identifiedOn.plusDays(i % 60) + ",7100.00" : ",,,")
                    .append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

}
