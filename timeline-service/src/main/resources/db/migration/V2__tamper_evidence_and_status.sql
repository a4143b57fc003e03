-- The service an event came from (identification, monitoring, assistance): the timeline's filter by kind.
ALTER TABLE timeline_entry ADD COLUMN kind VARCHAR(40) GENERATED ALWAYS AS (split_part(event_type, '.', 2)) STORED;

-- Tamper evidence: each subject's entries form a hash chain in the order they were recorded. An entry's hash covers
-- the previous entry's hash and everything the entry shows, so changing, removing or reordering a stored entry
-- breaks the chain at that entry.
ALTER TABLE timeline_entry
    ADD COLUMN chain_index INT,
    ADD COLUMN prev_hash   BYTEA,
    ADD COLUMN hash        BYTEA;

-- The canonical content of an entry is a JSON array (jsonb_build_array escapes and orders it the same way every
-- time); the instant is taken as epoch seconds so the session time zone cannot change it.
CREATE FUNCTION timeline_entry_digest(e timeline_entry) RETURNS BYTEA
    LANGUAGE sql IMMUTABLE AS $$
SELECT sha256(coalesce(e.prev_hash, ''::bytea) || convert_to(jsonb_build_array(
        e.chain_index, e.event_id, e.household_id, e.region_code, e.event_type, e.source,
        extract(EPOCH FROM e.occurred_at), e.actor_id, e.actor_name, e.actor_role, e.actor_region,
        e.correlation_id, e.summary, e.data)::text, 'UTF8'))
$$;

-- Every insert joins its subject's chain, whoever writes it: the recorder cannot forget to chain an entry.
CREATE FUNCTION timeline_entry_chain() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    SELECT chain_index, hash INTO NEW.chain_index, NEW.prev_hash
    FROM timeline_entry WHERE household_id = NEW.household_id
    ORDER BY chain_index DESC LIMIT 1;
    NEW.chain_index := coalesce(NEW.chain_index, 0) + 1;
    NEW.hash := timeline_entry_digest(NEW);
    RETURN NEW;
END
$$;

-- Entries recorded before the chain existed are chained in their order of arrival.
DO $$
DECLARE
    entry timeline_entry;
    previous_household VARCHAR(64);
    previous_hash BYTEA;
    index_in_chain INT;
BEGIN
    FOR entry IN SELECT * FROM timeline_entry ORDER BY household_id, position LOOP
        IF entry.household_id IS DISTINCT FROM previous_household THEN
            previous_household := entry.household_id;
            previous_hash := NULL;
            index_in_chain := 0;
        END IF;
        index_in_chain := index_in_chain + 1;
        entry.chain_index := index_in_chain;
        entry.prev_hash := previous_hash;
        entry.hash := timeline_entry_digest(entry);
        UPDATE timeline_entry SET chain_index = entry.chain_index, prev_hash = entry.prev_hash, hash = entry.hash
        WHERE position = entry.position;
        previous_hash := entry.hash;
    END LOOP;
END
$$;

ALTER TABLE timeline_entry
    ALTER COLUMN chain_index SET NOT NULL,
    ALTER COLUMN hash SET NOT NULL,
    ADD CONSTRAINT timeline_entry_chain_unique UNIQUE (household_id, chain_index);

CREATE TRIGGER timeline_entry_chain BEFORE INSERT ON timeline_entry
    FOR EACH ROW EXECUTE FUNCTION timeline_entry_chain();

-- The county event log: newest first, filtered by region prefix, type, actor, role or time.
CREATE INDEX timeline_entry_region ON timeline_entry (region_code varchar_pattern_ops, position);
CREATE INDEX timeline_entry_type ON timeline_entry (event_type, position);
CREATE INDEX timeline_entry_actor ON timeline_entry (actor_id, position);
CREATE INDEX timeline_entry_role ON timeline_entry (actor_role, position);
CREATE INDEX timeline_entry_occurred ON timeline_entry (occurred_at);

-- The household's record as its events made it (HouseholdRecord as JSON), with the columns the dashboards and the
-- ledger select and group by.
CREATE TABLE household_status (
    household_id        VARCHAR(64)  PRIMARY KEY,
    region_code         VARCHAR(12)  NOT NULL,
    status              VARCHAR(40)  NOT NULL,
    object_type         VARCHAR(40),
    warning_level       VARCHAR(20),
    safety_net          BOOLEAN      NOT NULL,
    open_overdue_items  INT          NOT NULL,
    last_occurred_at    TIMESTAMPTZ  NOT NULL,
    record              JSONB        NOT NULL
);
CREATE INDEX household_status_region ON household_status (region_code varchar_pattern_ops, household_id);
CREATE INDEX household_status_overdue ON household_status (region_code varchar_pattern_ops)
    WHERE open_overdue_items > 0;
