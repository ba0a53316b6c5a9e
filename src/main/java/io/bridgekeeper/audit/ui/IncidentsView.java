package io.bridgekeeper.audit.ui;

import static io.bridgekeeper.base.ui.Words.t;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.bridgekeeper.base.ui.Words;
import io.bridgekeeper.audit.AuditSearch;
import io.bridgekeeper.audit.IncidentService;
import io.bridgekeeper.audit.IncidentState;
import io.bridgekeeper.audit.IncidentSummary;
import io.bridgekeeper.base.ui.NarrowWindow;
import io.bridgekeeper.base.ui.Formats;
import io.bridgekeeper.base.ui.LiveUpdates;
import io.bridgekeeper.base.ui.ViewHeader;
import io.bridgekeeper.security.Roles;
import jakarta.annotation.security.RolesAllowed;

/** Incidents, unresolved first: state, severity, what opened them, the vendor; a click opens one. */
@Route("admin/incidents")
@Menu(title = "Incidents", order = 5, icon = "vaadin:warning")
@RolesAllowed(Roles.ADMIN)
public class IncidentsView extends VerticalLayout implements HasDynamicTitle {

    @Override
    public String getPageTitle() {
        return t("audit.incidents.title") + " · Bridgekeeper";
    }

    private IncidentState stateFilter;

    public IncidentsView(IncidentService incidents, AuditSearch audit, LiveUpdates liveUpdates) {
        setId("incidents-view");
        addClassName("page");
        setSizeFull();

        Grid<IncidentSummary> grid = new Grid<>();
        Button open = new Button(t("audit.incidents.open"), VaadinIcon.PLUS.create(),
                e -> new OpenIncidentDialog(incidents, audit.vendors(),
                        id -> getUI().ifPresent(ui -> ui.navigate(IncidentView.class, id))).open());
        open.setId("incident-open");
        open.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new ViewHeader(t("audit.incidents.title"), t("audit.incidents.subtitle"), open));

        Select<String> state = new Select<>();
        state.setId("incident-state-filter");
        state.setLabel(t("audit.incidents.state"));
        state.setItems("All", "Open", "Acknowledged", "Resolved");
        state.setItemLabelGenerator(s -> s.equals("All") ? t("audit.incidents.all")
                : Words.label(IncidentState.valueOf(s.toUpperCase())));
        state.setValue("All");
        state.addValueChangeListener(e -> {
            stateFilter = switch (e.getValue()) {
                case "Open" -> IncidentState.OPEN;
                case "Acknowledged" -> IncidentState.ACKNOWLEDGED;
                case "Resolved" -> IncidentState.RESOLVED;
                default -> null;
            };
            grid.getDataProvider().refreshAll();
        });
        add(state);

        grid.setId("incident-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(IncidentSummary::id).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(i -> IncidentBadges.severity(i.severity())).setHeader(t("audit.incidents.severity")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(i -> IncidentBadges.state(i.state())).setHeader(t("audit.incidents.state")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(IncidentSummary::title).setHeader(t("audit.incidents.title-column")).setWidth("12rem").setFlexGrow(1);
        grid.addColumn(i -> Words.label(i.kind())).setHeader(t("audit.incidents.kind")).setWidth("8rem").setFlexGrow(0);
        grid.addColumn(i -> i.vendorName() == null ? "—" : i.vendorName()).setHeader(t("audit.vendor")).setWidth("9rem")
                .setFlexGrow(1);
        grid.addColumn(i -> i.violations() == 0 ? "" : String.format(Words.pageLocale(), "%,d", i.violations())).setHeader(t("audit.exposure.violations"))
                .setWidth("6.5rem").setFlexGrow(0);
        grid.addColumn(LitRenderer.<IncidentSummary>of("""
                <div class="cell-main">${item.date}</div><div class="cell-sub">${item.time}</div>""")
                .withProperty("date", i -> Formats.utcDate(i.openedAt()))
                .withProperty("time", i -> Formats.utcTime(i.openedAt()) + " UTC")).setHeader(t("audit.incident.opened")).setWidth("7.5rem")
                .setFlexGrow(0);
        NarrowWindow.showOnlyOnPhones(grid, t("audit.incidents.title-column"), t("audit.incidents.state"));
        grid.setItemsPageable(pageable -> incidents.list(stateFilter, pageable).getContent());
        grid.setEmptyStateText(t("audit.incidents.empty"));
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(IncidentView.class, e.getItem().id())));
        addAndExpand(grid);
        liveUpdates.follow(this, c -> c.in("incident"), () -> grid.getDataProvider().refreshAll());
    }
}
