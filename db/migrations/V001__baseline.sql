-- Bridgekeeper baseline: the whole domain of DESIGN.md, with its rules in the database.
-- Every state column has a check; uniqueness that the product relies on is a constraint or a
-- partial unique index, not only Java.

-- Accounts ----------------------------------------------------------------------------------

create table account (
    id              bigint generated always as identity primary key,
    email           varchar(254) not null,
    display_name    varchar(200) not null,
    password_hash   varchar(200) not null,
    kind            varchar(16)  not null check (kind in ('HOUSEHOLD', 'STAFF')),
    enabled         boolean      not null default true,
    created_at      timestamptz  not null default now(),
    version         bigint       not null default 0,
    constraint account_email_format check (email ~ '^[^@\s]+@[^@\s]+$')
);
create unique index account_email_uq on account (lower(email));

create table account_role (
    account_id  bigint      not null references account (id) on delete cascade,
    role        varchar(32) not null check (role in ('ADMIN', 'PARTNER_MANAGER', 'END_USER')),
    primary key (account_id, role)
);

-- Failed sign-ins per user name (also for names that do not exist, so a lock-out reveals nothing)
create table login_attempt (
    username           varchar(254) primary key,
    failures           int          not null check (failures >= 0),
    window_started_at  timestamptz  not null,
    locked_until       timestamptz
);

-- Vendors -----------------------------------------------------------------------------------

create table vendor (
    id                         bigint generated always as identity primary key,
    slug                       varchar(63)  not null unique
                               check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name                       varchar(200) not null check (length(trim(name)) > 0),
    status                     varchar(16)  not null
                               check (status in ('ONBOARDING', 'ACTIVE', 'SUSPENDED', 'RETIRED')),
    webhook_url                varchar(2048),
    webhook_secret             varchar(128) not null,
    auto_suspend_on_violation  boolean      not null default true,
    created_at                 timestamptz  not null default now(),
    updated_at                 timestamptz  not null default now(),
    version                    bigint       not null default 0
);

create table vendor_capability (
    vendor_id   bigint      not null references vendor (id) on delete cascade,
    capability  varchar(32) not null check (capability in ('CAMERA_STREAM', 'SNAPSHOT', 'CONTROL')),
    primary key (vendor_id, capability)
);

create table vendor_partner_manager (
    vendor_id    bigint      not null references vendor (id),
    account_id   bigint      not null references account (id),
    assigned_at  timestamptz not null default now(),
    primary key (vendor_id, account_id)
);
create index vendor_partner_manager_account_idx on vendor_partner_manager (account_id);

create table vendor_api_key (
    id            bigint generated always as identity primary key,
    vendor_id     bigint       not null references vendor (id),
    name          varchar(100) not null,
    key_prefix    varchar(16)  not null unique,
    key_hash      varchar(128) not null,
    created_by    bigint       references account (id),
    created_at    timestamptz  not null default now(),
    last_used_at  timestamptz,
    revoked_at    timestamptz,
    revoked_by    bigint       references account (id)
);
create index vendor_api_key_vendor_idx on vendor_api_key (vendor_id);

-- Suspensions: the kill switch ---------------------------------------------------------------

create table suspension (
    id                       bigint generated always as identity primary key,
    vendor_id                bigint        not null references vendor (id),
    all_capabilities         boolean       not null,
    reason_code              varchar(32)   not null
                             check (reason_code in ('PRIVACY_LEAK', 'SECURITY', 'OUTAGE', 'CERTIFICATION', 'OTHER')),
    reason_text              varchar(2000) not null check (length(trim(reason_text)) > 0),
    expected_restoration_at  timestamptz,
    status                   varchar(20)   not null check (status in ('ACTIVE', 'RESUME_REQUESTED', 'LIFTED')),
    suspended_by             bigint        references account (id),
    suspended_at             timestamptz   not null,
    resume_requested_by      bigint        references account (id),
    resume_requested_at      timestamptz,
    lifted_by                bigint        references account (id),
    lifted_at                timestamptz,
    version                  bigint        not null default 0,
    constraint suspension_lifted_has_time check ((status = 'LIFTED') = (lifted_at is not null)),
    -- four eyes: the admin who asked for the resume does not approve it
    constraint suspension_four_eyes check (resume_requested_by is null or lifted_by is null
                                           or resume_requested_by <> lifted_by)
);
-- one open suspension per vendor
create unique index suspension_open_uq on suspension (vendor_id) where status <> 'LIFTED';

