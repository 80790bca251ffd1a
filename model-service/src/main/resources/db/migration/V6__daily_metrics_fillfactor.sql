-- A recomputation rewrites a day's figures in place, never its key: with room left on each page
-- PostgreSQL updates the row there (a HOT update) without touching the primary-key index.
ALTER TABLE daily_metrics SET (fillfactor = 70);
