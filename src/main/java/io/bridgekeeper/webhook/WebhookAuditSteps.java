package io.bridgekeeper.webhook;

import io.bridgekeeper.audit.AuditSteps;
import java.util.Set;
import org.springframework.stereotype.Component;

/** A delivery's failed attempts are steps of the delivery: one row per delivery in the audit log's grid. */
@Component
class WebhookAuditSteps implements AuditSteps {

    @Override
    public Set<String> stepActions() {
        return Set.of(WebhookAuditAction.WEBHOOK_ATTEMPT_FAILED.name());
    }
}
