-- Every registered household and its members' ID numbers (from identification's events), monitored or not:
-- department data is screened against all of them.
CREATE TABLE registry_household (
    household_id VARCHAR(64) PRIMARY KEY,
    region_code  VARCHAR(12) NOT NULL,
    category     VARCHAR(40)
);

CREATE TABLE registry_member (
    household_id VARCHAR(64) NOT NULL,
    id_number    VARCHAR(18) NOT NULL,
    member_id    VARCHAR(64),
    PRIMARY KEY (household_id, id_number)
);
CREATE INDEX registry_member_id_number ON registry_member (id_number);
CREATE UNIQUE INDEX registry_member_member ON registry_member (member_id);

-- A department's uploaded file and how far it got.
CREATE TABLE department_batch (
    batch_id        VARCHAR(64)  PRIMARY KEY,
    department      VARCHAR(40)  NOT NULL,
    region_code     VARCHAR(12)  NOT NULL,
    file_name       VARCHAR(255),
    format          VARCHAR(8)   NOT NULL,
    content_hash    VARCHAR(64),
    status          VARCHAR(16)  NOT NULL,
    duplicate_of    VARCHAR(64),
    rows_read       BIGINT       NOT NULL DEFAULT 0,
    rows_rejected   BIGINT       NOT NULL DEFAULT 0,
    rows_matched    BIGINT       NOT NULL DEFAULT 0,
    hits            BIGINT       NOT NULL DEFAULT 0,
    monitored_hits  BIGINT       NOT NULL DEFAULT 0,
    leads_raised    BIGINT       NOT NULL DEFAULT 0,
    failure         VARCHAR(500),
    uploaded_by     VARCHAR(100) NOT NULL,
    uploaded_at     TIMESTAMPTZ  NOT NULL,
    finished_at     TIMESTAMPTZ
);
-- An identical file of the same department is applied once: a second upload ends as DUPLICATE.
CREATE UNIQUE INDEX department_batch_content ON department_batch (department, content_hash)
    WHERE status IN ('SCREENING', 'PUBLISHING', 'COMPLETED');

CREATE TABLE department_batch_rejection (
    batch_id VARCHAR(64)  NOT NULL,
    line_no  BIGINT       NOT NULL,
    reason   VARCHAR(200) NOT NULL,
    PRIMARY KEY (batch_id, line_no)
);

-- The valid rows of a batch are staged in an unlogged table of their own, department_row_<batch id>, created
-- for the upload and dropped after screening (see Staging): no index to maintain while COPY runs, no delete after.

-- The policy line of each indicator for the regions and years a batch touches.
CREATE TABLE screening_line (
    batch_id    VARCHAR(64)    NOT NULL,
    region_code VARCHAR(12)    NOT NULL,
    year        INTEGER        NOT NULL,
    indicator   VARCHAR(40)    NOT NULL,
    line        NUMERIC(14, 2) NOT NULL,
    PRIMARY KEY (batch_id, region_code, year, indicator)
);

-- The rows of a batch above their line on a known household; processed once they became events.
CREATE TABLE department_hit (
    batch_id     VARCHAR(64)    NOT NULL,
    line_no      BIGINT         NOT NULL,
    household_id VARCHAR(64)    NOT NULL,
    region_code  VARCHAR(12)    NOT NULL,
    indicator    VARCHAR(40)    NOT NULL,
    value        NUMERIC(14, 2),
    threshold    NUMERIC(14, 2),
    reported_on  DATE           NOT NULL,
    monitored    BOOLEAN        NOT NULL,
    processed    BOOLEAN        NOT NULL DEFAULT FALSE,
    PRIMARY KEY (batch_id, line_no)
);
CREATE INDEX department_hit_pending ON department_hit (batch_id, monitored, household_id) WHERE NOT processed;
