package io.bridgekeeper.vendor.ui;

import static io.bridgekeeper.base.ui.Words.t;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.bridgekeeper.base.ui.Words;
import io.bridgekeeper.base.ui.NarrowWindow;
import io.bridgekeeper.base.ui.Formats;
import io.bridgekeeper.base.ui.ViewHeader;
import io.bridgekeeper.security.Roles;
import io.bridgekeeper.vendor.Capability;
import io.bridgekeeper.vendor.SuspensionNotice;
import io.bridgekeeper.vendor.SuspensionService;
import io.bridgekeeper.vendor.VendorService;
import io.bridgekeeper.vendor.VendorSummary;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The partner manager's home: the vendors assigned to them, and only those. */
@Route("partner/vendors")
@Menu(title = "My vendors", order = 10, icon = "vaadin:factory")
@RolesAllowed(Roles.PARTNER_MANAGER)
public class PartnerVendorsView extends VerticalLayout implements HasDynamicTitle {

    @Override
    public String getPageTitle() {
        return t("vendor.partner.title") + " · Bridgekeeper";
    }

    public PartnerVendorsView(VendorService vendors, SuspensionService suspensions) {
        setId("partner-vendors");
        addClassName("page");
        setSizeFull();
        add(new ViewHeader(t("vendor.partner.title"), t("vendor.partner.subtitle")));

        Grid<VendorSummary> grid = new Grid<>();
        grid.setId("partner-vendor-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(VendorSummary::name).setHeader(t("vendor.vendor")).setAutoWidth(true).setFlexGrow(1);
        grid.addColumn(VendorSummary::slug).setHeader(t("vendor.slug")).setAutoWidth(true);
        grid.addComponentColumn(v -> VendorBadges.status(v.status())).setHeader(t("vendor.status")).setAutoWidth(true);
        grid.addColumn(v -> v.capabilities().stream().map(Words::label).sorted()
                .collect(Collectors.joining(", "))).setHeader(t("vendor.capabilities")).setAutoWidth(true);
        grid.addColumn(v -> String.format("%,d", v.liveLinks())).setHeader(t("vendor.live-links")).setAutoWidth(true);
        grid.addColumn(v -> String.format("%,d", v.devices())).setHeader(t("vendor.devices")).setAutoWidth(true);
        List<VendorSummary> mine = vendors.myVendors();
        Map<Long, SuspensionNotice> notices = suspensions.noticesFor(mine.stream().map(VendorSummary::id).toList());
        grid.addColumn(v -> notices.containsKey(v.id()) ? notice(notices.get(v.id())) : "")
                .setHeader(t("vendor.suspension")).setFlexGrow(2);
        NarrowWindow.showOnlyOnPhones(grid, t("vendor.vendor"), t("vendor.status"), t("vendor.suspension"));
        grid.setItems(mine);
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(VendorView.class, e.getItem().id())));
        grid.setEmptyStateText(t("vendor.partner.empty"));
        addAndExpand(grid);
    }

    private static String notice(SuspensionNotice n) {
        return n.expectedRestoration() == null ? t("vendor.partner.suspended", n.plainWords(Words.pageLocale()))
                : t("vendor.partner.suspended-until", n.plainWords(Words.pageLocale()), Formats.minute(n.expectedRestoration()));
    }
}
