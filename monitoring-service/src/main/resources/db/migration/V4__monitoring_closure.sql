-- 终止监测: a closed monitoring is kept with its reason; missed-month checks, hazards and screening skip it.
ALTER TABLE monitored_household
    ADD COLUMN closed_on      DATE,
    ADD COLUMN closure_reason VARCHAR(40);
