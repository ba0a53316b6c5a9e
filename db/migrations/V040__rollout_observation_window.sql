-- Rollout guards and bake time look at a window that starts when the current stage started or,
-- after a pause, when a person resumed it: resuming accepts what was seen, so old data neither
-- re-trips a guard nor counts towards the next automatic advance.
alter table rollout add column observed_since timestamptz;
update rollout set observed_since = stage_started_at where state in ('RUNNING', 'PAUSED');

-- the guards read one rollout's target version per minute
create index telemetry_version_minute_idx on telemetry (cache_version_id, minute);
create index rollout_vendor_idx on rollout (vendor_id, id);
create index incident_by_rollout_idx on incident (rollout_id);
