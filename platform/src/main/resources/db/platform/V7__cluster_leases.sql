-- ShedLock's leases: once-per-cluster work (scheduled checks, the recovery of an unfinished batch) runs on the one
-- replica that holds the named lease until it expires (lock_until, the database's clock).
CREATE TABLE shedlock (
    name       VARCHAR(64)  PRIMARY KEY,
    lock_until TIMESTAMP    NOT NULL,
    locked_at  TIMESTAMP    NOT NULL,
    locked_by  VARCHAR(255) NOT NULL
);
