package io.bridgekeeper.device.ui;

import static io.bridgekeeper.base.ui.Words.t;
import io.bridgekeeper.base.ui.Words;
import io.bridgekeeper.base.ui.SearchHit;
import io.bridgekeeper.base.ui.SearchProvider;
import io.bridgekeeper.device.DeviceService;
import io.bridgekeeper.security.CurrentUser;
import java.util.List;
import org.springframework.stereotype.Component;

/** The header's search for devices: by the vendor's device id or the platform's, for staff. */
@Component
class DeviceSearch implements SearchProvider {

    private final DeviceService devices;
    private final CurrentUser currentUser;

    DeviceSearch(DeviceService devices, CurrentUser currentUser) {
        this.devices = devices;
        this.currentUser = currentUser;
    }

    @Override
    public List<SearchHit> search(String text, int limit) {
        if (!currentUser.isStaff()) {
            return List.of();
        }
        return devices.find(text, limit).stream().map(d -> new SearchHit(t("device.search.kind"), d.name(),
                (d.vendorName() == null ? t("device.search.platform") : d.vendorName()) + " · " + d.vendorDeviceId() + " · "
                        + Words.label(d.kind()) + (d.ownerEmail() == null ? "" : " · " + d.ownerEmail()),
                "devices/" + d.id())).toList();
    }
}
