-- What a month's record found for its own month (the household's warning follows its latest month only), and the
-- facts the labour-capacity rules read.
ALTER TABLE monthly_record
    ADD COLUMN labour_capacity            VARCHAR(10),
    ADD COLUMN income_only_from_transfers BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN finding_level              VARCHAR(12),
    ADD COLUMN finding_rule               VARCHAR(80);
