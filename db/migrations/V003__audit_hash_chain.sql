-- The audit chain's hash: SHA-256 (PostgreSQL's built-in sha256) over a canonical text form of the
-- event and the previous event's hash. jsonb prints canonically (sorted keys, fixed spacing) and time
-- is taken as UTC microseconds, so the same function both writes and verifies the chain.
create function audit_event_hash(
    p_prev_hash char(64), p_occurred_at timestamptz, p_actor_type varchar, p_actor_id varchar,
    p_actor_name varchar, p_action varchar, p_target_type varchar, p_target_id varchar, p_vendor_id bigint,
    p_before jsonb, p_after jsonb, p_client_address varchar)
returns char(64) language sql immutable as $$
    select encode(sha256(convert_to(concat_ws(E'\x1f',
        p_prev_hash,
        (extract(epoch from p_occurred_at) * 1000000)::bigint::text,
        p_actor_type, coalesce(p_actor_id, ''), p_actor_name, p_action, p_target_type,
        coalesce(p_target_id, ''), coalesce(p_vendor_id::text, ''),
        coalesce(p_before::text, ''), coalesce(p_after::text, ''), coalesce(p_client_address, '')), 'UTF8')), 'hex')
$$;
