package org.fangpin.monitoring.process.department;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.fangpin.testsupport.WithRealInfrastructure;

/**
 * Two replicas, one database: a batch whose replica holds its lease is left alone however long it takes; once that
 * replica is gone and its lease has run out, this one takes the batch over: one cut off while receiving is marked
 * failed, one cut off while publishing is finished.
 */
@SpringBootTest
@WithRealInfrastructure
class BatchRecoveryIT {

    @Autowired
    BatchRecovery recovery;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aBatchIsRecoveredOnlyOnceTheLeaseOfTheReplicaWorkingOnItHasRunOut() {
        String receiving = batch("RECEIVING");
        String publishing = batch("PUBLISHING");
        heldByAnotherReplica(receiving);
        heldByAnotherReplica(publishing);

        recovery.recoverAbandonedBatches();
        assertThat(status(receiving)).as("its replica lives").isEqualTo("RECEIVING");
        assertThat(status(publishing)).as("its replica lives").isEqualTo("PUBLISHING");

        jdbc.sql("UPDATE shedlock SET lock_until = now() - interval '1 second' WHERE name LIKE 'department-batch:%'")
                .update();
        recovery.recoverAbandonedBatches();

        assertThat(status(receiving)).isEqualTo("FAILED");
        await().atMost(Duration.ofSeconds(30)).until(() -> status(publishing).equals("COMPLETED"));
        assertThat(jdbc.sql("SELECT count(*) FROM shedlock WHERE name LIKE 'department-batch:%' AND lock_until > now()")
                .query(Long.class).single()).as("leases let go once recovered").isZero();
    }

    private String batch(String status) {
        String batchId = UUID.randomUUID().toString();
        jdbc.sql("""
                        INSERT INTO department_batch (batch_id, department, region_code, file_name, format, status,
                            uploaded_by, uploaded_at)
                        VALUES (:id, 'MEDICAL_INSURANCE', '150724', '医保.csv', 'CSV', :status, '医保局', now())""")
                .param("id", batchId).param("status", status).update();
        return batchId;
    }

    private void heldByAnotherReplica(String batchId) {
        jdbc.sql("""
                        INSERT INTO shedlock (name, lock_until, locked_at, locked_by)
                        VALUES (:name, now() + interval '1 minute', now(), 'monitoring-service-1')""")
                .param("name", "department-batch:" + batchId).update();
    }

    private String status(String batchId) {
        return jdbc.sql("SELECT status FROM department_batch WHERE batch_id = :id").param("id", batchId)
                .query(String.class).single();
    }
}
