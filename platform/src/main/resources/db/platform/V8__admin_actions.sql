-- Every admin action asked of a service (a rebuild, a replay of dead letters, ...), allowed or refused: what, who
-- (id, name, role, region), when, under which correlation id, and how it ended. Apart from the projections, so that a
-- rebuild never empties it.
CREATE TABLE admin_action (
    id             BIGSERIAL    PRIMARY KEY,
    action         VARCHAR(60)  NOT NULL,
    outcome        VARCHAR(60)  NOT NULL,
    actor_id       VARCHAR(255) NOT NULL,
    actor_name     VARCHAR(255),
    actor_role     VARCHAR(40)  NOT NULL,
    actor_region   VARCHAR(12)  NOT NULL,
    correlation_id VARCHAR(100),
    requested_at   TIMESTAMPTZ  NOT NULL DEFAULT now()
);
