package org.fangpin.platform.lease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.jdbc.core.JdbcTemplate;

import org.fangpin.platform.web.PlatformTestApplication;
import org.fangpin.testsupport.WithRealInfrastructure;

/**
 * Once-per-cluster work runs on one replica at a time: while another replica holds the lease (here a second lease
 * provider on the same database, as a second replica would be), the scheduled work is skipped; a lease its holder
 * never released (killed mid-run) is taken over once it expires.
 */
@SpringBootTest(classes = {PlatformTestApplication.class, LeaseIT.NightlyCheck.class},
        properties = {"fangpin.service=platform-test", "fangpin.publishing.enabled=false"})
@WithRealInfrastructure
class LeaseIT {

    @Autowired
    NightlyCheck check;
    @Autowired
    DataSource dataSource;
    @Autowired
    HeldLeases heldLeases;

    @TestConfiguration
    static class NightlyCheck {

        private final AtomicInteger runs = new AtomicInteger();

        @SchedulerLock(name = "test.nightly-check", lockAtMostFor = "PT1M")
        public void run() {
            runs.incrementAndGet();
        }

        public int runs() {
            return runs.get();
        }
    }

    @Test
    void theWorkIsSkippedWhileAnotherReplicaHoldsTheLeaseAndRunsOnceItIsReleased() throws Exception {
        int before = check.runs();
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread otherReplica = new Thread(() -> new DefaultLockingTaskExecutor(otherReplica()).executeWithLock(
                (Runnable) () -> {
                    held.countDown();
                    awaitQuietly(release);
                }, new LockConfiguration(Instant.now(), "test.nightly-check", Duration.ofMinutes(1),
                        Duration.ZERO)));
        otherReplica.start();
        assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();

        check.run();
        assertThat(check.runs()).as("skipped while the other replica holds the lease").isEqualTo(before);

        release.countDown();
        otherReplica.join(10_000);
        check.run();
        assertThat(check.runs()).as("run once the lease was released").isEqualTo(before + 1);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aLeaseItsHolderNeverReleasedIsTakenOverWhenItExpires() {
        new JdbcTemplate(dataSource).update("""
                INSERT INTO shedlock (name, lock_until, locked_at, locked_by)
                VALUES ('test.orphaned', now() + interval '1 second', now(), 'a replica killed mid-run')""");
        LockingTaskExecutor thisReplica = new DefaultLockingTaskExecutor(otherReplica());
        AtomicInteger runs = new AtomicInteger();
        LockConfiguration lease = new LockConfiguration(Instant.now(), "test.orphaned", Duration.ofMinutes(1),
                Duration.ZERO);

        thisReplica.executeWithLock((Runnable) runs::incrementAndGet, lease);
        assertThat(runs).hasValue(0);

        await().atMost(Duration.ofSeconds(10)).until(() -> {
            thisReplica.executeWithLock((Runnable) runs::incrementAndGet, new LockConfiguration(Instant.now(),
                    "test.orphaned", Duration.ofMinutes(1), Duration.ZERO));
            return runs.get() == 1;
        });
    }

    @Test
    void aHeldLeaseKeepsOtherReplicasOutUntilItsHolderReleasesIt() {
        SimpleLock held = heldLeases.tryHold("test.batch-1").orElseThrow();
        assertThat(heldLeases.tryHold("test.batch-1")).as("held by this replica's work").isEmpty();
        assertThat(otherReplica().lock(new LockConfiguration(Instant.now(), "test.batch-1", Duration.ofMinutes(1),
                Duration.ZERO))).as("held for another replica").isEmpty();
        assertThat(new JdbcTemplate(dataSource).queryForObject(
                "SELECT lock_until > now() + interval '30 seconds' FROM shedlock WHERE name = 'test.batch-1'",
                Boolean.class)).as("expires a minute after its last extension").isTrue();

        held.unlock();
        assertThat(otherReplica().lock(new LockConfiguration(Instant.now(), "test.batch-1", Duration.ofMinutes(1),
                Duration.ZERO))).as("free once released").isPresent();
    }

    private JdbcTemplateLockProvider otherReplica() {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource)).usingDbTime().build());
    }
}
