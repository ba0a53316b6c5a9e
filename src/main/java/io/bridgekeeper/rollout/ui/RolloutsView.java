package io.bridgekeeper.rollout.ui;

import static io.bridgekeeper.base.ui.Words.t;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.bridgekeeper.rollout.CacheVersionService;
import io.bridgekeeper.rollout.RolloutService;
import io.bridgekeeper.security.Roles;
import jakarta.annotation.security.RolesAllowed;

/** Every vendor's rollouts, for admins: what waits for approval, what runs, what was halted. */
@Route("admin/rollouts")
@Menu(title = "Rollouts", order = 4, icon = "vaadin:road-branches")
@RolesAllowed(Roles.ADMIN)
public class RolloutsView extends RolloutList implements HasDynamicTitle {

    @Override
    public String getPageTitle() {
        return t("rollout.list.title") + " · Bridgekeeper";
    }

    public RolloutsView(RolloutService rollouts, CacheVersionService versions) {
        super(rollouts, versions, t("rollout.list.admin-subtitle"));
    }
}
