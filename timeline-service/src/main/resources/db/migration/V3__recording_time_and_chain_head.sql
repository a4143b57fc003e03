-- When the recorder wrote each entry (its transaction commits moments later): recorded_at - occurred_at is how long
-- an event took from the service that caused it to the timeline. Unknown for entries recorded before this column.
ALTER TABLE timeline_entry ADD COLUMN recorded_at TIMESTAMPTZ;
ALTER TABLE timeline_entry ALTER COLUMN recorded_at SET DEFAULT clock_timestamp();

-- A household's latest entry (its region and chain hash) is read from the chain's index alone: by the chain trigger
-- before every insert, and by every timeline read to check its jurisdiction and whether its rendering is current.
ALTER TABLE timeline_entry
    DROP CONSTRAINT timeline_entry_chain_unique,
    ADD CONSTRAINT timeline_entry_chain_unique UNIQUE (household_id, chain_index) INCLUDE (region_code, hash);
