-- Each service's copy of the policy thresholds that identification-service publishes (PolicyChanged), so that
-- every decision reads the thresholds of its household's region and year locally.
CREATE TABLE policy (
    region_prefix VARCHAR(12) NOT NULL,
    policy_year   INTEGER     NOT NULL,
    thresholds    JSONB       NOT NULL,
    event_id      VARCHAR(255) NOT NULL,
    changed_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (region_prefix, policy_year)
);
