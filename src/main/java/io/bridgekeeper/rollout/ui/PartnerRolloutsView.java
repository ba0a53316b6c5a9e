package io.bridgekeeper.rollout.ui;

import static io.bridgekeeper.base.ui.Words.t;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.bridgekeeper.rollout.CacheVersionService;
import io.bridgekeeper.rollout.RolloutService;
import io.bridgekeeper.security.Roles;
import jakarta.annotation.security.RolesAllowed;

/** A partner manager's rollouts: their own vendors' only. */
@Route("partner/rollouts")
@Menu(title = "Rollouts", order = 12.5, icon = "vaadin:road-branches")
@RolesAllowed(Roles.PARTNER_MANAGER)
public class PartnerRolloutsView extends RolloutList implements HasDynamicTitle {

    @Override
    public String getPageTitle() {
        return t("rollout.list.title") + " · Bridgekeeper";
    }

    public PartnerRolloutsView(RolloutService rollouts, CacheVersionService versions) {
        super(rollouts, versions, t("rollout.list.partner-subtitle"));
    }
}
