package io.bridgekeeper.link;

import io.bridgekeeper.security.CurrentUser;
import io.bridgekeeper.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Account links between households and vendor accounts. */
@Service
@Transactional(readOnly = true)
public class LinkService {

    private final NamedParameterJdbcTemplate jdbc;
    private final CurrentUser currentUser;

    LinkService(NamedParameterJdbcTemplate jdbc, CurrentUser currentUser) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
    }

    /** The signed-in household's live links; the household scope is the caller's own account, always. */
    @RolesAllowed(Roles.END_USER)
    public List<LinkedAccount> myLiveLinks() {
        return jdbc.query("""
                select l.id, l.vendor_id, v.slug, v.name, l.external_account_id, l.status, l.epoch, l.linked_at
                from account_link l join vendor v on v.id = l.vendor_id
                where l.account_id = :account and l.status = 'LIVE'
                order by v.name
                """, Map.of("account", currentUser.id()),
                (rs, i) -> new LinkedAccount(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getInt(7), rs.getTimestamp(8).toInstant()));
    }
}
