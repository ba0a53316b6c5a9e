-- Issue 4: linking, device sync, unlink receipts and the webhook outbox.

-- The HTTP status of a delivery's last attempt, for the deliveries grid and the receipt.
alter table webhook_delivery add column last_status_code int;
-- The claim of a delivery by one sweep: next_attempt_at is pushed forward as a lease while it is
-- being sent, so a second node (or a sweep that outlives its ShedLock) skips it.
create index webhook_delivery_status_idx on webhook_delivery (status, id);

-- Partner and admin grids over a million devices: every filter combination ends in id, so a page
-- is an index range scan ordered by id, never a sort of the whole table.
create index device_kind_idx on device (kind, id);
create index device_state_idx on device (state, id);
create index device_vendor_state_idx on device (vendor_id, state, id);
create index device_vendor_id_idx on device (vendor_id, id);

-- Links search: prefix matches on e-mail and external account id.
create index account_email_prefix_idx on account (lower(email) text_pattern_ops);
create index account_link_external_prefix_idx on account_link (external_account_id text_pattern_ops);
create index account_link_vendor_idx on account_link (vendor_id, id);

create index device_ownership_device_idx on device_ownership (device_id, started_at);
create index link_code_account_idx on link_code (account_id, created_at);

-- What an unlink covered, as the receipt shows it (names at the time, even if renamed later).
alter table unlink_receipt add column device_names text[] not null default '{}';
alter table unlink_receipt add column vendor_id bigint references vendor (id);

-- A webhook that must be queued once per cause (a suspension's SUSPENDED, its RESUMED) carries a key:
-- an event redelivered by the publication registry, or handled on two nodes, queues nothing more.
alter table webhook_delivery add column dedupe_key varchar(200);
create unique index webhook_delivery_dedupe_uq on webhook_delivery (dedupe_key) where dedupe_key is not null;
