package org.fangpin.monitoring.process.department;

import java.util.Optional;

import net.javacrumbs.shedlock.core.SimpleLock;
import org.springframework.stereotype.Component;

import org.fangpin.platform.lease.HeldLeases;

/** The lease of a department batch: held by the replica receiving, screening or publishing it. */
@Component
class BatchLeases {

    private final HeldLeases leases;

    BatchLeases(HeldLeases leases) {
        this.leases = leases;
    }

    /** The batch's lease; empty while the replica working on it lives. */
    Optional<SimpleLock> tryHold(String batchId) {
        return leases.tryHold("department-batch:" + batchId);
    }
}