create table suspension_capability (
    suspension_id  bigint      not null references suspension (id),
    capability     varchar(32) not null check (capability in ('CAMERA_STREAM', 'SNAPSHOT', 'CONTROL')),
    primary key (suspension_id, capability)
);

-- App nodes and when each applied each suspension change (the kill switch says where it holds)
create table app_node (
    node_id       varchar(64) primary key,
    started_at    timestamptz not null,
    last_seen_at  timestamptz not null
);

create table suspension_application (
    suspension_id  bigint      not null references suspension (id),
    node_id        varchar(64) not null references app_node (node_id),
    change         varchar(16) not null check (change in ('SUSPENDED', 'LIFTED')),
    applied_at     timestamptz not null,
    primary key (suspension_id, node_id, change)
);

-- Account links ------------------------------------------------------------------------------

create table account_link (
    id                   bigint generated always as identity primary key,
    account_id           bigint       not null references account (id),
    vendor_id            bigint       not null references vendor (id),
    external_account_id  varchar(200) not null check (length(trim(external_account_id)) > 0),
    status               varchar(16)  not null check (status in ('LIVE', 'ENDED')),
    epoch                int          not null check (epoch >= 1),
    linked_at            timestamptz  not null,
    unlinked_at          timestamptz,
    unlinked_by          bigint       references account (id),
    unlink_reason        varchar(2000),
    version              bigint       not null default 0,
    constraint account_link_ended_has_time check ((status = 'ENDED') = (unlinked_at is not null))
);
-- one live link per (vendor, external account)
create unique index account_link_live_uq on account_link (vendor_id, external_account_id) where status = 'LIVE';
create index account_link_account_idx on account_link (account_id);
create index account_link_external_idx on account_link (external_account_id);

-- every move of a link's epoch, with why
create table link_epoch_event (
    id           bigint generated always as identity primary key,
    link_id      bigint       not null references account_link (id),
    epoch        int          not null check (epoch >= 1),
    event        varchar(20)  not null
                 check (event in ('LINKED', 'RELINKED', 'UNLINKED', 'FORCE_UNLINKED', 'DEVICE_DETACHED')),
    occurred_at  timestamptz  not null,
    actor_id     bigint       references account (id),
    reason       varchar(2000)
);
create index link_epoch_event_link_idx on link_epoch_event (link_id, occurred_at);

-- one-time codes with which a household starts a link and the vendor completes it
create table link_code (
    id          bigint generated always as identity primary key,
    code_hash   varchar(128) not null unique,
    account_id  bigint       not null references account (id),
    vendor_id   bigint       not null references vendor (id),
    created_at  timestamptz  not null,
    expires_at  timestamptz  not null,
    used_at     timestamptz,
    link_id     bigint       references account_link (id),
    constraint link_code_expiry check (expires_at > created_at)
);

-- Devices and ownership ----------------------------------------------------------------------

create table device (
    id                bigint generated always as identity primary key,
    vendor_id         bigint       references vendor (id),   -- null: the platform's own devices
    vendor_device_id  varchar(200) not null check (length(trim(vendor_device_id)) > 0),
    kind              varchar(16)  not null
                      check (kind in ('CAMERA', 'DISPLAY', 'DOORBELL', 'LOCK', 'SENSOR', 'LIGHT', 'THERMOSTAT', 'PLUG', 'OTHER')),
    name              varchar(200) not null check (length(trim(name)) > 0),
    owner_account_id  bigint       references account (id),
    link_id           bigint       references account_link (id),
    state             varchar(16)  not null check (state in ('ACTIVE', 'DISABLED', 'REMOVED')),
    owner_since       timestamptz,
    created_at        timestamptz  not null default now(),
    updated_at        timestamptz  not null default now(),
    version           bigint       not null default 0,
    constraint device_vendor_device_uq unique nulls not distinct (vendor_id, vendor_device_id),
    constraint device_platform_has_no_link check (vendor_id is not null or link_id is null)
);
create index device_owner_idx on device (owner_account_id, id);
create index device_link_idx on device (link_id);
create index device_vendor_kind_idx on device (vendor_id, kind, id);

