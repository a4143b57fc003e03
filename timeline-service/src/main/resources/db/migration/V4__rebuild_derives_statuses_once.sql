-- A rebuild in progress. While it runs, the recorders record entries only; once they have read the topics up to the
-- offsets they had when it started, each household's status is derived once from all its entries, in batches of
-- households in key order. Households up to derived_until have their status again and are kept up to date as usual;
-- the row is deleted when every household has been derived.
CREATE TABLE timeline_rebuild (
    singleton     BOOLEAN     PRIMARY KEY DEFAULT true CHECK (singleton),
    started_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    derived_until VARCHAR(64)
);

-- The end of every partition of the three topics when the rebuild started.
CREATE TABLE timeline_rebuild_end (
    topic      VARCHAR(200) NOT NULL,
    partition  INT          NOT NULL,
    end_offset BIGINT       NOT NULL,
    PRIMARY KEY (topic, partition)
);
