-- ADR 0036, 0035. Each entry keeps the day its step happened (happened_on, from the event's own field; null when the
-- event carries none: it happened when recorded) beside occurred_at (the recording time), the note that explains a
-- late record, and, for an imported event, the file and line it came from. Entries recorded before keep null here
-- until a rebuild (ADR 0039) records them again: readers then take the recording day.
DO $$
DECLARE
    version_schema TEXT;
BEGIN
    FOR version_schema IN SELECT schema_name FROM timeline_version WHERE state <> 'DROPPED' LOOP
        EXECUTE format('ALTER TABLE %I.timeline_entry ADD COLUMN happened_on DATE, ADD COLUMN backdating_note TEXT, '
                           'ADD COLUMN import_source VARCHAR(500), ADD COLUMN import_row INT', version_schema);
    END LOOP;
END
$$;

-- The provenance is evidence too: an imported entry's link covers its file and line. An entry without them (every
-- entry recorded so far) is linked exactly as before, so no chain changes.
CREATE FUNCTION timeline_entry_link(prev_hash BYTEA, chain_index INT, event_id VARCHAR, household_id VARCHAR,
                                    region_code VARCHAR, event_type VARCHAR, source VARCHAR, occurred_at TIMESTAMPTZ,
                                    actor_id VARCHAR, actor_name VARCHAR, actor_role VARCHAR, actor_region VARCHAR,
                                    correlation_id VARCHAR, summary TEXT, data JSONB, source_aggregate VARCHAR,
                                    source_sequence BIGINT, source_hash BYTEA, import_source VARCHAR,
                                    import_row INT) RETURNS BYTEA
    LANGUAGE sql IMMUTABLE AS $$
SELECT CASE
           WHEN import_source IS NULL AND import_row IS NULL THEN
               timeline_entry_link(prev_hash, chain_index, event_id, household_id, region_code, event_type, source,
                       occurred_at, actor_id, actor_name, actor_role, actor_region, correlation_id, summary, data,
                       source_aggregate, source_sequence, source_hash)
           ELSE sha256(coalesce(prev_hash, ''::bytea) || convert_to((jsonb_build_array(
                   chain_index, event_id, household_id, region_code, event_type, source,
                   extract(EPOCH FROM occurred_at), actor_id, actor_name, actor_role, actor_region,
                   correlation_id, summary, data, source_aggregate, source_sequence, encode(source_hash, 'hex'))
                   || jsonb_build_array(import_source, import_row))::text, 'UTF8'))
       END
$$;

-- Every version's trigger, and those of versions created later, link with the provenance.
CREATE OR REPLACE FUNCTION timeline_chain_entries(version_schema TEXT) RETURNS void
    LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format($f$
        CREATE OR REPLACE FUNCTION %1$I.timeline_entry_chain() RETURNS trigger
            LANGUAGE plpgsql AS $body$
        BEGIN
            SELECT chain_index, hash INTO NEW.chain_index, NEW.prev_hash
            FROM %1$I.timeline_entry WHERE household_id = NEW.household_id AND source = NEW.source
            ORDER BY chain_index DESC LIMIT 1;
            NEW.chain_index := coalesce(NEW.chain_index, 0) + 1;
            NEW.hash := public.timeline_entry_link(NEW.prev_hash, NEW.chain_index, NEW.event_id, NEW.household_id,
                    NEW.region_code, NEW.event_type, NEW.source, NEW.occurred_at, NEW.actor_id, NEW.actor_name,
                    NEW.actor_role, NEW.actor_region, NEW.correlation_id, NEW.summary, NEW.data,
                    NEW.source_aggregate, NEW.source_sequence, NEW.source_hash, NEW.import_source, NEW.import_row);
            RETURN NEW;
        END
        $body$;
        CREATE OR REPLACE TRIGGER timeline_entry_chain BEFORE INSERT ON %1$I.timeline_entry
            FOR EACH ROW EXECUTE FUNCTION %1$I.timeline_entry_chain();
        $f$, version_schema);
END
$$;

DO $$
DECLARE
    version_schema TEXT;
BEGIN
    FOR version_schema IN SELECT schema_name FROM timeline_version WHERE state <> 'DROPPED' LOOP
        PERFORM timeline_chain_entries(version_schema);
    END LOOP;
END
$$;

-- The views show the new columns (a view's * is fixed when it is created), and readers recompute links the same way.
SELECT timeline_read_version((SELECT schema_name FROM timeline_version WHERE state = 'LIVE'));

CREATE OR REPLACE FUNCTION timeline_entry_digest(e timeline_entry) RETURNS BYTEA
    LANGUAGE sql IMMUTABLE AS $$
SELECT timeline_entry_link(e.prev_hash, e.chain_index, e.event_id, e.household_id, e.region_code, e.event_type,
        e.source, e.occurred_at, e.actor_id, e.actor_name, e.actor_role, e.actor_region, e.correlation_id, e.summary,
        e.data, e.source_aggregate, e.source_sequence, e.source_hash, e.import_source, e.import_row)
$$;
