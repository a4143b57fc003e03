-- The registry with its members, the whole identification procedure on the lead screens, and the end of the
-- monitoring_line seed table: policy now comes from PolicyChanged events into the platform's policy table.

DROP TABLE monitoring_line;

-- A person's uniqueness is kept on member_view (every member, the head included), not on the head alone.
DROP INDEX household_view_head_id_number;
ALTER TABLE household_view
    ADD COLUMN category_flags  VARCHAR(200) NOT NULL DEFAULT '',
    ADD COLUMN risk_eliminated BOOLEAN      NOT NULL DEFAULT false;

CREATE TABLE member_view (
    position        BIGSERIAL    PRIMARY KEY,
    member_id       VARCHAR(64)  NOT NULL UNIQUE,
    household_id    VARCHAR(64)  NOT NULL REFERENCES household_view (household_id),
    name            VARCHAR(50)  NOT NULL,
    id_number       VARCHAR(18)  NOT NULL,
    relation        VARCHAR(20)  NOT NULL,
    birth_date      DATE,
    labour_capacity VARCHAR(20),
    health          VARCHAR(20),
    schooling       VARCHAR(100),
    employment      VARCHAR(100),
    joined_by       VARCHAR(20)  NOT NULL,
    joined_on       DATE         NOT NULL,
    left_by         VARCHAR(20),
    left_on         DATE
);
CREATE INDEX member_view_household ON member_view (household_id);
-- One person is a current member of one household only; someone who moved out may join another household.
CREATE UNIQUE INDEX member_view_current_id_number ON member_view (id_number) WHERE left_on IS NULL;

ALTER TABLE lead_view
    ADD COLUMN seq                         BIGSERIAL,
    ADD COLUMN reidentification            BOOLEAN       NOT NULL DEFAULT false,
    ADD COLUMN description                 VARCHAR(500),
    ADD COLUMN merged_leads                INTEGER       NOT NULL DEFAULT 0,
    ADD COLUMN verification_due_on         DATE,
    ADD COLUMN decision_due_on             DATE,
    ADD COLUMN verification_overdue_raised BOOLEAN       NOT NULL DEFAULT false,
    ADD COLUMN decision_overdue_raised     BOOLEAN       NOT NULL DEFAULT false,
    ADD COLUMN verified_on                 DATE,
    ADD COLUMN per_capita_net_income       NUMERIC(12, 2),
    ADD COLUMN labour_capacity             VARCHAR(20),
    ADD COLUMN collector                   VARCHAR(50),
    ADD COLUMN rigid_expenditures          JSONB,
    ADD COLUMN guarantee_gaps              VARCHAR(200),
    ADD COLUMN notice_from                 DATE,
    ADD COLUMN notice_until                DATE,
    ADD COLUMN object_type                 VARCHAR(40),
    ADD COLUMN risk_types                  VARCHAR(200),
    ADD COLUMN judgement                   VARCHAR(1000);
CREATE UNIQUE INDEX lead_view_seq ON lead_view (seq);
DROP INDEX lead_view_region_stage;
-- The listing pages by seq within a region prefix, optionally one stage.
CREATE INDEX lead_view_region_seq ON lead_view (region_code text_pattern_ops, seq);
CREATE INDEX lead_view_stage_seq ON lead_view (stage, seq);
-- The overdue check reads only open cases.
CREATE INDEX lead_view_open_due ON lead_view (decision_due_on) WHERE decided_on IS NULL;

-- Every step of a case with who took it, returns included: the history the county reads before deciding.
CREATE TABLE lead_step (
    position    BIGSERIAL     PRIMARY KEY,
    lead_id     VARCHAR(64)   NOT NULL REFERENCES lead_view (lead_id),
    event_id    VARCHAR(255)  NOT NULL UNIQUE,
    step        VARCHAR(40)   NOT NULL,
    note        VARCHAR(1000),
    actor_name  VARCHAR(100),
    actor_role  VARCHAR(40),
    occurred_at TIMESTAMPTZ   NOT NULL
);
CREATE INDEX lead_step_lead ON lead_step (lead_id, position);