create table device_ownership (
    id                bigint generated always as identity primary key,
    device_id         bigint      not null references device (id),
    owner_account_id  bigint      not null references account (id),
    link_id           bigint      references account_link (id),
    link_epoch        int,
    started_at        timestamptz not null,
    start_reason      varchar(16) not null check (start_reason in ('CREATED', 'LINKED', 'TRANSFERRED')),
    ended_at          timestamptz,
    end_reason        varchar(16) check (end_reason in ('TRANSFERRED', 'UNLINKED', 'REMOVED')),
    reason_text       varchar(2000),
    constraint device_ownership_end check ((ended_at is null) = (end_reason is null)),
    constraint device_ownership_order check (ended_at is null or ended_at >= started_at)
);
create unique index device_ownership_current_uq on device_ownership (device_id) where ended_at is null;
create index device_ownership_owner_idx on device_ownership (owner_account_id);

-- Cache versions and rollouts ----------------------------------------------------------------

create table cache_version (
    id             bigint generated always as identity primary key,
    vendor_id      bigint        not null references vendor (id),
    label          varchar(100)  not null check (length(trim(label)) > 0),
    description    varchar(2000),
    release_notes  text,
    stable         boolean       not null default false,
    created_at     timestamptz   not null default now(),
    created_by     bigint        references account (id),
    unique (vendor_id, label)
);
-- one stable version per vendor
create unique index cache_version_stable_uq on cache_version (vendor_id) where stable;

create table rollout (
    id                     bigint generated always as identity primary key,
    vendor_id              bigint        not null references vendor (id),
    from_version_id        bigint        not null references cache_version (id),
    to_version_id          bigint        not null references cache_version (id),
    state                  varchar(20)   not null
                           check (state in ('DRAFT', 'PENDING_APPROVAL', 'APPROVED', 'REJECTED', 'RUNNING',
                                            'PAUSED', 'COMPLETED', 'HALTED', 'ROLLED_BACK')),
    salt                   varchar(64)   not null,
    current_stage          int           check (current_stage >= 0),
    bake_seconds           int           not null check (bake_seconds >= 0),
    min_deliveries         bigint        not null check (min_deliveries >= 0),
    error_rate_threshold   numeric(7, 6) not null check (error_rate_threshold >= 0 and error_rate_threshold <= 1),
    no_data_seconds        int           not null check (no_data_seconds > 0),
    created_by             bigint        not null references account (id),
    created_at             timestamptz   not null,
    submitted_at           timestamptz,
    decided_by             bigint        references account (id),
    decided_at             timestamptz,
    decision_reason        varchar(2000),
    started_at             timestamptz,
    stage_started_at       timestamptz,
    ended_at               timestamptz,
    pause_reason           varchar(2000),
    version                bigint        not null default 0,
    constraint rollout_versions_differ check (from_version_id <> to_version_id),
    -- four eyes: the author never approves their own rollout
    constraint rollout_four_eyes check (decided_by is null or decided_by <> created_by)
);
-- at most one running (or paused) rollout per vendor
create unique index rollout_active_uq on rollout (vendor_id) where state in ('RUNNING', 'PAUSED');
create index rollout_state_idx on rollout (state, vendor_id);

create table rollout_stage (
    rollout_id    bigint      not null references rollout (id),
    stage_index   int         not null check (stage_index >= 0),
    percent       int         not null check (percent between 1 and 100),
    started_at    timestamptz,
    completed_at  timestamptz,
    primary key (rollout_id, stage_index)
);

-- Telemetry per vendor, cache version and minute, from the vendor or from the decision path
create table telemetry (
    vendor_id             bigint      not null references vendor (id),
    cache_version_id      bigint      not null references cache_version (id),
    minute                timestamptz not null check (date_trunc('minute', minute) = minute),
    source                varchar(16) not null check (source in ('VENDOR', 'DECISION')),
    deliveries            bigint      not null default 0 check (deliveries >= 0),
    errors                bigint      not null default 0 check (errors >= 0),
    isolation_violations  bigint      not null default 0 check (isolation_violations >= 0),
    primary key (vendor_id, cache_version_id, minute, source)
);

-- Incidents and isolation violations ---------------------------------------------------------

