-- Issue 18, part 2: history that can be dropped by month. The audit log, the rollout telemetry, the decision
-- access history and (new) the webhook delivery attempts become range-partitioned by month on their time
-- column, so retention drops a whole month (DETACH + DROP, no vacuum debt) instead of deleting rows, and the
-- audit log archives a month before it leaves the database (HistoryRetention, AuditArchive).
--
-- Each table is rebuilt: a partitioned twin is created, the months its rows fall in (and the current month
-- and three ahead) are created as partitions, the rows are copied, the old table is dropped and the twin
-- takes its name, indexes, constraints and triggers. The old tables are dropped without CASCADE, so a view or
-- foreign key that depended on one (pg_depend) would make this migration fail rather than vanish silently.
--
-- No DEFAULT partition: a row whose month has no partition is refused, loudly. A default partition would
-- swallow such rows silently and later block creating that month's partition (PostgreSQL refuses to create
-- a partition whose range rows in the default already occupy). Months are created ahead instead, by this
-- migration and by the application at start and daily (history_create_month).
--
-- Partitions are named <table>_<yyyy>_<mm>; bounds are UTC months.

create function history_create_month(p_table text, p_month date) returns text language plpgsql as $$
declare
    first_day date := date_trunc('month', p_month)::date;
    name text := p_table || '_' || to_char(first_day, 'YYYY_MM');
begin
    if to_regclass(name) is null then
        execute format('create table %I partition of %I for values from (%L) to (%L)', name, p_table,
                       (first_day::timestamp at time zone 'UTC'),
                       ((first_day + interval '1 month')::timestamp at time zone 'UTC'));
        return name;
    end if;
    return null;
end;
$$;

-- The months from the oldest row's (or this month) to three months ahead, for one table.
create function history_create_months(p_table text, p_oldest timestamptz) returns void language plpgsql as $$
declare
    m date := date_trunc('month', least(coalesce(p_oldest, now()), now()) at time zone 'UTC')::date;
begin
    while m <= (date_trunc('month', now() at time zone 'UTC') + interval '3 months')::date loop
        perform history_create_month(p_table, m);
        m := (m + interval '1 month')::date;
    end loop;
end;
$$;

-- The portal's change notice names the table; a row trigger on a partitioned table fires on the partition,
-- so the month suffix is taken off to keep the name pages listen for ("telemetry").
create or replace function portal_change() returns trigger language plpgsql as $$
declare
    changed jsonb;
    payload jsonb;
    i int;
begin
    foreach changed in array array[to_jsonb(new), to_jsonb(old)] loop
        continue when changed is null;
        payload := jsonb_build_object('t', regexp_replace(tg_table_name, '_[0-9]{4}_[0-9]{2}$', ''));
        for i in 0 .. tg_nargs - 1 by 2 loop
            payload := payload || jsonb_build_object(tg_argv[i], changed ->> tg_argv[i + 1]);
        end loop;
        perform pg_notify('portal_change', jsonb_strip_nulls(payload)::text);
    end loop;
    return null;
end;
$$;

-- audit_event --------------------------------------------------------------------------------------------
-- The primary key must hold the partition key: (id, occurred_at). The hash's global uniqueness cannot be
-- kept (it would have to include occurred_at and then means nothing); the chain itself is what proves
-- integrity (AuditChain), and a duplicated hash breaks the chain's prev_hash links anyway.
create table audit_event_partitioned (
    id              bigint generated always as identity,
    occurred_at     timestamptz   not null,
    actor_type      varchar(16)   not null check (actor_type in ('ACCOUNT', 'VENDOR_KEY', 'SYSTEM')),
    actor_id        varchar(100),
    actor_name      varchar(254)  not null,
    action          varchar(64)   not null,
    target_type     varchar(32)   not null,
    target_id       varchar(100),
    vendor_id       bigint,
    before_state    jsonb,
    after_state     jsonb,
    client_address  varchar(64),
    prev_hash       char(64)      not null,
    hash            char(64)      not null,
    primary key (id, occurred_at)
) partition by range (occurred_at);

