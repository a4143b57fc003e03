package org.fangpin.monitoring.process.department;

import java.util.List;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.fangpin.platform.actor.Actor;

/**
 * After a restart, a batch whose upload or screening was cut off is marked failed (its staging table is unlogged
 * and may be empty after a crash; the department uploads the file again, which is then no duplicate), and one cut
 * off while publishing its hits resumes where it stopped: its hits are kept and marked as they become events.
 */
@Component
class BatchRecovery {

    private final JdbcClient jdbc;
    private final ScreeningQueue queue;

    BatchRecovery(JdbcClient jdbc, ScreeningQueue queue) {
        this.jdbc = jdbc;
        this.queue = queue;
    }

    @EventListener(ApplicationReadyEvent.class)
    void recoverInterruptedBatches() {
        List<String> interrupted = jdbc.sql(
                        "SELECT batch_id FROM department_batch WHERE status IN ('RECEIVING', 'SCREENING')")
                .query(String.class).list();
        for (String batchId : interrupted) {
            jdbc.sql("DROP TABLE IF EXISTS " + Staging.table(batchId)).update();
            jdbc.sql("""
                            UPDATE department_batch SET status = 'FAILED', failure = '服务重启，上传或筛查中断，请重新上传',
                                finished_at = now()
                            WHERE batch_id = :id""")
                    .param("id", batchId).update();
        }
        jdbc.sql("SELECT batch_id FROM department_batch WHERE status = 'PUBLISHING'").query(String.class).list()
                .forEach(batchId -> queue.submit(batchId, Actor.system("monitoring-service"), "recovery-" + batchId));
    }
}
