-- A node that shut down cleanly says so, and is no longer counted among the live nodes at once
-- (a crashed node drops out when its heartbeat is older than 30 s).
alter table app_node add column stopped_at timestamptz;
