-- 终止监测: a case closes with the household's monitoring (status 'CLOSED'), keeping the county's reason and day.
ALTER TABLE assistance_case
    ADD COLUMN closed_on      DATE,
    ADD COLUMN closure_reason VARCHAR(40);
