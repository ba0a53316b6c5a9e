-- Every table has one owning module (issue 20). What another module may read of it, it reads
-- through a view its owner publishes here and names in its package-info ("Publishes the views"):
-- the columns the owner stands behind, none of the rest (an account's password hash, a vendor's
-- webhook secret), so the owner may change its tables behind the view. Writes always go through
-- the owner's services. PostgreSQL inlines these simple views: a read through one is planned
-- exactly like the same read of the table (index-only scans included).

-- security
create view account_directory as
    select a.id, a.email, a.display_name, a.kind, a.enabled, a.canary
    from account a;

-- vendor
create view vendor_directory as
    select v.id, v.slug, v.name, v.status,
           coalesce((select p.canary_silence_seconds from vendor_violation_policy p where p.vendor_id = v.id), 900)
               as canary_silence_seconds
    from vendor v;

-- where the webhook module sends a vendor's events; the secret is sealed at rest (V105), opened only to sign
create view vendor_webhook_endpoint as
    select v.id as vendor_id, v.webhook_url, v.webhook_secret
    from vendor v;

-- the vendors each partner manager manages (the partner scope, for modules that VendorAccess cannot serve)
create view partner_manager_vendor as
    select pm.account_id, pm.vendor_id
    from vendor_partner_manager pm;

create view vendor_capability_directory as
    select c.vendor_id, c.capability
    from vendor_capability c;

-- device
create view device_directory as
    select d.id, d.vendor_id, d.vendor_device_id, d.kind, d.name, d.owner_account_id, d.link_id, d.state
    from device d;

create view device_pending_move as
    select m.id, m.device_id, m.vendor_id, m.to_link_id, m.requested_at
    from device_move m
    where m.status = 'PENDING';

-- link
create view link_directory as
    select l.id, l.account_id, l.vendor_id, l.external_account_id, l.status, l.epoch
    from account_link l;

-- rollout
create view rollout_directory as
    select r.id, r.vendor_id, r.state, r.salt, r.current_stage,
           r.from_version_id, fv.label as from_label, r.to_version_id, tv.label as to_label,
           (select s.percent from rollout_stage s where s.rollout_id = r.id and s.stage_index = r.current_stage)
               as percent
    from rollout r
    join cache_version fv on fv.id = r.from_version_id
    join cache_version tv on tv.id = r.to_version_id;

create view cache_version_directory as
    select c.id, c.vendor_id, c.label, c.stable
    from cache_version c;

-- decision
create view probe_observation as
    select o.vendor_id, o.rollout_id, o.rollout_percent, o.observed_at, o.outcome,
           o.display_owner_account_id, o.content_owner_account_id
    from delivery_observation o
    where o.probe;
