package io.bridgekeeper.audit;

import io.bridgekeeper.security.CurrentUser;
import io.bridgekeeper.security.Role;
import io.bridgekeeper.security.SignedInAccount;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * Who may read which audit events and incidents: an admin every one, a partner manager only those of
 * the vendors assigned to them and without end-user personal data. The assignments are read through
 * the vendor module's view {@code partner_manager_vendor}: the vendor module depends on this one, so
 * this one may not call its {@code VendorAccess}.
 */
@Component
class AuditScope {

    static final String REDACTED = "[redacted]";
    private static final Pattern EMAIL = Pattern.compile("[^@\\s\"]+@[^@\\s\"]+\\.[^@\\s\"]+");

    /** The caller's scope: {@code partnerAccountId} is null for an admin. */
    record Scope(Long partnerAccountId) {
        boolean isPartner() {
            return partnerAccountId != null;
        }

        /** Adds the condition that {@code column} (a vendor id) is one of the partner's vendors; nothing for an admin. */
        void restrict(String column, StringBuilder sql, MapSqlParameterSource params) {
            if (isPartner()) {
                sql.append(" and ").append(column)
                        .append(" in (select vendor_id from partner_manager_vendor where account_id = :scopePartner)");
                params.addValue("scopePartner", partnerAccountId);
            }
        }
    }

    private final CurrentUser currentUser;
    private final JsonMapper json;

    AuditScope(CurrentUser currentUser, JsonMapper json) {
        this.currentUser = currentUser;
        this.json = json;
    }

    Scope current() {
        SignedInAccount user = currentUser.require();
        if (user.has(Role.ADMIN)) {
            return new Scope(null);
        }
        if (user.has(Role.PARTNER_MANAGER)) {
            return new Scope(user.id());
        }
        throw new AccessDeniedException("Only staff read the audit log");
    }

    /**
     * Removes e-mail addresses and addresses from a before/after document for a partner manager:
     * households' e-mails never leave the platform staff.
     */
    String redact(String document) {
        if (document == null) {
            return null;
        }
        JsonNode node = json.readTree(document);
        return json.writeValueAsString(redactNode(node));
    }

    private JsonNode redactNode(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (String name : object.propertyNames().stream().toList()) {
                String key = name.toLowerCase();
                if (key.contains("email") || key.contains("address") || key.equals("ip")) {
                    object.put(name, REDACTED);
                } else {
                    object.set(name, redactNode(object.get(name)));
                }
            }
            return object;
        }
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, redactNode(array.get(i)));
            }
            return array;
        }
        if (node.isString() && EMAIL.matcher(node.asString()).find()) {
            return json.getNodeFactory().stringNode(EMAIL.matcher(node.asString()).replaceAll(REDACTED));
        }
        return node;
    }
}
