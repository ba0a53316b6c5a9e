-- Issue 15: a decision credential may be allowed to report delivery observations (call OBSERVE).
-- Existing credentials keep the calls they have; an admin grants OBSERVE on the Decision API page.
alter table service_credential drop constraint service_credential_calls_check;
alter table service_credential add constraint service_credential_calls_check
    check (cardinality(calls) between 1 and 3 and calls <@ array['RESOLVE', 'AUTHORIZE', 'OBSERVE']::varchar(16)[]);
