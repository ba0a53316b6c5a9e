package io.bridgekeeper.device.ui;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.bridgekeeper.base.ui.ViewHeader;
import io.bridgekeeper.device.DeviceService;
import io.bridgekeeper.security.Roles;
import jakarta.annotation.security.RolesAllowed;

/** The devices of the partner manager's own vendors. */
@Route("partner/devices")
@PageTitle("Devices · Bridgekeeper")
@Menu(title = "Devices", order = 12, icon = "vaadin:mobile")
@RolesAllowed(Roles.PARTNER_MANAGER)
public class PartnerDevicesView extends VerticalLayout {

    public PartnerDevicesView(DeviceService devices) {
        setId("partner-devices");
        addClassName("page");
        setSizeFull();
        add(new ViewHeader("Devices", "Your vendors' devices on the platform"));
        addAndExpand(new DevicesPanel(devices));
    }
}
