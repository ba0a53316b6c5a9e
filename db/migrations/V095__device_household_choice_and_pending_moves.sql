-- Issue 16: a household's own choice (disabled) kept apart from what vendors and admins do to a device,
-- and ownership that moves between households only with consent.

-- Who disabled the device, and when: the household's choice. It binds while that household owns the
-- device, through unlink, relink, removal and return, suspension and resume; it never binds another owner.
alter table device add column disabled_by bigint references account (id);
alter table device add column disabled_at timestamptz;
alter table device add constraint device_disabled_by_when check ((disabled_by is null) = (disabled_at is null));
-- Devices disabled before this migration: the household that owns them now chose it.
update device set disabled_by = owner_account_id, disabled_at = updated_at
where state = 'DISABLED' and owner_account_id is not null;

-- CONFLICT: a vendor listed the device under another household's account; held (decisions deny for
-- both households) until the new household confirms or an admin resolves it.
alter table device drop constraint device_state_check;
alter table device add constraint device_state_check
    check (state in ('ACTIVE', 'DISABLED', 'REMOVED', 'CONFLICT'));

-- A move a vendor's sync asked for: from the household that owns the device to the one whose vendor
-- account now lists it. At most one pending per device.
create table device_move (
    id               bigint generated always as identity primary key,
    device_id        bigint        not null references device (id),
    vendor_id        bigint        not null references vendor (id),
    from_account_id  bigint        not null references account (id),
    to_account_id    bigint        not null references account (id),
    to_link_id       bigint        not null references account_link (id),
    requested_at     timestamptz   not null,
    status           varchar(16)   not null check (status in ('PENDING', 'CONFIRMED', 'REJECTED', 'WITHDRAWN')),
    resolved_at      timestamptz,
    resolved_by      bigint        references account (id),
    resolution       varchar(2000),
    constraint device_move_between_households check (from_account_id <> to_account_id),
    constraint device_move_resolved check ((status = 'PENDING') = (resolved_at is null)),
    constraint device_move_order check (resolved_at is null or resolved_at >= requested_at)
);
create unique index device_move_pending_uq on device_move (device_id) where status = 'PENDING';
create index device_move_to_idx on device_move (to_account_id) where status = 'PENDING';
create index device_move_from_idx on device_move (from_account_id) where status = 'PENDING';
create index device_move_link_idx on device_move (to_link_id) where status = 'PENDING';
