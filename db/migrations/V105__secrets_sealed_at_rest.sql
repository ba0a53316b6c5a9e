-- Issue 16: secrets sealed at rest. Cache-key signing secrets and webhook signing secrets are stored
-- only as bks1:<master key id>:<AES-256-GCM ciphertext> (io.bridgekeeper.secrets). The master key is
-- not in the database, so this migration cannot seal the rows that exist: the application seals
-- them when it starts, before anything reads a secret, and then validates the constraints below
-- (NOT VALID here: they refuse clear values in every new or changed row at once, and in the old rows
-- once the application has sealed them).

alter table cache_key_secret add column sealed_secret varchar(512);
-- the clear column stays only until the first start has moved each secret into sealed_secret
alter table cache_key_secret alter column secret drop not null;
alter table cache_key_secret add constraint cache_key_secret_sealed
    -- 80 characters of base64: nonce, tag and at least 32 bytes of secret, as V050 required in clear
    check (secret is null and sealed_secret ~ '^bks1:[A-Za-z0-9_-]{1,32}:[A-Za-z0-9_-]{80,}$') not valid;

-- a sealed 64-character secret takes about 130 characters
alter table vendor alter column webhook_secret type varchar(512);
alter table vendor add constraint vendor_webhook_secret_sealed
    check (webhook_secret ~ '^bks1:[A-Za-z0-9_-]{1,32}:[A-Za-z0-9_-]{38,}$') not valid;
