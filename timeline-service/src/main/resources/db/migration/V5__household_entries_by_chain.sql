-- A household's entries are found by the chain's index (household_id, chain_index), which every insert maintains
-- anyway; the few hundred entries of a household are sorted by occurrence after they are read. A second index on
-- household_id cost every insert its maintenance, and its pages the cache.
DROP INDEX timeline_entry_household;
