-- Issue 16: a decision credential carries a scope (which calls, which vendors) and a rate limit, and
-- the mismatches its requests produce are kept so that a credential that keeps producing them is flagged.
alter table service_credential
    add column calls varchar(16)[] not null default '{RESOLVE,AUTHORIZE}'
        check (cardinality(calls) between 1 and 2 and calls <@ array['RESOLVE', 'AUTHORIZE']::varchar(16)[]),
    add column all_vendors boolean not null default true,
    add column rate_per_second integer not null default 10000 check (rate_per_second between 1 and 100000);

-- the vendors of a credential that is not for all of them
create table service_credential_vendor (
    credential_id  bigint not null references service_credential (id),
    vendor_id      bigint not null references vendor (id),
    primary key (credential_id, vendor_id)
);

-- every node reloads the live credentials when a scope changes (as on creation and revocation, V050)
create trigger service_credential_scope_decision after update of calls, all_vendors, rate_per_second
    on service_credential for each statement execute function decision_notify_tag('c');
create trigger service_credential_vendor_decision after insert or delete on service_credential_vendor
    for each statement execute function decision_notify_tag('c');

create table credential_mismatch (
    id              bigint generated always as identity primary key,
    credential_id   bigint      not null references service_credential (id),
    vendor_id       bigint      not null references vendor (id),
    occurred_at     timestamptz not null,
    evidence_grade  varchar(8)  not null check (evidence_grade in ('PROVEN', 'CLAIMED'))
);
create index credential_mismatch_recent_idx on credential_mismatch (credential_id, occurred_at);
