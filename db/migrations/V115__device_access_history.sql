-- Issue 17: a household sees who asked for its camera. The decision API keeps, per minute, how often
-- which display asked for which device and what it answered (counts, not single calls: the hot path
-- answers thousands a second, and a minute is what a person reads). The owners are those at the time of
-- the answer, so a household sees only what was asked while the device was its own, and only its own
-- displays by name. Rows older than bridgekeeper.access-history.retention are deleted (default 30 days).
create table device_access (
    minute                    timestamptz not null check (date_trunc('minute', minute) = minute),
    device_id                 bigint      not null references device (id),
    owner_account_id          bigint      not null references account (id),
    display_device_id         bigint      references device (id),
    display_owner_account_id  bigint      references account (id),
    capability                varchar(32) not null check (capability in ('CAMERA_STREAM', 'SNAPSHOT', 'CONTROL')),
    outcome                   varchar(8)  not null check (outcome in ('ALLOW', 'DENY')),
    reason                    varchar(32),
    answers                   bigint      not null check (answers > 0),
    last_at                   timestamptz not null
);
create unique index device_access_uq on device_access
    (device_id, owner_account_id, minute, display_device_id, display_owner_account_id, capability, outcome, reason)
    nulls not distinct;
create index device_access_minute_idx on device_access (minute);
