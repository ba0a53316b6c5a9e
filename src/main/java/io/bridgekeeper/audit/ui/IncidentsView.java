package io.bridgekeeper.audit.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
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
@PageTitle("Incidents · Bridgekeeper")
@Menu(title = "Incidents", order = 5, icon = "vaadin:warning")
@RolesAllowed(Roles.ADMIN)
public class IncidentsView extends VerticalLayout {

    private IncidentState stateFilter;

    public IncidentsView(IncidentService incidents, AuditSearch audit, LiveUpdates liveUpdates) {
        setId("incidents-view");
        addClassName("page");
        setSizeFull();

        Grid<IncidentSummary> grid = new Grid<>();
        Button open = new Button("Open incident", VaadinIcon.PLUS.create(),
                e -> new OpenIncidentDialog(incidents, audit.vendors(),
                        id -> getUI().ifPresent(ui -> ui.navigate(IncidentView.class, id))).open());
        open.setId("incident-open");
        open.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new ViewHeader("Incidents", "Opened by isolation violations, rollout guards, or by hand", open));

        Select<String> state = new Select<>();
        state.setId("incident-state-filter");
        state.setLabel("State");
        state.setItems("All", "Open", "Acknowledged", "Resolved");
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
        grid.addComponentColumn(i -> IncidentBadges.severity(i.severity())).setHeader("Severity").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(i -> IncidentBadges.state(i.state())).setHeader("State").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(IncidentSummary::title).setHeader("Title").setWidth("12rem").setFlexGrow(1);
        grid.addColumn(i -> i.kind().label()).setHeader("Kind").setWidth("8rem").setFlexGrow(0);
        grid.addColumn(i -> i.vendorName() == null ? "—" : i.vendorName()).setHeader("Vendor").setWidth("9rem")
                .setFlexGrow(1);
        grid.addColumn(i -> i.violations() == 0 ? "" : String.format("%,d", i.violations())).setHeader("Violations")
                .setWidth("6.5rem").setFlexGrow(0);
        grid.addColumn(LitRenderer.<IncidentSummary>of("""
                <div class="cell-main">${item.date}</div><div class="cell-sub">${item.time}</div>""")
                .withProperty("date", i -> Formats.utcDate(i.openedAt()))
                .withProperty("time", i -> Formats.utcTime(i.openedAt()) + " UTC")).setHeader("Opened").setWidth("7.5rem")
                .setFlexGrow(0);
        NarrowWindow.showOnlyOnPhones(grid, "Title", "State");
        grid.setItemsPageable(pageable -> incidents.list(stateFilter, pageable).getContent());
        grid.setEmptyStateText("No incident. Isolation violations and rollout guards open them; so can you.");
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(IncidentView.class, e.getItem().id())));
        addAndExpand(grid);
        liveUpdates.follow(this, c -> c.in("incident"), () -> grid.getDataProvider().refreshAll());
    }
}
