-- ADR 0039. The timeline's projection (its entries and the households' statuses) lives in a schema per version,
-- timeline_v<n>; readers read the live one through the views public.timeline_entry and public.household_status. A
-- rebuild builds the next version beside it, from the beginning of the topics with its own consumer group, and a
-- switch replaces the views in one transaction once it has caught up. chain_head_digest, admin_action and the inbox
-- stay in public: they are not projections of the three topics.
CREATE TABLE timeline_version (
    version        INT          PRIMARY KEY,
    schema_name    VARCHAR(63)  NOT NULL UNIQUE,
    consumer_group VARCHAR(200) NOT NULL UNIQUE,
    -- BUILDING: recording entries only; READY: statuses derived, recording as the live one does; LIVE: what readers
    -- read; RETIRED: replaced, its recorders stopping; DROPPED: its schema is gone
    state          VARCHAR(20)  NOT NULL CHECK (state IN ('BUILDING', 'READY', 'LIVE', 'RETIRED', 'DROPPED')),
    requested_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    requested_by   JSONB,
    live_at        TIMESTAMPTZ,
    dropped_at     TIMESTAMPTZ
);
CREATE UNIQUE INDEX timeline_version_one_live ON timeline_version ((true)) WHERE state = 'LIVE';
CREATE UNIQUE INDEX timeline_version_one_rebuild ON timeline_version ((true)) WHERE state IN ('BUILDING', 'READY');

-- The end of every partition of the three topics when a version's rebuild started: its statuses are derived once its
-- recorders have read that far.
CREATE TABLE timeline_version_end (
    version    INT          NOT NULL REFERENCES timeline_version,
    topic      VARCHAR(200) NOT NULL,
    partition  INT          NOT NULL,
    end_offset BIGINT       NOT NULL,
    PRIMARY KEY (version, topic, partition)
);
DROP TABLE timeline_rebuild, timeline_rebuild_end;

-- An entry's link (ADR 0010, 0029) from its columns, so that every version's trigger and the readers' check compute it
-- the same way: the same expression as timeline_entry_digest before, the same hashes.
CREATE FUNCTION timeline_entry_link(prev_hash BYTEA, chain_index INT, event_id VARCHAR, household_id VARCHAR,
                                    region_code VARCHAR, event_type VARCHAR, source VARCHAR, occurred_at TIMESTAMPTZ,
                                    actor_id VARCHAR, actor_name VARCHAR, actor_role VARCHAR, actor_region VARCHAR,
                                    correlation_id VARCHAR, summary TEXT, data JSONB, source_aggregate VARCHAR,
                                    source_sequence BIGINT, source_hash BYTEA) RETURNS BYTEA
    LANGUAGE sql IMMUTABLE AS $$
SELECT sha256(coalesce(prev_hash, ''::bytea) || convert_to(jsonb_build_array(
        chain_index, event_id, household_id, region_code, event_type, source,
        extract(EPOCH FROM occurred_at), actor_id, actor_name, actor_role, actor_region,
        correlation_id, summary, data, source_aggregate, source_sequence, encode(source_hash, 'hex'))::text,
        'UTF8'))
$$;

-- Every insert into a version's entries joins its household's chain of its source, whoever writes it.
CREATE FUNCTION timeline_chain_entries(version_schema TEXT) RETURNS void
    LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format($f$
        CREATE FUNCTION %1$I.timeline_entry_chain() RETURNS trigger
            LANGUAGE plpgsql AS $body$
        BEGIN
            SELECT chain_index, hash INTO NEW.chain_index, NEW.prev_hash
            FROM %1$I.timeline_entry WHERE household_id = NEW.household_id AND source = NEW.source
            ORDER BY chain_index DESC LIMIT 1;
            NEW.chain_index := coalesce(NEW.chain_index, 0) + 1;
            NEW.hash := public.timeline_entry_link(NEW.prev_hash, NEW.chain_index, NEW.event_id, NEW.household_id,
                    NEW.region_code, NEW.event_type, NEW.source, NEW.occurred_at, NEW.actor_id, NEW.actor_name,
                    NEW.actor_role, NEW.actor_region, NEW.correlation_id, NEW.summary, NEW.data,
                    NEW.source_aggregate, NEW.source_sequence, NEW.source_hash);
            RETURN NEW;
        END
        $body$;
        CREATE TRIGGER timeline_entry_chain BEFORE INSERT ON %1$I.timeline_entry
            FOR EACH ROW EXECUTE FUNCTION %1$I.timeline_entry_chain();
        $f$, version_schema);
END
$$;

-- A new, empty version with the live one's tables, indexes and constraints (and its own position sequence).
CREATE FUNCTION timeline_create_version(version_schema TEXT, live_schema TEXT) RETURNS void
    LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('CREATE SCHEMA %I', version_schema);
    EXECUTE format('CREATE TABLE %I.timeline_entry (LIKE %I.timeline_entry INCLUDING ALL EXCLUDING DEFAULTS)',
            version_schema, live_schema);
    EXECUTE format('CREATE SEQUENCE %1$I.timeline_entry_position_seq OWNED BY %1$I.timeline_entry.position',
            version_schema);
    EXECUTE format('ALTER TABLE %1$I.timeline_entry ALTER COLUMN position SET DEFAULT nextval(%2$L::regclass), '
                       'ALTER COLUMN recorded_at SET DEFAULT clock_timestamp()',
            version_schema, version_schema || '.timeline_entry_position_seq');
    EXECUTE format('CREATE TABLE %I.household_status (LIKE %I.household_status INCLUDING ALL)',
            version_schema, live_schema);
    PERFORM timeline_chain_entries(version_schema);
END
$$;

-- What readers read: the live version.
CREATE FUNCTION timeline_read_version(version_schema TEXT) RETURNS void
    LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('CREATE OR REPLACE VIEW public.timeline_entry AS SELECT * FROM %I.timeline_entry', version_schema);
    EXECUTE format('CREATE OR REPLACE VIEW public.household_status AS SELECT * FROM %I.household_status',
            version_schema);
END
$$;

-- The tables recorded so far become version 1, read and recorded as before (consumer group
-- timeline.ReadModel_Timeline, the group of the listener it replaces, ADR 0002).
CREATE SCHEMA timeline_v1;
DROP TRIGGER timeline_entry_chain ON timeline_entry;
DROP FUNCTION timeline_entry_chain();
DROP FUNCTION timeline_entry_digest(timeline_entry);
ALTER TABLE timeline_entry SET SCHEMA timeline_v1;
ALTER TABLE household_status SET SCHEMA timeline_v1;
SELECT timeline_chain_entries('timeline_v1');
SELECT timeline_read_version('timeline_v1');
INSERT INTO timeline_version (version, schema_name, consumer_group, state, live_at)
VALUES (1, 'timeline_v1', 'timeline.ReadModel_Timeline', 'LIVE', now());

-- An entry's link as readers recompute it, from the live version's row.
CREATE FUNCTION timeline_entry_digest(e timeline_entry) RETURNS BYTEA
    LANGUAGE sql IMMUTABLE AS $$
SELECT timeline_entry_link(e.prev_hash, e.chain_index, e.event_id, e.household_id, e.region_code, e.event_type,
        e.source, e.occurred_at, e.actor_id, e.actor_name, e.actor_role, e.actor_region, e.correlation_id, e.summary,
        e.data, e.source_aggregate, e.source_sequence, e.source_hash)
$$;
