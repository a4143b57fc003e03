-- The case's procedures: where elimination, rollback and the policy marks stand.
ALTER TABLE assistance_case
    ADD COLUMN status                     VARCHAR(30) NOT NULL DEFAULT 'RISK_NOT_ELIMINATED',
    ADD COLUMN elimination_step           VARCHAR(20),
    ADD COLUMN rollback_step              VARCHAR(20),
    ADD COLUMN developmental_confirmation VARCHAR(20),
    ADD COLUMN safety_net                 VARCHAR(20),
    ADD COLUMN eliminated_on              DATE;
-- 应消未消: open cases with no elimination running, scanned by household id (the cursor).
CREATE INDEX assistance_case_elimination_candidates ON assistance_case (household_id)
    WHERE status = 'RISK_NOT_ELIMINATED' AND elimination_step IS NULL;

-- 一户一策: the measures of each plan.
CREATE TABLE measure (
    measure_id           VARCHAR(64)  PRIMARY KEY,
    household_id         VARCHAR(64)  NOT NULL,
    region_code          VARCHAR(12)  NOT NULL,
    measure_type         VARCHAR(40)  NOT NULL,
    description          VARCHAR(500),
    risk_types           VARCHAR(300) NOT NULL,
    department           VARCHAR(60)  NOT NULL,
    responsible_person   VARCHAR(60)  NOT NULL,
    due_date             DATE,
    status               VARCHAR(20)  NOT NULL,
    outcome              VARCHAR(500),
    income_effect        NUMERIC(12, 2),
    overdue_since        DATE,
    gradual_exit_ends_on DATE,
    added_on             DATE         NOT NULL,
    updated_on           DATE         NOT NULL
);
CREATE INDEX measure_household ON measure (household_id, added_on);
-- The deadline scan looks only at measures still to be done.
CREATE INDEX measure_due ON measure (due_date) WHERE status IN ('PLANNED', 'IN_PROGRESS') AND overdue_since IS NULL;
-- 逾期 list per department within a region, paged by measure id.
CREATE INDEX measure_overdue_by_department ON measure (department, region_code text_pattern_ops, measure_id)
    WHERE overdue_since IS NOT NULL;
CREATE INDEX measure_gradual_exit ON measure (gradual_exit_ends_on) WHERE status = 'GRADUAL_EXIT';

CREATE TABLE measure_progress (
    id         BIGSERIAL     PRIMARY KEY,
    measure_id VARCHAR(64)   NOT NULL REFERENCES measure,
    noted_on   DATE          NOT NULL,
    note       VARCHAR(1000) NOT NULL,
    noted_by   VARCHAR(100)
);
CREATE INDEX measure_progress_measure ON measure_progress (measure_id, id);

-- Monitoring's warnings as the case sees them, with the response they got.
CREATE TABLE case_warning (
    warning_id          VARCHAR(64)  PRIMARY KEY,
    household_id        VARCHAR(64)  NOT NULL,
    region_code         VARCHAR(12)  NOT NULL,
    level               VARCHAR(20)  NOT NULL,
    rule                VARCHAR(100),
    reason              VARCHAR(500),
    raised_on           DATE         NOT NULL,
    look_back           BOOLEAN      NOT NULL,
    responded_on        DATE,
    response_measure_id VARCHAR(64),
    response_reason     VARCHAR(500),
    response_overdue_on DATE,
    closed_on           DATE
);
CREATE INDEX case_warning_household ON case_warning (household_id);
-- 回头看: open warnings on eliminated cases, paged by warning id.
CREATE INDEX case_warning_look_back ON case_warning (warning_id) WHERE look_back AND closed_on IS NULL;
-- The response-deadline scan looks only at warnings still waiting.
CREATE INDEX case_warning_awaiting_response ON case_warning (raised_on)
    WHERE responded_on IS NULL AND closed_on IS NULL AND response_overdue_on IS NULL;

-- 动态监测: monitoring's monthly records (a correction replaces its month), the evidence for elimination.
CREATE TABLE monthly_record (
    household_id          VARCHAR(64)    NOT NULL,
    month                 DATE           NOT NULL,
    per_capita_net_income NUMERIC(12, 2) NOT NULL,
    guarantee_gaps        VARCHAR(200)   NOT NULL,
    PRIMARY KEY (household_id, month)
);

-- Each county approval of an elimination with the evidence it was taken on.
CREATE TABLE elimination_decision (
    id             BIGSERIAL   PRIMARY KEY,
    household_id   VARCHAR(64) NOT NULL,
    eliminated_on  DATE        NOT NULL,
    evidence       JSONB       NOT NULL,
    rolled_back_on DATE
);
CREATE INDEX elimination_decision_household ON elimination_decision (household_id, id);
