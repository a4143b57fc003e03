-- ADR 0029. Each entry keeps its event's place in the source service's hash-chained store (ADR 0028): aggregate,
-- sequence number and link, when the envelope carried them (events published before the stores were chained did not).
ALTER TABLE timeline_entry
    ADD COLUMN source_aggregate VARCHAR(255),
    ADD COLUMN source_sequence  BIGINT,
    ADD COLUMN source_hash      BYTEA;

-- A household's entries form one chain per source service, in the order that service published them: the order of
-- the household's partition of its topic, which no rebuild and no interleaving of the three topics changes. One
-- chain across services followed the order of arrival, which did.
DROP TRIGGER timeline_entry_chain ON timeline_entry;
ALTER TABLE timeline_entry DROP CONSTRAINT timeline_entry_chain_unique;

-- The content covers the source link too, so the timeline's copy of a source's links is as tamper-evident as the rest.
CREATE OR REPLACE FUNCTION timeline_entry_digest(e timeline_entry) RETURNS BYTEA
    LANGUAGE sql IMMUTABLE AS $$
SELECT sha256(coalesce(e.prev_hash, ''::bytea) || convert_to(jsonb_build_array(
        e.chain_index, e.event_id, e.household_id, e.region_code, e.event_type, e.source,
        extract(EPOCH FROM e.occurred_at), e.actor_id, e.actor_name, e.actor_role, e.actor_region,
        e.correlation_id, e.summary, e.data, e.source_aggregate, e.source_sequence, encode(e.source_hash, 'hex'))::text,
        'UTF8'))
$$;

CREATE OR REPLACE FUNCTION timeline_entry_chain() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    SELECT chain_index, hash INTO NEW.chain_index, NEW.prev_hash
    FROM timeline_entry WHERE household_id = NEW.household_id AND source = NEW.source
    ORDER BY chain_index DESC LIMIT 1;
    NEW.chain_index := coalesce(NEW.chain_index, 0) + 1;
    NEW.hash := timeline_entry_digest(NEW);
    RETURN NEW;
END
$$;

-- The entries recorded so far are chained again, per household and source, in their order of arrival (the order of
-- their partition).
DO $$
DECLARE
    entry timeline_entry;
    previous_household VARCHAR(64);
    previous_source VARCHAR(100);
    previous_hash BYTEA;
    index_in_chain INT;
BEGIN
    FOR entry IN SELECT * FROM timeline_entry ORDER BY household_id, source, position LOOP
        IF entry.household_id IS DISTINCT FROM previous_household OR entry.source IS DISTINCT FROM previous_source THEN
            previous_household := entry.household_id;
            previous_source := entry.source;
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

-- Finds a source's chain head for the trigger, and a household's entries with their region and hashes for every
-- timeline read (index-only).
ALTER TABLE timeline_entry
    ADD CONSTRAINT timeline_entry_chain_unique UNIQUE (household_id, source, chain_index)
        INCLUDE (region_code, hash, position);

CREATE TRIGGER timeline_entry_chain BEFORE INSERT ON timeline_entry
    FOR EACH ROW EXECUTE FUNCTION timeline_entry_chain();
