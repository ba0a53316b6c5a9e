package io.bridgekeeper.compatibility.ui;

import static io.bridgekeeper.base.ui.Words.t;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.component.html.AttachmentType;
import io.bridgekeeper.base.ui.Actions;
import io.bridgekeeper.base.ui.Badge;
import io.bridgekeeper.base.ui.Formats;
import io.bridgekeeper.base.ui.NarrowWindow;
import io.bridgekeeper.base.ui.ReasonDialog;
import io.bridgekeeper.base.ui.ViewHeader;
import io.bridgekeeper.base.ui.Words;
import io.bridgekeeper.compatibility.CertificationStatus;
import io.bridgekeeper.compatibility.CompatibilityFilter;
import io.bridgekeeper.compatibility.CompatibilityRow;
import io.bridgekeeper.compatibility.CompatibilityService;
import io.bridgekeeper.compatibility.RevocationReach;
import io.bridgekeeper.compatibility.Surface;
import io.bridgekeeper.security.CurrentUser;
import io.bridgekeeper.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;

/**
 * Which vendor device models work on which platform surfaces, from which cache version on, and whether an admin
 * certified it: for every signed-in role (entries not yet certified only for admins and the vendor's managers),
 * with search, filters and a CSV export of every filtered row. Admins certify and revoke from here.
 */
@Route("compatibility")
@Menu(title = "Compatibility", order = 21, icon = "vaadin:check-square-o")
@RolesAllowed({Roles.ADMIN, Roles.PARTNER_MANAGER, Roles.END_USER})
public class CompatibilityView extends VerticalLayout implements HasDynamicTitle {

    @Override
    public String getPageTitle() {
        return t("compatibility.title") + " · Bridgekeeper";
    }

    private final CompatibilityService compatibility;
    private final TextField search = new TextField();
    private final ComboBox<Surface> surface = new ComboBox<>();
    private final ComboBox<CertificationStatus> status = new ComboBox<>();
    private final Grid<CompatibilityRow> grid = new Grid<>();
    /** Read by the export's download request as well as by the grid. */
    private volatile CompatibilityFilter filter = CompatibilityFilter.none();

    public CompatibilityView(CompatibilityService compatibility, CurrentUser currentUser) {
        this.compatibility = compatibility;
        setId("compatibility-view");
        addClassName("page");
        setSizeFull();
        boolean admin = currentUser.isAdmin();

        DownloadHandler csv = event -> {
            event.setFileName("compatibility-" + Formats.fileStamp(Instant.now()) + ".csv");
            event.setContentType("text/csv; charset=utf-8");
            compatibility.exportCsv(filter, event.getOutputStream());
        };
        Anchor export = new Anchor(csv, AttachmentType.DOWNLOAD, "");
        export.setId("compatibility-export");
        export.addClassName("download-link");
        export.add(VaadinIcon.DOWNLOAD_ALT.create(), new Span(t("compatibility.export")));
        add(new ViewHeader(t("compatibility.title"), t("compatibility.subtitle"), export));

        search.setId("compatibility-search");
        search.setPlaceholder(t("compatibility.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        surface.setId("compatibility-surface-filter");
        surface.setPlaceholder(t("compatibility.any-surface"));
        surface.setItems(compatibility.surfaces());
        surface.setItemLabelGenerator(s -> Surfaces.name(s.code(), s.name()));
        surface.setClearButtonVisible(true);
        status.setId("compatibility-status-filter");
        status.setPlaceholder(t("compatibility.any-status"));
        status.setItems(CertificationStatus.values());
        status.setItemLabelGenerator(Words::label);
        status.setClearButtonVisible(true);
        HorizontalLayout filters = new HorizontalLayout(search, surface, status);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.addClassName("filters");
        add(filters);

        grid.setId("compatibility-grid");
        // long model names and reasons wrap inside their cells: the table fits the page, never scrolls sideways
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(CompatibilityRow::vendorName).setHeader(t("compatibility.vendor")).setFlexGrow(1);
        grid.addColumn(r -> r.modelCode() + " · " + r.modelName()).setHeader(t("compatibility.model")).setFlexGrow(2);
        grid.addColumn(r -> Surfaces.name(r.surfaceCode(), r.surfaceName()) + " · " + Words.label(r.capability()))
                .setHeader(t("compatibility.surface-capability")).setFlexGrow(2);
        grid.addColumn(CompatibilityRow::sinceVersion).setHeader(t("compatibility.since")).setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(CompatibilityView::statusCell).setHeader(t("compatibility.status")).setFlexGrow(2);
        if (admin) {
            grid.addComponentColumn(this::actions).setHeader(t("compatibility.actions")).setAutoWidth(true).setFlexGrow(0);
        }
        NarrowWindow.showOnlyOnPhones(grid, t("compatibility.model"), t("compatibility.status"));
        grid.setItemsPageable(page -> compatibility.table(filter, page.getPageSize(), page.getOffset()));
        grid.setEmptyStateText(t("compatibility.empty"));
        addAndExpand(grid);

        search.addValueChangeListener(e -> refilter());
        surface.addValueChangeListener(e -> refilter());
        status.addValueChangeListener(e -> refilter());
    }

    private void refilter() {
        filter = new CompatibilityFilter(search.getValue(), null,
                surface.getValue() == null ? null : surface.getValue().code(), status.getValue());
        grid.getDataProvider().refreshAll();
    }

    private static Component statusCell(CompatibilityRow r) {
        Div cell = new Div();
        String tone = switch (r.status()) {
            case CERTIFIED -> "success";
            case REVOKED -> "error";
            case DECLARED -> "neutral";
        };
        cell.add(new Badge(Words.label(r.status()), tone));
        String detail = switch (r.status()) {
            case CERTIFIED -> t("compatibility.certified-for", String.join(", ", r.certifiedVersions()));
            case REVOKED -> r.revokedReason();
            case DECLARED -> t("compatibility.awaiting");
        };
        Span text = new Span(" " + detail);
        text.addClassName("muted");
        cell.add(text);
        return cell;
    }

    private Component actions(CompatibilityRow r) {
        HorizontalLayout buttons = new HorizontalLayout();
        buttons.addClassName("compat-actions");
        String pair = t("compatibility.pair", r.modelCode(), Surfaces.name(r.surfaceCode(), r.surfaceName()));
        Button certify = new Button(t("compatibility.certify") + "…", e -> new CertifyDialog(compatibility, r, pair,
                this::reload).open());
        certify.setId("certify-" + r.entryId());
        certify.addThemeVariants(ButtonVariant.LUMO_SMALL);
        buttons.add(certify);
        if (r.status() == CertificationStatus.CERTIFIED) {
            Button revoke = new Button(t("compatibility.revoke") + "…", e -> {
                RevocationReach reach = compatibility.revocationReach(r.modelId());
                new ReasonDialog("revoke-certification", t("compatibility.revoke-title", pair),
                        t("compatibility.revoke-text", pair, reach.devices(), reach.households()),
                        t("compatibility.revoke"), reason -> {
                            if (Actions.run(() -> compatibility.revoke(r.modelId(), r.surfaceCode(), reason),
                                    t("compatibility.revoked", pair))) {
                                reload();
                            }
                        }).open();
            });
            revoke.setId("revoke-" + r.entryId());
            revoke.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
            buttons.add(revoke);
        }
        return buttons;
    }

    private void reload() {
        grid.getDataProvider().refreshAll();
    }
}
