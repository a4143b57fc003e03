-- What a county decision was judged by (the thresholds recorded with it, and where they came from), so the case
-- screen keeps showing the criteria as they were judged after the policy is corrected; and whether the public notice
-- was recorded after the fact (补录: its whole period before the day it was entered).
ALTER TABLE lead_view
    ADD COLUMN decision_policy_region           VARCHAR(12),
    ADD COLUMN decision_policy_year             INTEGER,
    ADD COLUMN decision_thresholds              JSONB,
    ADD COLUMN notice_recorded_after_the_fact   BOOLEAN NOT NULL DEFAULT false;