create table incident (
    id               bigint generated always as identity primary key,
    kind             varchar(24)   not null
                     check (kind in ('ISOLATION_VIOLATION', 'ERROR_RATE', 'NO_DATA', 'MANUAL')),
    severity         varchar(8)    not null check (severity in ('SEV1', 'SEV2', 'SEV3')),
    state            varchar(16)   not null check (state in ('OPEN', 'ACKNOWLEDGED', 'RESOLVED')),
    title            varchar(300)  not null,
    vendor_id        bigint        references vendor (id),
    rollout_id       bigint        references rollout (id),
    evidence         jsonb,
    opened_at        timestamptz   not null,
    opened_by        bigint        references account (id),
    acknowledged_at  timestamptz,
    acknowledged_by  bigint        references account (id),
    resolved_at      timestamptz,
    resolved_by      bigint        references account (id),
    version          bigint        not null default 0
);
create index incident_state_idx on incident (state, opened_at);

create table incident_note (
    id           bigint generated always as identity primary key,
    incident_id  bigint        not null references incident (id),
    occurred_at  timestamptz   not null,
    author_id    bigint        references account (id),
    kind         varchar(16)   not null check (kind in ('NOTE', 'ACKNOWLEDGED', 'RESOLVED', 'OPENED')),
    note         varchar(4000) not null
);

create table isolation_violation (
    id                       bigint generated always as identity primary key,
    occurred_at              timestamptz not null,
    vendor_id                bigint      not null references vendor (id),
    source_device_id         bigint      references device (id),
    target_device_id         bigint      references device (id),
    requester_account_id     bigint      references account (id),
    source_owner_account_id  bigint      references account (id),
    target_owner_account_id  bigint      references account (id),
    reason                   varchar(32) not null,
    cache_version_id         bigint      references cache_version (id),
    rollout_id               bigint      references rollout (id),
    incident_id              bigint      references incident (id),
    evidence                 jsonb
);
create index isolation_violation_incident_idx on isolation_violation (incident_id, occurred_at);
create index isolation_violation_vendor_idx on isolation_violation (vendor_id, occurred_at);

-- Webhooks and unlink receipts ---------------------------------------------------------------

create table webhook_delivery (
    id                bigint generated always as identity primary key,
    vendor_id         bigint        not null references vendor (id),
    event_type        varchar(16)   not null check (event_type in ('DISCONNECT', 'SUSPENDED', 'RESUMED')),
    payload           jsonb         not null,
    status            varchar(16)   not null
                      check (status in ('PENDING', 'RETRYING', 'ACKNOWLEDGED', 'FAILED')),
    attempts          int           not null default 0 check (attempts >= 0),
    next_attempt_at   timestamptz,
    last_attempt_at   timestamptz,
    last_error        varchar(2000),
    acknowledged_at   timestamptz,
    created_at        timestamptz   not null,
    version           bigint        not null default 0
);
create index webhook_delivery_due_idx on webhook_delivery (next_attempt_at) where status in ('PENDING', 'RETRYING');
create index webhook_delivery_vendor_idx on webhook_delivery (vendor_id, created_at);

create table unlink_receipt (
    id                   bigint generated always as identity primary key,
    account_id           bigint      not null references account (id),
    link_id              bigint      not null references account_link (id),
    device_id            bigint      references device (id),
    new_epoch            int         not null,
    created_at           timestamptz not null,
    access_revoked_at    timestamptz not null,
    webhook_delivery_id  bigint      references webhook_delivery (id)
);
create index unlink_receipt_account_idx on unlink_receipt (account_id, created_at);

-- Audit: append-only and hash-chained --------------------------------------------------------

create table audit_event (
    id              bigint generated always as identity primary key,
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
    hash            char(64)      not null unique
);
create index audit_event_occurred_idx on audit_event (occurred_at, id);
create index audit_event_action_idx on audit_event (action, id);
create index audit_event_target_idx on audit_event (target_type, target_id);
create index audit_event_vendor_idx on audit_event (vendor_id, id);
create index audit_event_actor_idx on audit_event (actor_name, id);

create function audit_event_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end;
$$;
create trigger audit_event_no_update before update or delete on audit_event
    for each row execute function audit_event_refuse_change();
create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function audit_event_refuse_change();

-- Scheduling once across nodes (ShedLock) ----------------------------------------------------

create table shedlock (
    name        varchar(64)  primary key,
    lock_until  timestamptz  not null,
    locked_at   timestamptz  not null,
    locked_by   varchar(255) not null
);
