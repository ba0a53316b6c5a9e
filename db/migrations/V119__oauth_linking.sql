-- Issue 22: account linking by OAuth 2.0 with the vendor's own authorization server. A vendor links
-- either by one-time code (as before) or by OAuth; the platform then holds the household's tokens
-- (sealed, like every secret), refreshes them, pulls the household's devices with them and revokes
-- them at the vendor on unlink (RFC 7009).

-- The vendor's authorization server, as its partner manager registers it. Without a row, or while
-- not enabled, the vendor links by code.
create table vendor_oauth (
    vendor_id          bigint       primary key references vendor (id),
    enabled            boolean      not null default false,
    authorization_uri  varchar(2048) not null,
    token_uri          varchar(2048) not null,
    revocation_uri     varchar(2048),
    devices_uri        varchar(2048) not null,
    client_id          varchar(200) not null check (length(trim(client_id)) > 0),
    client_secret      varchar(1024) not null,
    scopes             text[]       not null default '{}',
    pkce               boolean      not null default true,
    updated_at         timestamptz  not null,
    updated_by         bigint       references account (id),
    version            bigint       not null default 0,
    constraint vendor_oauth_client_secret_sealed
        check (client_secret ~ '^bks1:[A-Za-z0-9_-]{1,32}:[A-Za-z0-9_-]{38,}$')
);

-- The tokens of a live OAuth link. A refresh the vendor refuses turns the link to "needs re-linking"
-- (account_link.needs_relink): decisions for its devices are then refused until the household links again.
create table link_token (
    link_id            bigint       primary key references account_link (id),
    access_token       varchar(8192) not null,
    access_expires_at  timestamptz,
    refresh_token      varchar(8192),
    scopes             text[]       not null default '{}',
    obtained_at        timestamptz  not null,
    refreshed_at       timestamptz,
    refresh_failures   int          not null default 0,
    next_refresh_at    timestamptz,
    last_refresh_error varchar(200),
    pulled_at          timestamptz,
    pull_requested_at  timestamptz,
    last_pull_error    varchar(200),
    version            bigint       not null default 0,
    constraint link_token_access_sealed check (access_token ~ '^bks1:[A-Za-z0-9_-]{1,32}:[A-Za-z0-9_-]{38,}$'),
    constraint link_token_refresh_sealed
        check (refresh_token is null or refresh_token ~ '^bks1:[A-Za-z0-9_-]{1,32}:[A-Za-z0-9_-]{38,}$')
);
create index link_token_refresh_due_idx on link_token (access_expires_at);

-- Revoking an unlinked account's tokens at the vendor: one row per unlink that ended a link holding
-- tokens, attempted until the vendor confirms or the retry horizon passes (then FAILED, for an admin).
-- The tokens are wiped once the vendor has revoked them.
create table token_revocation (
    id                 bigint       generated always as identity primary key,
    receipt_id         bigint       references unlink_receipt (id),
    link_id            bigint       not null references account_link (id),
    vendor_id          bigint       not null references vendor (id),
    access_token       varchar(8192),
    refresh_token      varchar(8192),
    status             varchar(16)  not null check (status in ('PENDING', 'RETRYING', 'REVOKED', 'FAILED', 'NOT_OFFERED')),
    attempts           int          not null default 0,
    created_at         timestamptz  not null,
    next_attempt_at    timestamptz,
    finished_at        timestamptz,
    last_answer        varchar(200),
    constraint token_revocation_access_sealed
        check (access_token is null or access_token ~ '^bks1:[A-Za-z0-9_-]{1,32}:[A-Za-z0-9_-]{38,}$'),
    constraint token_revocation_refresh_sealed
        check (refresh_token is null or refresh_token ~ '^bks1:[A-Za-z0-9_-]{1,32}:[A-Za-z0-9_-]{38,}$'),
    constraint token_revocation_open_has_next
        check ((status in ('PENDING', 'RETRYING')) = (next_attempt_at is not null))
);
create index token_revocation_due_idx on token_revocation (next_attempt_at) where status in ('PENDING', 'RETRYING');
create index token_revocation_receipt_idx on token_revocation (receipt_id);

alter table account_link add column needs_relink boolean not null default false;
alter table account_link add constraint account_link_relink_only_live check (not needs_relink or status = 'LIVE');

-- the decision read stays index-only with the new column (V070)
drop index account_link_decision_idx;
create unique index account_link_decision_idx on account_link (id) include (status, epoch, needs_relink);

create or replace view link_directory as
    select l.id, l.account_id, l.vendor_id, l.external_account_id, l.status, l.epoch, l.needs_relink
    from account_link l;

drop function decision_devices(bigint[], text[], text[]);
create function decision_devices(vendor_ids bigint[], device_ids text[], platform_ids text[])
    returns table (id bigint, vendor_id bigint, vendor_device_id text, state text, owner_account_id bigint,
                   link_id bigint, link_live boolean, link_epoch integer, model_code text, surface_code text,
                   link_needs_relink boolean)
    language plpgsql
    stable
    set plan_cache_mode = force_generic_plan
as $$
begin
    return query
        select d.id, d.vendor_id, d.vendor_device_id::text, d.state::text, d.owner_account_id, d.link_id,
               l.status = 'LIVE', l.epoch, d.model_code::text, d.surface_code::text, l.needs_relink
        from unnest(vendor_ids, device_ids) as k(vendor_id, device_id)
        join device d on d.vendor_id = k.vendor_id and d.vendor_device_id = k.device_id
        left join account_link l on l.id = d.link_id
        union all
        select d.id, d.vendor_id, d.vendor_device_id::text, d.state::text, d.owner_account_id, d.link_id,
               l.status = 'LIVE', l.epoch, d.model_code::text, d.surface_code::text, l.needs_relink
        from device d
        left join account_link l on l.id = d.link_id
        where d.vendor_id is null and d.vendor_device_id = any(platform_ids);
end
$$;
