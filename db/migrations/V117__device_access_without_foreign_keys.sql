-- The access history is written in bulk every second (AccessLog.flush). Its foreign keys made each inserted
-- row take a FOR KEY SHARE lock on the device, display and account rows it names, in no particular order,
-- while a vendor's device sync locks the same device rows FOR UPDATE in id order: the two deadlocked
-- (seen once in DecisionModelIT: "deadlock detected ... while locking tuple ... in relation device").
-- The history only records answers already given; devices are never deleted (they become REMOVED) and
-- AccessHistory reads a row only for its own household, so nothing needs the database to check these ids.
alter table device_access drop constraint if exists device_access_device_id_fkey;
alter table device_access drop constraint if exists device_access_owner_account_id_fkey;
alter table device_access drop constraint if exists device_access_display_device_id_fkey;
alter table device_access drop constraint if exists device_access_display_owner_account_id_fkey;
