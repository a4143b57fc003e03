-- A rebuild in progress. While it runs, the recorders record entries only; once they have read the topics up to the
-- offsets they had when it started, they are paused and each household's status is derived once from its entries.
-- The row is deleted, in the same transaction, when every status is derived.
CREATE TABLE timeline_rebuild (
    singleton  BOOLEAN     PRIMARY KEY DEFAULT true CHECK (singleton),
    started_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- The end of every partition of the three topics when the rebuild started.
CREATE TABLE timeline_rebuild_end (
    topic      VARCHAR(200) NOT NULL,
    partition  INT          NOT NULL,
    end_offset BIGINT       NOT NULL,
    PRIMARY KEY (topic, partition)
);
