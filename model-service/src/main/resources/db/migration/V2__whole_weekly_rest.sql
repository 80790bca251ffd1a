-- WEEKLY_REST measures stretches whole (MODEL.md, revised 2026-12-01): weekly_rest_hours now holds
-- that figure, null when the stretch has no start or no end; r in W keeps the clipped reading,
-- which moves to its own column. Rows written before this migration keep their clipped value in
-- both until their person is recomputed.
ALTER TABLE daily_metrics ALTER COLUMN weekly_rest_hours DROP NOT NULL;
ALTER TABLE daily_metrics ADD COLUMN clipped_rest_hours double precision;
UPDATE daily_metrics SET clipped_rest_hours = weekly_rest_hours;
ALTER TABLE daily_metrics ALTER COLUMN clipped_rest_hours SET NOT NULL;
-- OVERTIME_FORECAST needs the person's latest date with any event
ALTER TABLE daily_metrics ADD COLUMN has_events boolean NOT NULL DEFAULT false;
UPDATE daily_metrics SET has_events = true WHERE worked_hours > 0 OR absence;
