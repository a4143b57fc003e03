-- The chain heads the source services published in their signed digests (ADR 0028, 0029), each kept once: what a
-- rewritten source chain, or a rewritten copy in the timeline, is compared with. Not a projection of the three
-- event topics: a rebuild of the timeline leaves it alone.
CREATE TABLE chain_head_digest (
    service      VARCHAR(40)  NOT NULL,
    aggregate_id VARCHAR(255) NOT NULL,
    sequence     BIGINT       NOT NULL,
    hash         BYTEA        NOT NULL,
    digested_at  TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (service, aggregate_id, sequence)
);
