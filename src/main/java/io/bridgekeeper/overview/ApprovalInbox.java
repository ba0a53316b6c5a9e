package io.bridgekeeper.overview;

import io.bridgekeeper.rollout.RolloutRow;
import io.bridgekeeper.rollout.RolloutService;
import io.bridgekeeper.security.Roles;
import io.bridgekeeper.vendor.PendingResume;
import io.bridgekeeper.vendor.SuspensionService;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What waits for the signed-in admin's approval under four eyes: resumes and rollouts that other
 * admins asked for. Their own requests never appear: they may not approve them.
 */
@Service
@Transactional(readOnly = true)
public class ApprovalInbox {

    /** The admin's approvals, oldest first in each list. */
    public record Approvals(List<PendingResume> resumes, List<RolloutRow> rollouts) {
        public int count() {
            return resumes.size() + rollouts.size();
        }
    }

    private final SuspensionService suspensions;
    private final RolloutService rollouts;

    ApprovalInbox(SuspensionService suspensions, RolloutService rollouts) {
        this.suspensions = suspensions;
        this.rollouts = rollouts;
    }

    @RolesAllowed(Roles.ADMIN)
    public Approvals mine() {
        return new Approvals(suspensions.awaitingMyApproval(), rollouts.awaitingMyApproval());
    }
}
