-- Tamper evidence of the event store (ADR 0028): every event carries chainhash, the SHA-256 of a canonical form of
-- the event and of the previous event's chainhash in the same aggregate (sequence number - 1). The hash is computed
-- by the database as the row is inserted, in the same statement and transaction as the append, so no event exists
-- without its link, whoever appends it.

ALTER TABLE domainevententry ADD COLUMN chainhash BYTEA;

-- A variable-length field of the canonical form: its length as a 4-byte big-endian integer, then its bytes; a
-- missing value is the length -1 and no bytes.
CREATE FUNCTION event_chain_field(value BYTEA) RETURNS BYTEA
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
SELECT CASE WHEN value IS NULL THEN int4send(-1) ELSE int4send(length(value)) || value END
$$;

-- The link of one event: SHA-256 over the version tag 'fangpin-event-chain-1', the previous link (32 zero bytes for
-- the first event of an aggregate), then aggregate id, sequence number (8-byte big-endian), aggregate type, event
-- id, payload type, payload revision, payload bytes, metadata bytes and timestamp (the ISO text Axon stored), texts
-- in UTF-8. Written down in ADR 0028; EventStoreChain recomputes it outside the database.
CREATE FUNCTION event_chain_link(previous BYTEA, aggregate_id VARCHAR, sequence_number BIGINT, aggregate_type VARCHAR,
                                 event_id VARCHAR, payload_type VARCHAR, payload_revision VARCHAR, payload BYTEA,
                                 metadata BYTEA, event_time VARCHAR) RETURNS BYTEA
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
SELECT sha256(convert_to('fangpin-event-chain-1', 'UTF8')
                  || coalesce(previous, decode(repeat('00', 32), 'hex'))
                  || event_chain_field(convert_to(aggregate_id, 'UTF8'))
                  || int8send(sequence_number)
                  || event_chain_field(convert_to(aggregate_type, 'UTF8'))
                  || event_chain_field(convert_to(event_id, 'UTF8'))
                  || event_chain_field(convert_to(payload_type, 'UTF8'))
                  || event_chain_field(convert_to(payload_revision, 'UTF8'))
                  || event_chain_field(payload)
                  || event_chain_field(metadata)
                  || event_chain_field(convert_to(event_time, 'UTF8')))
$$;

-- Events stored before the chain existed are chained in sequence order; an aggregate whose sequence has a gap starts
-- again from zero after it, as verification will report.
DO $$
DECLARE
    event RECORD;
    previous_aggregate VARCHAR;
    previous_sequence BIGINT;
    previous_hash BYTEA;
    link BYTEA;
BEGIN
    FOR event IN SELECT * FROM domainevententry ORDER BY aggregateidentifier, sequencenumber LOOP
        IF event.aggregateidentifier IS DISTINCT FROM previous_aggregate
                OR event.sequencenumber <> previous_sequence + 1 THEN
            previous_hash := NULL;
        END IF;
        link := event_chain_link(previous_hash, event.aggregateidentifier, event.sequencenumber, event.type,
                                 event.eventidentifier, event.payloadtype, event.payloadrevision, event.payload,
                                 event.metadata, event.timestamp);
        UPDATE domainevententry SET chainhash = link WHERE globalindex = event.globalindex;
        previous_aggregate := event.aggregateidentifier;
        previous_sequence := event.sequencenumber;
        previous_hash := link;
    END LOOP;
END
$$;

-- Every append joins its aggregate's chain. An event that does not follow a chained event of its aggregate (sequence
-- number > 0 with no event before it) is refused: the chain would have a hole where an event is missing.
CREATE FUNCTION event_chain_append() RETURNS trigger
    LANGUAGE plpgsql AS $$
DECLARE
    previous BYTEA;
BEGIN
    IF NEW.sequencenumber > 0 THEN
        SELECT chainhash INTO previous FROM domainevententry
        WHERE aggregateidentifier = NEW.aggregateidentifier AND sequencenumber = NEW.sequencenumber - 1;
        IF previous IS NULL THEN
            RAISE EXCEPTION 'event % of aggregate % follows no stored event (sequence %)',
                NEW.eventidentifier, NEW.aggregateidentifier, NEW.sequencenumber - 1;
        END IF;
    END IF;
    NEW.chainhash := event_chain_link(previous, NEW.aggregateidentifier, NEW.sequencenumber, NEW.type,
                                      NEW.eventidentifier, NEW.payloadtype, NEW.payloadrevision, NEW.payload,
                                      NEW.metadata, NEW.timestamp);
    RETURN NEW;
END
$$;

CREATE TRIGGER event_chain_append BEFORE INSERT ON domainevententry
    FOR EACH ROW EXECUTE FUNCTION event_chain_append();

ALTER TABLE domainevententry ALTER COLUMN chainhash SET NOT NULL;

-- The signed digests of the chain heads this service published (ADR 0028): each covers the aggregates that changed in
-- the window of global indexes after the previous one's end, up to its own.
CREATE TABLE evidence_digest (
    to_global_index BIGINT      PRIMARY KEY,
    heads           INT         NOT NULL,
    published_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
