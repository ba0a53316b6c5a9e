package io.bridgekeeper.overview;

import io.bridgekeeper.base.ui.MenuBadge;
import io.bridgekeeper.base.ui.PortalChange;
import io.bridgekeeper.security.CurrentUser;
import org.springframework.stereotype.Component;

/** The count of approvals waiting for an admin, beside the Overview in the menu; nothing for other roles. */
@Component
class ApprovalsBadge implements MenuBadge {

    private final ApprovalInbox inbox;
    private final CurrentUser currentUser;

    ApprovalsBadge(ApprovalInbox inbox, CurrentUser currentUser) {
        this.inbox = inbox;
        this.currentUser = currentUser;
    }

    @Override
    public String path() {
        return "admin";
    }

    @Override
    public long count() {
        return currentUser.isAdmin() ? inbox.mine().count() : 0;
    }

    /** A resume asked for or decided, a rollout submitted or decided. */
    @Override
    public boolean follows(PortalChange change) {
        return change.in("suspension", "rollout");
    }
}
