package io.bridgekeeper.rollout.ui;

import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.bridgekeeper.rollout.CacheVersionService;
import io.bridgekeeper.rollout.RolloutService;
import io.bridgekeeper.security.Roles;
import jakarta.annotation.security.RolesAllowed;

/** Every vendor's rollouts, for admins: what waits for approval, what runs, what was halted. */
@Route("admin/rollouts")
@PageTitle("Rollouts · Bridgekeeper")
@Menu(title = "Rollouts", order = 4, icon = "vaadin:road-branches")
@RolesAllowed(Roles.ADMIN)
public class RolloutsView extends RolloutList {

    public RolloutsView(RolloutService rollouts, CacheVersionService versions) {
        super(rollouts, versions, "Staged cache-version rollouts of every vendor; approve, watch their guards, halt");
    }
}
