-- Why a vendor may serve again (issue 17): the admin who requests or performs a resume says why, and
-- the second admin who approves a requested resume says why too. Older suspensions have none.
alter table suspension add column resume_request_reason varchar(2000);
alter table suspension add column lift_reason varchar(2000);
