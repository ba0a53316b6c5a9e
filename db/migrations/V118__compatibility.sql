-- Issue 21: which vendor device models work on which platform surfaces, from which cache version on,
-- certified by an admin. A revoked certification is a scoped suspension of exactly one model on one
-- surface (certification_suspension), which the decision API enforces as NOT_CERTIFIED.

-- The platform's surfaces and the capabilities each may use (the platform defines them; V118 seeds them).
create table surface (
    code          varchar(40)  primary key check (code ~ '^[a-z][a-z0-9-]{1,39}$'),
    name          varchar(100) not null,
    capabilities  text[]       not null,
    position      int          not null
);
insert into surface (code, name, capabilities, position) values
    ('smart-display',  'Smart display',              '{CAMERA_STREAM,SNAPSHOT,CONTROL}', 1),
    ('speaker-screen', 'Smart speaker with screen',  '{SNAPSHOT,CONTROL}',               2),
    ('speaker',        'Smart speaker',              '{CONTROL}',                        3),
    ('assistant',      'Voice assistant',            '{CONTROL}',                        4),
    ('mobile-app',     'Mobile app',                 '{CAMERA_STREAM,SNAPSHOT,CONTROL}', 5);

-- A vendor's device model, registered by the vendor (partner API) or its partner manager (portal).
create table device_model (
    id             bigint generated always as identity primary key,
    vendor_id      bigint       not null references vendor (id),
    code           varchar(64)  not null check (code ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$'),
    name           varchar(200) not null check (length(trim(name)) > 0),
    kind           varchar(16)  not null
                   check (kind in ('CAMERA', 'DISPLAY', 'DOORBELL', 'LOCK', 'SENSOR', 'LIGHT', 'THERMOSTAT', 'PLUG', 'OTHER')),
    capabilities   text[]       not null,
    registered_at  timestamptz  not null default now(),
    registered_by  bigint       references account (id),   -- null: the vendor's cloud through the partner API
    constraint device_model_code_uq unique (vendor_id, code)
);

-- What the vendor says works: this model's capability on this surface, from this cache version on.
create table compatibility (
    id                bigint generated always as identity primary key,
    model_id          bigint       not null references device_model (id),
    surface_code      varchar(40)  not null references surface (code),
    capability        varchar(20)  not null check (capability in ('CAMERA_STREAM', 'SNAPSHOT', 'CONTROL')),
    since_version_id  bigint       not null references cache_version (id),
    declared_at       timestamptz  not null default now(),
    declared_by       bigint       references account (id),
    constraint compatibility_uq unique (model_id, surface_code, capability)
);
create index compatibility_surface_idx on compatibility (surface_code, model_id);

-- An admin's certification of a model on a surface for one cache version; revoked with a reason.
create table certification (
    id                bigint generated always as identity primary key,
    model_id          bigint       not null references device_model (id),
    surface_code      varchar(40)  not null references surface (code),
    cache_version_id  bigint       not null references cache_version (id),
    status            varchar(16)  not null check (status in ('CERTIFIED', 'REVOKED')),
    certified_at      timestamptz  not null,
    certified_by      bigint       not null references account (id),
    revoked_at        timestamptz,
    revoked_by        bigint       references account (id),
    revoke_reason     varchar(2000),
    constraint certification_uq unique (model_id, surface_code, cache_version_id),
    constraint certification_revoked check ((status = 'REVOKED') = (revoked_at is not null and revoked_by is not null
                                                                     and revoke_reason is not null))
);

-- The scoped suspension a revocation opens: deliveries of the model's devices to the surface are refused
-- (NOT_CERTIFIED) until an admin certifies the pair again. At most one open per model and surface.
create table certification_suspension (
    id            bigint generated always as identity primary key,
    model_id      bigint        not null references device_model (id),
    surface_code  varchar(40)   not null references surface (code),
    reason_code   varchar(20)   not null default 'CERTIFICATION' check (reason_code = 'CERTIFICATION'),
    reason        varchar(2000) not null,
    opened_at     timestamptz   not null,
    opened_by     bigint        not null references account (id),
    lifted_at     timestamptz,
    lifted_by     bigint        references account (id),
    constraint certification_suspension_lifted check ((lifted_at is null) = (lifted_by is null))
);
create unique index certification_suspension_open_uq on certification_suspension (model_id, surface_code)
    where lifted_at is null;

-- A vendor device names its model (the vendor's code, set by the sync); a platform device names its surface.
alter table device add column model_code varchar(64);
alter table device add column surface_code varchar(40) references surface (code);
alter table device add constraint device_model_is_a_vendors check (vendor_id is not null or model_code is null);
alter table device add constraint device_surface_is_the_platforms check (vendor_id is null or surface_code is null);
update device set surface_code = 'smart-display' where vendor_id is null and kind = 'DISPLAY';

-- The authorization read needs both, from the index alone (V070): the covering unique constraint is
-- rebuilt with them included (same key, same name, same rule).
alter table device add constraint device_vendor_device_cov
    unique nulls not distinct (vendor_id, vendor_device_id) include (id, state, owner_account_id, link_id, model_code, surface_code);
alter table device drop constraint device_vendor_device_uq;
alter table device rename constraint device_vendor_device_cov to device_vendor_device_uq;

create or replace view device_directory as
    select d.id, d.vendor_id, d.vendor_device_id, d.kind, d.name, d.owner_account_id, d.link_id, d.state,
           d.model_code, d.surface_code
    from device d;

drop function decision_devices(bigint[], text[], text[]);
create function decision_devices(vendor_ids bigint[], device_ids text[], platform_ids text[])
    returns table (id bigint, vendor_id bigint, vendor_device_id text, state text, owner_account_id bigint,
                   link_id bigint, link_live boolean, link_epoch integer, model_code text, surface_code text)
    language plpgsql
    stable
    set plan_cache_mode = force_generic_plan
as $$
begin
    return query
        select d.id, d.vendor_id, d.vendor_device_id::text, d.state::text, d.owner_account_id, d.link_id,
               l.status = 'LIVE', l.epoch, d.model_code::text, d.surface_code::text
        from unnest(vendor_ids, device_ids) as k(vendor_id, device_id)
        join device d on d.vendor_id = k.vendor_id and d.vendor_device_id = k.device_id
        left join account_link l on l.id = d.link_id
        union all
        select d.id, d.vendor_id, d.vendor_device_id::text, d.state::text, d.owner_account_id, d.link_id,
               l.status = 'LIVE', l.epoch, d.model_code::text, d.surface_code::text
        from device d
        left join account_link l on l.id = d.link_id
        where d.vendor_id is null and d.vendor_device_id = any(platform_ids);
end
$$;

-- What other modules read of this one: the models (device sync checks a model code), the surfaces, and
-- the open certification suspensions.
create view device_model_directory as
    select m.id, m.vendor_id, m.code, m.name, m.kind
    from device_model m;

create view surface_directory as
    select s.code, s.name, s.capabilities, s.position
    from surface s;
