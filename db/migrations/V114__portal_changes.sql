-- Live portal: every change a person may be looking at is announced on the channel portal_change at
-- commit (PostgreSQL delivers NOTIFY only for committed transactions, to every node). The payload is a
-- small JSON object: the table ("t") and the keys a page needs to tell whether the change is its own
-- ("v" vendor, "a" household account, "r" rollout, "s" suspension, "n" incident). Triggers send it, so no
-- code path can forget; identical payloads within one transaction are delivered once (a sync of a
-- thousand devices of one household is one message). Read by base.ui.LiveUpdates.
--
-- The trigger's arguments are pairs: payload key, column of the row. Old and new row are both
-- announced, so a device moving between households reaches both.
create function portal_change() returns trigger language plpgsql as $$
declare
    changed jsonb;
    payload jsonb;
    i int;
begin
    foreach changed in array array[to_jsonb(new), to_jsonb(old)] loop
        continue when changed is null;
        payload := jsonb_build_object('t', tg_table_name);
        for i in 0 .. tg_nargs - 1 by 2 loop
            payload := payload || jsonb_build_object(tg_argv[i], changed ->> tg_argv[i + 1]);
        end loop;
        perform pg_notify('portal_change', jsonb_strip_nulls(payload)::text);
    end loop;
    return null;
end;
$$;

create trigger vendor_portal_change after insert or update on vendor
    for each row execute function portal_change('v', 'id');
create trigger suspension_portal_change after insert or update on suspension
    for each row execute function portal_change('v', 'vendor_id', 's', 'id');
create trigger suspension_application_portal_change after insert or update on suspension_application
    for each row execute function portal_change('s', 'suspension_id');
create trigger account_link_portal_change after insert or update on account_link
    for each row execute function portal_change('v', 'vendor_id', 'a', 'account_id');
create trigger device_portal_change after insert or update on device
    for each row execute function portal_change('v', 'vendor_id', 'a', 'owner_account_id');
create trigger device_move_from_portal_change after insert or update on device_move
    for each row execute function portal_change('v', 'vendor_id', 'a', 'from_account_id');
create trigger device_move_to_portal_change after insert or update on device_move
    for each row execute function portal_change('v', 'vendor_id', 'a', 'to_account_id');
create trigger unlink_receipt_portal_change after insert or update on unlink_receipt
    for each row execute function portal_change('a', 'account_id');
create trigger rollout_portal_change after insert or update on rollout
    for each row execute function portal_change('v', 'vendor_id', 'r', 'id');
create trigger rollout_stage_portal_change after insert or update on rollout_stage
    for each row execute function portal_change('r', 'rollout_id');
create trigger telemetry_portal_change after insert or update on telemetry
    for each row execute function portal_change('v', 'vendor_id');
create trigger incident_portal_change after insert or update on incident
    for each row execute function portal_change('v', 'vendor_id', 'r', 'rollout_id', 'n', 'id');
create trigger incident_note_portal_change after insert on incident_note
    for each row execute function portal_change('n', 'incident_id');
create trigger webhook_delivery_portal_change after insert or update on webhook_delivery
    for each row execute function portal_change('v', 'vendor_id');
