package org.fangpin.platform.lease;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.ExtensibleLockProvider;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.support.KeepAliveLockProvider;
import org.springframework.beans.factory.DisposableBean;

/**
 * Leases held for as long as a piece of work lasts, however long that is (ShedLock's keep-alive): the holder
 * extends its lease while it lives, so another replica can take the work over only once the holder is gone and its
 * lease has run out, {@link #EXPIRY} after its last extension.
 */
public class HeldLeases implements DisposableBean {

    /** How long a lease outlives a holder killed mid-work. */
    public static final Duration EXPIRY = Duration.ofSeconds(60);

    private final ScheduledExecutorService keepAlive = Executors.newSingleThreadScheduledExecutor(work -> {
        Thread thread = new Thread(work, "lease-keep-alive");
        thread.setDaemon(true);
        return thread;
    });
    private final LockProvider leases;

    HeldLeases(ExtensibleLockProvider leaseProvider) {
        this.leases = new KeepAliveLockProvider(leaseProvider, keepAlive);
    }

    /** The named lease, held until {@link SimpleLock#unlock()}; empty while another replica holds it. */
    public Optional<SimpleLock> tryHold(String name) {
        return leases.lock(new LockConfiguration(Instant.now(), name, EXPIRY, Duration.ZERO));
    }

    @Override
    public void destroy() {
        keepAlive.shutdownNow();
    }
}
