package io.bridgekeeper.device.ui;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.bridgekeeper.base.ui.ViewHeader;
import io.bridgekeeper.device.DeviceService;
import io.bridgekeeper.security.Roles;
import jakarta.annotation.security.RolesAllowed;

/** Every device on the platform; a row opens its ownership history and the transfer. */
@Route("admin/devices")
@PageTitle("Devices · Bridgekeeper")
@Menu(title = "Devices", order = 3, icon = "vaadin:mobile")
@RolesAllowed(Roles.ADMIN)
public class AdminDevicesView extends VerticalLayout {

    public AdminDevicesView(DeviceService devices) {
        setId("admin-devices");
        addClassName("page");
        setSizeFull();
        add(new ViewHeader("Devices", "Every device, its vendor and its owner"));
        addAndExpand(new DevicesPanel(devices));
    }
}
