-- Issue 19/16: webhooks delivered per vendor in order, retried up to a horizon in hours, then a dead letter;
-- and nothing a vendor's endpoint answered is kept beyond its status class.

-- FAILED (given up after a fixed number of attempts) becomes DEAD_LETTER: the same meaning (nobody retries
-- it until a person redelivers it), now reached when the retry horizon has passed.
alter table webhook_delivery drop constraint webhook_delivery_status_check;
update webhook_delivery set status = 'DEAD_LETTER' where status = 'FAILED';
alter table webhook_delivery add constraint webhook_delivery_status_check
    check (status in ('PENDING', 'RETRYING', 'ACKNOWLEDGED', 'DEAD_LETTER'));

-- When the current run of retries began: the enqueue time, or the time of a person's redelivery.
-- The horizon counts from here.
alter table webhook_delivery add column retry_since timestamptz;
update webhook_delivery set retry_since = created_at;
alter table webhook_delivery alter column retry_since set not null;

-- Up to now the first 500 characters of the vendor's answer were stored and shown to partners and on
-- households' receipts (a phishing channel), and the exact status code told a partner what an internal
-- target answered. Keep only the class.
update webhook_delivery set last_error = case
        when last_status_code between 100 and 599 then 'HTTP ' || (last_status_code / 100) || 'xx'
        when last_error like 'HttpTimeoutException%' or last_error like 'HttpConnectTimeoutException%' then 'timeout'
        when last_error like 'ConnectException%' then 'refused'
        when last_error is null then null
        else 'failed' end,
    last_status_code = null;
alter table webhook_delivery add constraint webhook_delivery_no_response_text
    check (last_error is null or length(last_error) <= 200);

-- The head of each vendor's line: its oldest open delivery.
create index webhook_delivery_vendor_line_idx on webhook_delivery (vendor_id, id) where status in ('PENDING', 'RETRYING');
