-- weekly_rest_hours is measured whole now (MODEL.md, revised 2026-12-01): null when the stretch has
-- no start or no end. has_events marks the dates OVERTIME_FORECAST looks for (the latest one).
ALTER TABLE daily_figure ALTER COLUMN weekly_rest_hours DROP NOT NULL;
ALTER TABLE daily_figure ADD COLUMN has_events boolean NOT NULL DEFAULT false;
UPDATE daily_figure SET has_events = true WHERE worked_hours > 0;
-- OVERTIME_FORECAST's evidence: OT, n_e, n_r and the breach date
ALTER TABLE alert ADD COLUMN evidence_forecast text;
