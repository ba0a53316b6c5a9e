package io.bridgekeeper.decision;

import io.bridgekeeper.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The decision API's service: only the data plane (a service credential, role DECISION_CLIENT) may
 * ask. No transaction around a decision: authorize reads the database with one statement.
 */
@Service
public class DecisionService {

    public static final int MAX_BATCH = 500;

    private final DecisionEngine engine;

    DecisionService(DecisionEngine engine) {
        this.engine = engine;
    }

    @RolesAllowed(Roles.DECISION_CLIENT)
    public Resolution resolve(ResolveRequest request) {
        return engine.resolve(request);
    }

    @RolesAllowed(Roles.DECISION_CLIENT)
    public List<Resolution> resolveAll(List<ResolveRequest> requests) {
        return engine.resolveAll(requests);
    }

    @RolesAllowed(Roles.DECISION_CLIENT)
    public Decision authorize(AuthorizeRequest request) {
        return engine.authorize(request);
    }

    @RolesAllowed(Roles.DECISION_CLIENT)
    public List<Decision> authorizeAll(List<AuthorizeRequest> requests) {
        return engine.authorizeAll(requests);
    }
}
