-- Read model of the monitoring service.
CREATE TABLE monitored_household (
    household_id VARCHAR(64) PRIMARY KEY,
    region_code  VARCHAR(12) NOT NULL,
    object_type  VARCHAR(40) NOT NULL,
    started_on   DATE        NOT NULL
);
CREATE INDEX monitored_household_region ON monitored_household (region_code text_pattern_ops);
