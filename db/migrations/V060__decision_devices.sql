-- The devices (with their links) that a set of authorizations needs, in one statement whatever their
-- number: vendor devices by (vendor id, vendor device id) pairs, platform devices by their id.
-- As a plain statement with array parameters PostgreSQL planned it again at every execution (its
-- generic plan never looked as cheap as one made for the actual arrays); inside this function the
-- plan is made once per connection and kept (plan_cache_mode), which is what lets the decision API
-- read the devices of many concurrent authorizations at once (DecisionEngine, CoalescedReads).
create function decision_devices(vendor_ids bigint[], device_ids text[], platform_ids text[])
    returns table (id bigint, vendor_id bigint, vendor_device_id text, state text, owner_account_id bigint,
                   link_id bigint, link_live boolean, link_epoch integer)
    language plpgsql
    stable
    set plan_cache_mode = force_generic_plan
as $$
begin
    return query
        select d.id, d.vendor_id, d.vendor_device_id::text, d.state::text, d.owner_account_id, d.link_id,
               l.status = 'LIVE', l.epoch
        from unnest(vendor_ids, device_ids) as k(vendor_id, device_id)
        join device d on d.vendor_id = k.vendor_id and d.vendor_device_id = k.device_id
        left join account_link l on l.id = d.link_id
        union all
        select d.id, d.vendor_id, d.vendor_device_id::text, d.state::text, d.owner_account_id, d.link_id,
               l.status = 'LIVE', l.epoch
        from device d
        left join account_link l on l.id = d.link_id
        where d.vendor_id is null and d.vendor_device_id = any(platform_ids);
end
$$;
