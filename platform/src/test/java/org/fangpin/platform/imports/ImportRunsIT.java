package org.fangpin.platform.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import org.fangpin.platform.actor.Actor;
import org.fangpin.platform.actor.RequestContext;
import org.fangpin.platform.actor.Role;
import org.fangpin.platform.web.PlatformTestApplication;
import org.fangpin.platform.web.RuleViolation;
import org.fangpin.testsupport.WithRealInfrastructure;

/**
 * An import runs as a batch whose progress anyone of the importer's county reads while it runs and whose report they
 * read when it is done; a file refused whole is a refused batch with its reason in Chinese.
 */
@SpringBootTest(classes = PlatformTestApplication.class,
        properties = {"fangpin.service=platform-test", "fangpin.publishing.enabled=false"})
@WithRealInfrastructure
class ImportRunsIT {

    private static final Actor COUNTY = new Actor("u-county", "旗乡村振兴局", Role.COUNTY_APPROVER, "150724");
    private static final Actor OTHER_COUNTY = new Actor("u-other", "其他旗", Role.COUNTY_APPROVER, "150725");
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Autowired
    ImportRuns runs;

    @Test
    void theProgressOfARunningImportIsReadFromTheDatabaseAndItsReportWhenDone() throws Exception {
        CountDownLatch halfWritten = new CountDownLatch(1);
        CountDownLatch goOn = new CountDownLatch(1);
        FileImport halting = new FileImport() {
            @Override
            public void checkHeader(byte[] content) {
            }

            @Override
            public Object importFile(String fileName, byte[] content, ImportProgress progress) {
                progress.total(3);
                progress.validated(3);
                progress.writing();
                progress.written(1);
                halfWritten.countDown();
                waitFor(goOn);
                progress.written(1);
                progress.refused(1);
                return Map.of("fileName", fileName, "importer", RequestContext.requireActor().id());
            }
        };

        UUID id = as(COUNTY, () -> runs.start(halting, "存量户.csv", new byte[0]));
        assertThat(halfWritten.await(20, TimeUnit.SECONDS)).isTrue();

        ImportRun running = await().atMost(PATIENCE).until(() -> as(COUNTY, () -> runs.require(id)),
                run -> run.rowsWritten() == 1);
        assertThat(running.state()).isEqualTo("WRITING");
        assertThat(List.of(running.rowsTotal(), running.rowsValidated(), running.rowsWritten(), running.rowsRefused()))
                .containsExactly(3, 3, 1, 0);
        assertThat(running.finished()).isFalse();
        assertThat(as(OTHER_COUNTY, () -> runs.find(id))).as("another county's batch").isEmpty();

        goOn.countDown();
        ImportRun done = await().atMost(PATIENCE).until(() -> as(COUNTY, () -> runs.require(id)),
                ImportRun::finished);
        assertThat(done.state()).isEqualTo("DONE");
        assertThat(List.of(done.rowsTotal(), done.rowsValidated(), done.rowsWritten(), done.rowsRefused()))
                .containsExactly(3, 3, 2, 1);
        assertThat(done.report().get("fileName").asText()).isEqualTo("存量户.csv");
        assertThat(done.report().get("importer").asText()).as("run as the importer").isEqualTo("u-county");
    }

    @Test
    void aFileRefusedWholeIsARefusedBatchWithItsReasonInChinese() {
        FileImport refusing = new FileImport() {
            @Override
            public void checkHeader(byte[] content) {
            }

            @Override
            public Object importFile(String fileName, byte[] content, ImportProgress progress) {
                throw RuleViolation.of("IMPORT_FILE_TOO_MANY_ROWS", 1_048_576);
            }
        };

        UUID id = as(COUNTY, () -> runs.start(refusing, "大表.xlsx", new byte[0]));

        ImportRun refused = await().atMost(PATIENCE).until(() -> as(COUNTY, () -> runs.require(id)),
                ImportRun::finished);
        assertThat(refused.state()).isEqualTo("REFUSED");
        assertThat(refused.report()).isNull();
        assertThat(refused.problem().code()).isEqualTo("IMPORT_FILE_TOO_MANY_ROWS");
        assertThat(refused.problem().detail()).contains("CSV");
    }

    private static <T> T as(Actor actor, Supplier<T> work) {
        return RequestContext.runAs(actor, "test", work);
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
