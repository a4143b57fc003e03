-- The days a batch's valid rows report on: shown with its progress, and the years whose policy lines screen it.
ALTER TABLE department_batch
    ADD COLUMN first_reported_on DATE,
    ADD COLUMN last_reported_on  DATE;
