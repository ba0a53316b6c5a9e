package io.bridgekeeper.device.ui;

import static io.bridgekeeper.base.ui.Words.t;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.bridgekeeper.base.ui.ViewHeader;
import io.bridgekeeper.device.DeviceService;
import io.bridgekeeper.security.Roles;
import jakarta.annotation.security.RolesAllowed;

/** The devices of the partner manager's own vendors. */
@Route("partner/devices")
@Menu(title = "Devices", order = 12, icon = "vaadin:mobile")
@RolesAllowed(Roles.PARTNER_MANAGER)
public class PartnerDevicesView extends VerticalLayout implements HasDynamicTitle {

    @Override
    public String getPageTitle() {
        return t("device.admin.title") + " · Bridgekeeper";
    }

    public PartnerDevicesView(DeviceService devices) {
        setId("partner-devices");
        addClassName("page");
        setSizeFull();
        add(new ViewHeader(t("device.admin.title"), t("device.partner.subtitle")));
        addAndExpand(new DevicesPanel(devices));
    }
}