select history_create_months('audit_event_partitioned', (select min(occurred_at) from audit_event));
insert into audit_event_partitioned overriding system value select * from audit_event;
drop table audit_event;
alter table audit_event_partitioned rename to audit_event;
alter table audit_event rename constraint audit_event_partitioned_pkey to audit_event_pkey;
alter table audit_event rename constraint audit_event_partitioned_actor_type_check to audit_event_actor_type_check;
do $$
declare p record;
begin
    for p in select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid
             where i.inhparent = 'audit_event'::regclass loop
        execute format('alter table %I rename to %I', p.relname, replace(p.relname, 'audit_event_partitioned_', 'audit_event_'));
    end loop;
end;
$$;
alter sequence audit_event_partitioned_id_seq rename to audit_event_id_seq;
select setval('audit_event_id_seq', coalesce((select max(id) from audit_event), 0) + 1, false);

create index audit_event_hash_idx on audit_event (hash);
create index audit_event_occurred_idx on audit_event (occurred_at, id);
create index audit_event_action_idx on audit_event (action, id);
create index audit_event_target_idx on audit_event (target_type, target_id);
create index audit_event_vendor_idx on audit_event (vendor_id, id);
create index audit_event_actor_idx on audit_event (actor_name, id);

create trigger audit_event_no_update before update or delete on audit_event
    for each row execute function audit_event_refuse_change();
create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function audit_event_refuse_change();

