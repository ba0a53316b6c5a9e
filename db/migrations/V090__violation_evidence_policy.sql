-- Issue 16: graded evidence of isolation violations and a per-vendor policy for the weak grade.
--
-- PROVEN: a genuinely signed cache key issued to another owner arrived with the content (or an
-- observation says so): halt, roll back, SEV1, suspend by policy at once, as before.
-- CLAIMED: a request merely names devices of two households: an incident, and a count toward the
-- vendor's threshold within its window before any automatic action.
alter table isolation_violation
    add column evidence_grade varchar(8) not null default 'PROVEN'
        check (evidence_grade in ('PROVEN', 'CLAIMED'));
create index isolation_violation_claimed_idx on isolation_violation (vendor_id, occurred_at)
    where evidence_grade = 'CLAIMED';

-- One row per vendor; a vendor without a row has the column defaults (the service reads them from here).
create table vendor_violation_policy (
    vendor_id                 bigint      primary key references vendor (id),
    claimed_threshold         integer     not null default 3 check (claimed_threshold between 1 and 1000),
    claimed_window_seconds    integer     not null default 600 check (claimed_window_seconds between 60 and 86400),
    claimed_may_suspend       boolean     not null default true,
    updated_at                timestamptz not null,
    updated_by                bigint      references account (id)
);

-- every vendor has its row: the existing ones now, each new one as it is created
insert into vendor_violation_policy (vendor_id, updated_at) select id, now() from vendor;

create function vendor_violation_policy_default() returns trigger language plpgsql as $$
begin
    insert into vendor_violation_policy (vendor_id, updated_at) values (new.id, new.created_at);
    return new;
end $$;

create trigger vendor_violation_policy_default after insert on vendor
    for each row execute function vendor_violation_policy_default();
