-- The household search (GET /api/timeline/households): households within a region prefix, optionally of one status,
-- a page at a time in order of region code and household id, the next page keyed on the last row's pair. The
-- columns are ordered byte-wise (COLLATE "C"), so that the region prefix, the order and the key after the last row
-- are one range of each index whatever the database's collation. A search by status reads the first index; one by
-- object type or warning level (dashboard drill-downs, which a status narrows further) or the head's name reads the
-- second and filters within the region. Every version's household_status gets them; versions created later copy
-- them (timeline_create_version: LIKE ... INCLUDING ALL).
DO $$
DECLARE
    version_schema TEXT;
BEGIN
    FOR version_schema IN SELECT schema_name FROM timeline_version WHERE state <> 'DROPPED' LOOP
        EXECUTE format('CREATE INDEX household_status_by_status ON %I.household_status '
                           '(status, region_code COLLATE "C", household_id COLLATE "C")', version_schema);
        EXECUTE format('CREATE INDEX household_status_by_region ON %I.household_status '
                           '(region_code COLLATE "C", household_id COLLATE "C")', version_schema);
    END LOOP;
END
$$;
