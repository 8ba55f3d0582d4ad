-- PostgreSQL's ANALYZE copies sample values of each column into pg_statistic (most common values,
-- histogram bounds). For columns that hold personal data that copy would outlive the erasure of the rows
-- (O7), so those columns keep no statistics at all. Grain state is one opaque payload per row: the planner
-- never needed its distribution anyway.
ALTER TABLE orleansstorage ALTER COLUMN payloadbinary SET STATISTICS 0;
ALTER TABLE retention_notices ALTER COLUMN email SET STATISTICS 0;
