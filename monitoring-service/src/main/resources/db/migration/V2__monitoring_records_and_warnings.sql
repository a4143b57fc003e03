-- Read models of monthly monitoring: the household's current standing, its records (corrections kept), its
-- warnings with their history, and the months flagged as missed.
ALTER TABLE monitored_household
    ADD COLUMN look_back           BOOLEAN     NOT NULL DEFAULT FALSE,
    ADD COLUMN warning_level       VARCHAR(12),
    ADD COLUMN colour_grade        VARCHAR(8),
    ADD COLUMN last_recorded_month DATE,
    ADD COLUMN visit_hazard_id     VARCHAR(64),
    ADD COLUMN visit_requested_on  DATE;

CREATE TABLE monthly_record (
    event_id              VARCHAR(255) PRIMARY KEY,
    household_id          VARCHAR(64)  NOT NULL,
    region_code           VARCHAR(12)  NOT NULL,
    month                 DATE         NOT NULL,
    per_capita_net_income NUMERIC(12, 2) NOT NULL,
    guarantee_gaps        VARCHAR(200) NOT NULL,
    contact_method        VARCHAR(20),
    no_visit_reason       VARCHAR(200),
    rigid_expenditures    JSONB        NOT NULL,
    employment_unstable   BOOLEAN      NOT NULL,
    emergency             VARCHAR(200),
    correction            BOOLEAN      NOT NULL,
    recorded_on           DATE,
    recorded_by           VARCHAR(100),
    recorded_at           TIMESTAMPTZ  NOT NULL
);
CREATE INDEX monthly_record_household ON monthly_record (household_id, month, recorded_at);

-- One row per warning; the open ones are what the warning list pages through.
CREATE TABLE warning (
    seq           BIGSERIAL    NOT NULL UNIQUE,
    warning_id    VARCHAR(100) PRIMARY KEY,
    household_id  VARCHAR(64)  NOT NULL,
    region_code   VARCHAR(12)  NOT NULL,
    level         VARCHAR(12)  NOT NULL,
    rule          VARCHAR(80)  NOT NULL,
    observed      NUMERIC(14, 2),
    threshold     NUMERIC(14, 2),
    reason        VARCHAR(500) NOT NULL,
    raised_on     DATE         NOT NULL,
    cleared_on    DATE
);
CREATE INDEX warning_open ON warning (region_code text_pattern_ops, level, seq) WHERE cleared_on IS NULL;
CREATE INDEX warning_household ON warning (household_id);

CREATE TABLE warning_change (
    seq          BIGSERIAL    PRIMARY KEY,
    warning_id   VARCHAR(100) NOT NULL,
    household_id VARCHAR(64)  NOT NULL,
    change       VARCHAR(16)  NOT NULL,
    level        VARCHAR(12),
    rule         VARCHAR(80)  NOT NULL,
    observed     NUMERIC(14, 2),
    threshold    NUMERIC(14, 2),
    reason       VARCHAR(500),
    changed_on   DATE         NOT NULL
);
CREATE INDEX warning_change_household ON warning_change (household_id, seq);

CREATE TABLE missed_monitoring (
    household_id VARCHAR(64) NOT NULL,
    month        DATE        NOT NULL,
    region_code  VARCHAR(12) NOT NULL,
    due_day      INTEGER     NOT NULL,
    flagged_on   DATE        NOT NULL,
    PRIMARY KEY (household_id, month)
);
CREATE INDEX missed_monitoring_village ON missed_monitoring (region_code, month);
