-- Read models of the identification service (rebuilt from its event store by replaying the projections).

CREATE TABLE household_view (
    household_id   VARCHAR(64)  PRIMARY KEY,
    region_code    VARCHAR(12)  NOT NULL,
    village_group  INTEGER,
    head_name      VARCHAR(100) NOT NULL,
    head_id_number VARCHAR(18)  NOT NULL,
    category       VARCHAR(40)  NOT NULL,
    member_count   INTEGER      NOT NULL,
    object_type    VARCHAR(40),
    open_lead_id   VARCHAR(64),
    registered_at  TIMESTAMPTZ  NOT NULL
);
CREATE INDEX household_view_region ON household_view (region_code text_pattern_ops);
-- One registry entry per person as head of household.
CREATE UNIQUE INDEX household_view_head_id_number ON household_view (head_id_number);

CREATE TABLE lead_view (
    lead_id      VARCHAR(64) PRIMARY KEY,
    household_id VARCHAR(64) NOT NULL REFERENCES household_view (household_id),
    region_code  VARCHAR(12) NOT NULL,
    channel      VARCHAR(40) NOT NULL,
    stage        VARCHAR(40) NOT NULL,
    reported_on  DATE        NOT NULL,
    decided_on   DATE
);
CREATE INDEX lead_view_household ON lead_view (household_id);
CREATE INDEX lead_view_region_stage ON lead_view (region_code text_pattern_ops, stage);

-- 监测收入标准: the monitoring income line by region prefix and year (policy data; '' is the national baseline).
CREATE TABLE monitoring_line (
    region_prefix VARCHAR(12)   NOT NULL,
    policy_year   INTEGER       NOT NULL,
    amount        NUMERIC(10, 2) NOT NULL,
    PRIMARY KEY (region_prefix, policy_year)
);
INSERT INTO monitoring_line (region_prefix, policy_year, amount) VALUES
    ('', 2021, 6000.00),
    ('', 2022, 6900.00),
    ('', 2023, 7500.00),
    ('15', 2024, 8300.00);