-- The months that left the database: each archived month's file, its row count and ids, and the chain's
-- anchor (the hash before the month's first event) and the month's last hash. Verification starts from
-- here (AuditChain). Append-only like the log; the same values are in the AUDIT_MONTH_ARCHIVED event.
create table audit_archive (
    month            date          primary key check (date_trunc('month', month) = month),
    first_id         bigint        not null,
    last_id          bigint        not null,
    row_count        bigint        not null check (row_count > 0),
    anchor_hash      char(64)      not null,
    last_hash        char(64)      not null,
    file_name        varchar(200)  not null,
    file_sha256      char(64)      not null,
    archived_at      timestamptz   not null,
    check (first_id <= last_id)
);
create trigger audit_archive_no_update before update or delete on audit_archive
    for each row execute function audit_event_refuse_change();

-- telemetry ----------------------------------------------------------------------------------------------
create table telemetry_partitioned (
    vendor_id             bigint      not null references vendor (id),
    cache_version_id      bigint      not null references cache_version (id),
    minute                timestamptz not null check (date_trunc('minute', minute) = minute),
    source                varchar(16) not null,
    deliveries            bigint      not null default 0 check (deliveries >= 0),
    errors                bigint      not null default 0 check (errors >= 0),
    isolation_violations  bigint      not null default 0 check (isolation_violations >= 0),
    primary key (vendor_id, cache_version_id, minute, source)
) partition by range (minute);

select history_create_months('telemetry_partitioned', (select min(minute) from telemetry));
insert into telemetry_partitioned select vendor_id, cache_version_id, minute, source, deliveries, errors,
                                         isolation_violations from telemetry;
drop table telemetry;
alter table telemetry_partitioned rename to telemetry;
alter table telemetry rename constraint telemetry_partitioned_pkey to telemetry_pkey;
alter table telemetry rename constraint telemetry_partitioned_vendor_id_fkey to telemetry_vendor_id_fkey;
alter table telemetry rename constraint telemetry_partitioned_cache_version_id_fkey to telemetry_cache_version_id_fkey;
alter table telemetry rename constraint telemetry_partitioned_minute_check to telemetry_minute_check;
alter table telemetry rename constraint telemetry_partitioned_deliveries_check to telemetry_deliveries_check;
alter table telemetry rename constraint telemetry_partitioned_errors_check to telemetry_errors_check;
alter table telemetry rename constraint telemetry_partitioned_isolation_violations_check to telemetry_isolation_violations_check;
alter table telemetry add constraint telemetry_source_check check (source in ('VENDOR', 'DECISION', 'OBSERVATION'));
do $$
declare p record;
begin
    for p in select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid
             where i.inhparent = 'telemetry'::regclass loop
        execute format('alter table %I rename to %I', p.relname, replace(p.relname, 'telemetry_partitioned_', 'telemetry_'));
    end loop;
end;
$$;
create index telemetry_version_minute_idx on telemetry (cache_version_id, minute);
create trigger telemetry_portal_change after insert or update on telemetry
    for each row execute function portal_change('v', 'vendor_id');

-- device_access ------------------------------------------------------------------------------------------
create table device_access_partitioned (
    minute                    timestamptz not null check (date_trunc('minute', minute) = minute),
    device_id                 bigint      not null,
    owner_account_id          bigint      not null,
    display_device_id         bigint,
    display_owner_account_id  bigint,
    capability                varchar(32) not null check (capability in ('CAMERA_STREAM', 'SNAPSHOT', 'CONTROL')),
    outcome                   varchar(8)  not null check (outcome in ('ALLOW', 'DENY')),
    reason                    varchar(32),
    answers                   bigint      not null check (answers > 0),
    last_at                   timestamptz not null
) partition by range (minute);

select history_create_months('device_access_partitioned', (select min(minute) from device_access));
insert into device_access_partitioned select minute, device_id, owner_account_id, display_device_id,
        display_owner_account_id, capability, outcome, reason, answers, last_at from device_access;
drop table device_access;
alter table device_access_partitioned rename to device_access;
alter table device_access rename constraint device_access_partitioned_minute_check to device_access_minute_check;
alter table device_access rename constraint device_access_partitioned_capability_check to device_access_capability_check;
alter table device_access rename constraint device_access_partitioned_outcome_check to device_access_outcome_check;
alter table device_access rename constraint device_access_partitioned_answers_check to device_access_answers_check;
do $$
declare p record;
begin
    for p in select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid
             where i.inhparent = 'device_access'::regclass loop
        execute format('alter table %I rename to %I', p.relname, replace(p.relname, 'device_access_partitioned_', 'device_access_'));
    end loop;
end;
$$;
create unique index device_access_uq on device_access
    (device_id, owner_account_id, minute, display_device_id, display_owner_account_id, capability, outcome, reason)
    nulls not distinct;
create index device_access_minute_idx on device_access (minute);

-- webhook_attempt ----------------------------------------------------------------------------------------
-- webhook_delivery stays one table: it is the outbox, whose PENDING and RETRYING rows are live work updated
-- in place, ordered per vendor by id and deduplicated over all time (dedupe_key), none of which a monthly
-- partition key can serve. What grows without bound is the record of every try, so that is kept apart,
-- one row per attempt, and partitioned by when it was made. Rows from before this migration: only each
-- delivery's last attempt was kept (last_attempt_at, last_error), so that is what is moved.
create table webhook_attempt (
    delivery_id   bigint        not null,
    vendor_id     bigint        not null,
    attempt       int           not null check (attempt > 0),
    attempted_at  timestamptz   not null,
    outcome       varchar(16)   not null check (outcome in ('ACKNOWLEDGED', 'RETRYING', 'DEAD_LETTER')),
    error         varchar(2000),
    primary key (delivery_id, attempt, attempted_at)
) partition by range (attempted_at);

select history_create_months('webhook_attempt', (select min(last_attempt_at) from webhook_delivery));
insert into webhook_attempt (delivery_id, vendor_id, attempt, attempted_at, outcome, error)
select id, vendor_id, attempts, last_attempt_at,
       case when status in ('ACKNOWLEDGED', 'DEAD_LETTER') then status else 'RETRYING' end, last_error
from webhook_delivery
where last_attempt_at is not null and attempts > 0;
create index webhook_attempt_vendor_idx on webhook_attempt (vendor_id, attempted_at);
