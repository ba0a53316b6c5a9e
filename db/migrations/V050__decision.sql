-- The decision API: service credentials of the data plane, cache-key signing secrets, and the
-- notifications that keep every node's in-memory decision state current.

create table service_credential (
    id           bigint generated always as identity primary key,
    name         varchar(100) not null check (length(trim(name)) > 0),
    key_prefix   varchar(32)  not null unique,
    key_hash     varchar(64)  not null,
    created_at   timestamptz  not null,
    created_by   bigint       references account (id),
    revoked_at   timestamptz,
    revoked_by   bigint       references account (id),
    last_used_at timestamptz
);
create unique index service_credential_live_name_uq on service_credential (lower(name)) where revoked_at is null;

-- HMAC secrets for cache keys. One ACTIVE secret signs; the one it replaced still VERIFIES (so data
-- planes holding keys re-resolve on their own time); older ones are RETIRED (keys signed with them
-- are stale). The secret itself never leaves the database and the nodes' memory.
create table cache_key_secret (
    kid         varchar(16) primary key check (kid ~ '^k[0-9]+$'),
    secret      bytea       not null check (length(secret) >= 32),
    status      varchar(8)  not null check (status in ('ACTIVE', 'VERIFY', 'RETIRED')),
    created_at  timestamptz not null,
    created_by  bigint      references account (id),
    retired_at  timestamptz
);
create unique index cache_key_secret_active_uq on cache_key_secret (status) where status = 'ACTIVE';
create sequence cache_key_secret_seq;

-- Notifications on the channel bridgekeeper_decision, sent by the database itself so that no code
-- path that changes decision state can forget them. PostgreSQL delivers them at commit.
--   v:<vendor id>    the vendor's status, capabilities, stable version or rollout changed
--   d:<id>,<id>...   these devices changed (d:* when too many for one payload)
--   l:<id>,<id>...   these account links changed
--   s                signing secrets changed
--   c                service credentials changed

create function decision_notify_vendor() returns trigger language plpgsql as $$
begin
    perform pg_notify('bridgekeeper_decision', 'v:' || coalesce(new.vendor_id, old.vendor_id));
    return null;
end $$;

create function decision_notify_vendor_row() returns trigger language plpgsql as $$
begin
    perform pg_notify('bridgekeeper_decision', 'v:' || coalesce(new.id, old.id));
    return null;
end $$;

create trigger vendor_decision after insert or update on vendor
    for each row execute function decision_notify_vendor_row();
create trigger vendor_capability_decision after insert or update or delete on vendor_capability
    for each row execute function decision_notify_vendor();
create trigger cache_version_decision after insert or update on cache_version
    for each row execute function decision_notify_vendor();
create trigger rollout_decision after insert or update on rollout
    for each row execute function decision_notify_vendor();

-- statement level with transition tables: one notification per statement, even for bulk syncs
create function decision_notify_ids() returns trigger language plpgsql as $$
declare
    n   int;
    ids text;
begin
    select count(*), string_agg(id::text, ',') into n, ids
    from (select distinct id from changed_rows limit 501) c;
    if n > 500 then
        perform pg_notify('bridgekeeper_decision', tg_argv[0] || ':*');
    elsif n > 0 then
        perform pg_notify('bridgekeeper_decision', tg_argv[0] || ':' || ids);
    end if;
    return null;
end $$;

create trigger device_decision_update after update on device
    referencing new table as changed_rows for each statement execute function decision_notify_ids('d');
create trigger device_decision_delete after delete on device
    referencing old table as changed_rows for each statement execute function decision_notify_ids('d');
create trigger account_link_decision_update after update on account_link
    referencing new table as changed_rows for each statement execute function decision_notify_ids('l');

create function decision_notify_tag() returns trigger language plpgsql as $$
begin
    perform pg_notify('bridgekeeper_decision', tg_argv[0]);
    return null;
end $$;

create trigger cache_key_secret_decision after insert or update on cache_key_secret
    for each statement execute function decision_notify_tag('s');
create trigger service_credential_decision after insert or update of revoked_at on service_credential
    for each statement execute function decision_notify_tag('c');

-- the first signing secret: 244 random bits from two version-4 UUIDs (gen_random_uuid is built in)
insert into cache_key_secret (kid, secret, status, created_at)
values ('k' || nextval('cache_key_secret_seq'),
        decode(replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''), 'hex'), 'ACTIVE', now());
