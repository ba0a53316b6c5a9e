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

/** Every device on the platform; a row opens its ownership history and the transfer. */
@Route("admin/devices")
@Menu(title = "Devices", order = 3, icon = "vaadin:mobile")
@RolesAllowed(Roles.ADMIN)
public class AdminDevicesView extends VerticalLayout implements HasDynamicTitle {

    @Override
    public String getPageTitle() {
        return t("device.admin.title") + " · Bridgekeeper";
    }

    public AdminDevicesView(DeviceService devices) {
        setId("admin-devices");
        addClassName("page");
        setSizeFull();
        add(new ViewHeader(t("device.admin.title"), t("device.admin.subtitle")));
        addAndExpand(new DevicesPanel(devices));
    }
}
