-- Issue 15: what displays actually received (delivery observations) and isolation canaries.
--
-- An observation is the data plane's (sampled) report of one delivery: which display received content
-- that, by the content's own metadata, came from which camera, with the cache key the vendor attached.
-- The owners are recorded as they were when the observation arrived, so the exposure report does not
-- change when devices change owner later. An observation whose content belongs to another household
-- than the display is an isolation violation with evidence kind OBSERVED (graded PROVEN).

create table delivery_observation (
    id                          bigint generated always as identity primary key,
    received_at                 timestamptz not null,
    observed_at                 timestamptz not null,
    reported_by                 varchar(16) not null check (reported_by in ('DATA_PLANE', 'VENDOR')),
    vendor_id                   bigint      not null references vendor (id),
    display_device_id           bigint      not null references device (id),
    content_device_id           bigint      not null references device (id),
    display_owner_account_id    bigint      references account (id),
    content_owner_account_id    bigint      references account (id),
    cache_key_owner_account_id  bigint      references account (id),
    cache_version_id            bigint      references cache_version (id),
    rollout_id                  bigint      references rollout (id),
    rollout_percent             integer,
    probe                       boolean     not null default false,
    outcome                     varchar(16) not null check (outcome in ('OK', 'VIOLATION')),
    incident_id                 bigint      references incident (id)
);
create index delivery_observation_vendor_idx on delivery_observation (vendor_id, observed_at);
create index delivery_observation_probe_idx on delivery_observation (vendor_id, observed_at) where probe;
create index delivery_observation_rollout_idx on delivery_observation (rollout_id, rollout_percent) where rollout_id is not null;

-- How a violation is evidenced, beside its grade: a signed cache key of another owner (KEY), a request
-- that only names two households' devices (CLAIM), an observation of delivered content (OBSERVED), or a
-- vendor's telemetry count (TELEMETRY). Rows from before this migration are KEY or CLAIM by their grade.
alter table isolation_violation
    add column evidence_kind varchar(16) check (evidence_kind in ('KEY', 'CLAIM', 'OBSERVED', 'TELEMETRY'));
update isolation_violation set evidence_kind = case when evidence_grade = 'CLAIMED' then 'CLAIM'
                                                    when source_device_id is null then 'TELEMETRY'
                                                    else 'KEY' end;
alter table isolation_violation alter column evidence_kind set not null;
alter table isolation_violation alter column evidence_kind set default 'KEY';

-- Observations count in the rollout telemetry under their own source.
alter table telemetry drop constraint telemetry_source_check;
alter table telemetry add constraint telemetry_source_check check (source in ('VENDOR', 'DECISION', 'OBSERVATION'));

-- Isolation canaries: synthetic households enrolled per vendor whose cameras the data plane's prober
-- exercises all day. A canary account is left out of every count of real households.
alter table account add column canary boolean not null default false;

create table canary_household (
    vendor_id    bigint      not null references vendor (id),
    account_id   bigint      not null references account (id),
    enrolled_at  timestamptz not null,
    enrolled_by  bigint      references account (id),
    primary key (vendor_id, account_id)
);
create index canary_household_account_idx on canary_household (account_id);

-- How long a canary may stay silent (no probe) before the guard pauses the vendor's running rollout.
alter table vendor_violation_policy
    add column canary_silence_seconds integer not null default 900 check (canary_silence_seconds between 60 and 86400);
