package io.bridgekeeper.decision;

import io.bridgekeeper.compatibility.CompatibilityLookup;
import io.bridgekeeper.compatibility.CompatibilityService;
import io.bridgekeeper.decision.DecisionState.VendorState;
import io.bridgekeeper.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * The decision API's service: only the data plane (a service credential, role DECISION_CLIENT) may
 * ask, and only within its credential's {@link CredentialScope} (the call, and every vendor a request
 * names). No transaction around a decision: authorize reads the database with one statement.
 */
@Service
public class DecisionService {

    public static final int MAX_BATCH = 500;

    private final DecisionEngine engine;
    private final DecisionState state;
    private final CompatibilityService compatibility;

    DecisionService(DecisionEngine engine, DecisionState state, CompatibilityService compatibility) {
        this.engine = engine;
        this.state = state;
        this.compatibility = compatibility;
    }

    /**
     * Which vendor models work on which surfaces: for a credential that may authorize, about the vendors in its
     * scope (a model's certification decides authorizations to that surface).
     */
    @RolesAllowed(Roles.DECISION_CLIENT)
    @org.springframework.transaction.annotation.Transactional(readOnly = true)
    public List<CompatibilityLookup> compatibility(List<CompatibilityService.LookupKey> keys) {
        CredentialScope scope = scope(DecisionCall.AUTHORIZE);
        for (int i = 0; i < keys.size(); i++) {
            requireVendor(scope, "items[" + i + "].vendor", keys.get(i).vendor());
        }
        return compatibility.lookup(keys);
    }

    @RolesAllowed(Roles.DECISION_CLIENT)
    public Resolution resolve(ResolveRequest request) {
        CredentialScope scope = scope(DecisionCall.RESOLVE);
        requireVendor(scope, "vendor", request.vendor());
        return engine.resolve(request);
    }

    @RolesAllowed(Roles.DECISION_CLIENT)
    public List<Resolution> resolveAll(List<ResolveRequest> requests) {
        CredentialScope scope = scope(DecisionCall.RESOLVE);
        for (int i = 0; i < requests.size(); i++) {
            requireVendor(scope, "items[" + i + "].vendor", requests.get(i).vendor());
        }
        return engine.resolveAll(requests);
    }

    @RolesAllowed(Roles.DECISION_CLIENT)
    public Decision authorize(AuthorizeRequest request) {
        requireVendors(scope(DecisionCall.AUTHORIZE), "", request);
        return engine.authorize(request);
    }

    @RolesAllowed(Roles.DECISION_CLIENT)
    public List<Decision> authorizeAll(List<AuthorizeRequest> requests) {
        CredentialScope scope = scope(DecisionCall.AUTHORIZE);
        for (int i = 0; i < requests.size(); i++) {
            requireVendors(scope, "items[" + i + "].", requests.get(i));
        }
        return engine.authorizeAll(requests);
    }

    /** The calling credential's scope, refusing a call it was not given; none (every call) for another caller. */
    static CredentialScope scope(DecisionCall call) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof ServiceCredentialPrincipal p)) {
            return null;
        }
        if (!p.scope().allows(call)) {
            throw new DecisionScopeException(null, "This credential may not call " + call.name().toLowerCase()
                    + "; an admin can change its scope on the Decision API page.");
        }
        return p.scope();
    }

    private void requireVendors(CredentialScope scope, String at, AuthorizeRequest r) {
        requireVendor(scope, at + "vendor", r.vendor());
        if (r.targetVendor() != null) {
            requireVendor(scope, at + "targetVendor", r.targetVendor());
        }
    }

    /** A vendor outside the scope, known or not, is refused alike: the credential learns nothing about it. */
    void requireVendor(CredentialScope scope, String field, String slug) {
        if (scope == null || scope.allVendors()) {
            return;
        }
        VendorState v = state.vendor(slug);
        if (v == null || !scope.coversVendor(v.id())) {
            throw new DecisionScopeException(field, "This credential may not ask about vendor '" + slug + "'.");
        }
    }
}
