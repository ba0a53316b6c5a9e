package io.bridgekeeper.rollout.ui;

import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.bridgekeeper.rollout.CacheVersionService;
import io.bridgekeeper.rollout.RolloutService;
import io.bridgekeeper.security.Roles;
import jakarta.annotation.security.RolesAllowed;

/** A partner manager's rollouts: their own vendors' only. */
@Route("partner/rollouts")
@PageTitle("Rollouts · Bridgekeeper")
@Menu(title = "Rollouts", order = 12.5, icon = "vaadin:road-branches")
@RolesAllowed(Roles.PARTNER_MANAGER)
public class PartnerRolloutsView extends RolloutList {

    public PartnerRolloutsView(RolloutService rollouts, CacheVersionService versions) {
        super(rollouts, versions, "Register cache versions and roll them out to your vendors' devices in stages");
    }
}
