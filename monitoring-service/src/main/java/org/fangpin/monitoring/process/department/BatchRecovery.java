package org.fangpin.monitoring.process.department;

import java.util.Optional;

import net.javacrumbs.shedlock.core.SimpleLock;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import org.fangpin.platform.actor.Actor;

/**
 * A batch whose replica died is taken over once its lease has run out, by whichever replica finds it first: one cut
 * off while uploading or screening is marked failed (its staging table is unlogged and may be empty after a crash;
 * the department uploads the file again, which is then no duplicate), and one cut off while publishing its hits
 * resumes where it stopped: its hits are kept and marked as they become events. A batch whose replica lives is
 * never touched, however long it takes.
 */
@Component
class BatchRecovery {

    private final JdbcClient jdbc;
    private final ScreeningQueue queue;
    private final BatchLeases leases;

    BatchRecovery(JdbcClient jdbc, ScreeningQueue queue, BatchLeases leases) {
        this.jdbc = jdbc;
        this.queue = queue;
        this.leases = leases;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        recoverAbandonedBatches();
    }

    @Scheduled(fixedDelayString = "${fangpin.monitoring.batch-recovery-interval:PT1M}",
            initialDelayString = "${fangpin.monitoring.batch-recovery-interval:PT1M}")
    void recoverAbandonedBatches() {
        jdbc.sql("SELECT batch_id FROM department_batch WHERE status IN ('RECEIVING', 'SCREENING', 'PUBLISHING')")
                .query(String.class).list()
                .forEach(batchId -> leases.tryHold(batchId).ifPresent(lease -> recover(batchId, lease)));
    }

    private void recover(String batchId, SimpleLock lease) {
        Optional<String> status = jdbc.sql("SELECT status FROM department_batch WHERE batch_id = :id")
                .param("id", batchId).query(String.class).optional();
        if (status.filter("PUBLISHING"::equals).isPresent()) {
            queue.submit(batchId, lease, Actor.system("monitoring-service"), "recovery-" + batchId);
            return;
        }
        try {
            if (status.filter(s -> s.equals("RECEIVING") || s.equals("SCREENING")).isPresent()) {
                jdbc.sql("DROP TABLE IF EXISTS " + Staging.table(batchId)).update();
                jdbc.sql("""
                                UPDATE department_batch SET status = 'FAILED', failure = '服务重启，上传或筛查中断，请重新上传',
                                    finished_at = now()
                                WHERE batch_id = :id""")
                        .param("id", batchId).update();
            }
        } finally {
            lease.unlock();
        }
    }
}
