package io.bridgekeeper.home;

import io.bridgekeeper.compatibility.CertificationStatus;
import io.bridgekeeper.compatibility.CompatibilityService;
import io.bridgekeeper.compatibility.WorksWith;
import io.bridgekeeper.decision.AccessHistory;
import io.bridgekeeper.device.HouseholdDeviceDetail;
import io.bridgekeeper.link.ReceiptSummary;
import io.bridgekeeper.link.UnlinkService;
import io.bridgekeeper.device.DeviceMoveService;
import io.bridgekeeper.device.DeviceService;
import io.bridgekeeper.device.HouseholdDevice;
import io.bridgekeeper.device.PendingMove;
import io.bridgekeeper.link.LinkService;
import io.bridgekeeper.link.LinkedAccount;
import io.bridgekeeper.security.Roles;
import io.bridgekeeper.vendor.SuspensionNotice;
import io.bridgekeeper.vendor.SuspensionService;
import jakarta.annotation.security.RolesAllowed;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * My home in one call: the signed-in household's live links, devices, the suspension notices of their
 * vendors and the device moves waiting on either side, read in one read-only transaction so a device
 * never shows without the link it came with. Each part is still checked by its own module's service.
 */
@Service
@Transactional(readOnly = true)
public class HomePages {

    /** Everything My home shows, as of one moment. */
    public record HomePage(List<LinkedAccount> links, List<HouseholdDevice> devices,
                           Map<Long, SuspensionNotice> notices, List<PendingMove> pendingMoves,
                           List<ReceiptSummary> receipts) {
    }

    private final LinkService links;
    private final DeviceService devices;
    private final SuspensionService suspensions;
    private final DeviceMoveService moves;
    private final UnlinkService unlinks;
    private final AccessHistory access;

    private final CompatibilityService compatibility;

    HomePages(LinkService links, DeviceService devices, SuspensionService suspensions, DeviceMoveService moves,
              UnlinkService unlinks, AccessHistory access, CompatibilityService compatibility) {
        this.compatibility = compatibility;
        this.access = access;
        this.unlinks = unlinks;
        this.links = links;
        this.devices = devices;
        this.suspensions = suspensions;
        this.moves = moves;
    }

    /**
     * One of the household's devices; when its vendor is suspended now, what the household is told; and, for
     * a device that shows images, who asked for it recently and what they were answered.
     */
    public record DevicePage(HouseholdDeviceDetail detail, SuspensionNotice notice, List<AccessHistory.Entry> access,
                             java.time.Duration accessKeptFor, List<WorksWith> worksWith) {
    }

    /** How many minutes' entries of a device's access history its page shows. */
    static final int ACCESS_SHOWN = 50;

    /** The household's device page; another household's device is "not found". */
    @RolesAllowed(Roles.END_USER)
    public DevicePage device(long deviceId) {
        HouseholdDeviceDetail detail = devices.myDevice(deviceId);
        Long vendorId = detail.device().vendorId();
        List<WorksWith> worksWith = vendorId == null ? List.of() : compatibility.worksWith(vendorId, detail.modelCode());
        // a display on a surface where the model's certification was revoked no longer shows it
        Set<String> revoked = new HashSet<>();
        worksWith.stream().filter(w -> w.status() == CertificationStatus.REVOKED).forEach(w -> revoked.add(w.surfaceCode()));
        if (!revoked.isEmpty()) {
            detail = new HouseholdDeviceDetail(detail.device(), detail.vendorDeviceId(), detail.ownerSince(),
                    detail.mayBeShownOn().stream().filter(d -> !revoked.contains(d.surfaceCode())).toList(),
                    detail.modelCode());
        }
        return new DevicePage(detail, vendorId == null ? null : suspensions.noticesFor(Set.of(vendorId)).get(vendorId),
                detail.device().kind().showsImages() ? access.ofMyDevice(deviceId, ACCESS_SHOWN) : List.of(),
                access.retention(), worksWith);
    }

    @RolesAllowed(Roles.END_USER)
    public HomePage page() {
        List<LinkedAccount> mine = links.myLiveLinks();
        List<HouseholdDevice> devicesOfMine = devices.myDevices();
        Set<Long> vendorIds = new HashSet<>();
        mine.forEach(l -> vendorIds.add(l.vendorId()));
        devicesOfMine.stream().filter(d -> d.vendorId() != null).forEach(d -> vendorIds.add(d.vendorId()));
        return new HomePage(mine, devicesOfMine, suspensions.noticesFor(vendorIds), moves.myPendingMoves(),
                unlinks.myReceipts());
    }
}
