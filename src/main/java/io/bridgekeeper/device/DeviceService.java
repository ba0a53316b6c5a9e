package io.bridgekeeper.device;

import io.bridgekeeper.security.CurrentUser;
import io.bridgekeeper.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Devices and their owners. */
@Service
@Transactional(readOnly = true)
public class DeviceService {

    private final NamedParameterJdbcTemplate jdbc;
    private final CurrentUser currentUser;

    DeviceService(NamedParameterJdbcTemplate jdbc, CurrentUser currentUser) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
    }

    /** The devices the signed-in household owns now (never those of an earlier or another owner). */
    @RolesAllowed(Roles.END_USER)
    public List<HouseholdDevice> myDevices() {
        return jdbc.query("""
                select d.id, d.vendor_id, coalesce(v.name, 'Platform'), d.kind, d.name, d.state
                from device d left join vendor v on v.id = d.vendor_id
                where d.owner_account_id = :account and d.state <> 'REMOVED'
                order by v.name nulls first, d.kind, d.name
                """, Map.of("account", currentUser.id()),
                (rs, i) -> new HouseholdDevice(rs.getLong(1), (Long) rs.getObject(2), rs.getString(3),
                        DeviceKind.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6)));
    }
}
