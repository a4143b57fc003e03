-- Read model of the assistance service.
CREATE TABLE assistance_case (
    household_id    VARCHAR(64)  PRIMARY KEY,
    region_code     VARCHAR(12)  NOT NULL,
    object_type     VARCHAR(40)  NOT NULL,
    risk_types      VARCHAR(300) NOT NULL,
    labour_capacity VARCHAR(20),
    opened_on       DATE         NOT NULL
);
CREATE INDEX assistance_case_region ON assistance_case (region_code text_pattern_ops);
