-- Every published event of every service, as the timeline and the event log show it.
CREATE TABLE timeline_entry (
    position       BIGSERIAL    PRIMARY KEY,
    event_id       VARCHAR(255) NOT NULL UNIQUE,
    household_id   VARCHAR(64)  NOT NULL,
    region_code    VARCHAR(12),
    event_type     VARCHAR(200) NOT NULL,
    source         VARCHAR(100) NOT NULL,
    occurred_at    TIMESTAMPTZ  NOT NULL,
    actor_id       VARCHAR(100),
    actor_name     VARCHAR(100),
    actor_role     VARCHAR(40),
    actor_region   VARCHAR(12),
    correlation_id VARCHAR(100),
    summary        TEXT         NOT NULL,
    data           JSONB        NOT NULL
);
-- A household's timeline in order of occurrence; the position breaks ties in arrival order.
CREATE INDEX timeline_entry_household ON timeline_entry (household_id, occurred_at, position);
