-- Custom migration (drizzle-kit does not model storage parameters).
-- The alert sweep bumps the counters of every alert that fires (total_triggers,
-- first/last_triggered_at, updated_at: none of them indexed). Free space in each page lets
-- PostgreSQL update those rows in place (HOT), without touching the table's four indexes.
-- Applies to pages written from now on; existing pages get it as rows move or on VACUUM FULL.
ALTER TABLE "alerts" SET (fillfactor = 80);
