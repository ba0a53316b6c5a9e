package io.bridgekeeper.audit;

import io.bridgekeeper.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The admin's check that nobody altered, removed or inserted an audit event behind the application's back. */
@Service
@Transactional(readOnly = true)
public class AuditVerification {

    private final AuditChain chain;

    AuditVerification(AuditChain chain) {
        this.chain = chain;
    }

    @RolesAllowed(Roles.ADMIN)
    public ChainVerification verify() {
        return chain.verify();
    }
}
