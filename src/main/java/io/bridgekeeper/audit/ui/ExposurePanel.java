package io.bridgekeeper.audit.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import io.bridgekeeper.audit.ExposureReport;
import io.bridgekeeper.audit.ExposureReports;
import io.bridgekeeper.base.ui.Formats;
import io.bridgekeeper.base.ui.StatCard;
import com.vaadin.flow.data.renderer.LitRenderer;
import java.util.function.Function;

/**
 * The incident's exposure report: how many households were affected and, pair by pair, whose
 * devices were shown (or about to be) on whose displays, when and how often. Exportable to CSV.
 */
class ExposurePanel extends Div {

    /** {@code reports} only for the CSV export, read when it is clicked. */
    ExposurePanel(long incidentId, ExposureReport report, ExposureReports reports) {
        setId("exposure-report");
        addClassName("exposure-report");

        H2 title = new H2("Exposure report");
        title.addClassName("section-title");
        Div header = new Div(title, AuditView.csvLink("exposure-export", "Export CSV", event -> {
            event.setFileName("incident-" + incidentId + "-exposure.csv");
            event.setContentType("text/csv; charset=utf-8");
            reports.exportCsv(incidentId, event.getOutputStream());
        }));
        header.addClassName("section-header");
        add(header);

        if (report.isEmpty()) {
            Paragraph none = new Paragraph("No isolation violation is recorded for this incident: nobody's devices "
                    + "were shown to another household through it.");
            none.setId("exposure-none");
            none.addClassName("muted");
            add(none);
            return;
        }
        Div stats = new Div(
                new StatCard("exposure-households", "Households affected", report.householdsAffected(), "error"),
                new StatCard("exposure-exposed", "Households whose devices were exposed", report.exposedHouseholds(),
                        "neutral"),
                new StatCard("exposure-viewers", "Households shown them", report.viewingHouseholds(), "neutral"),
                new StatCard("exposure-violations", "Violations", report.violations(), "neutral"));
        if (report.canaryHouseholds() > 0) {
            stats.add(new StatCard("exposure-canaries", "Canary households (not counted above)",
                    report.canaryHouseholds(), "neutral"));
        }
        stats.addClassName("stat-row");
        Paragraph summary = new Paragraph(report.exposedHouseholds() == 0 && report.viewingHouseholds() == 0
                ? "Only canary households were involved: no real household's images reached another's display."
                : report.exposedHouseholds() == 1 && report.viewingHouseholds() == 1
                ? "One household's images reached one other household's display."
                : String.format("Images of %,d households reached the displays of %,d other households.",
                        report.exposedHouseholds(), report.viewingHouseholds()));
        summary.setId("exposure-summary");
        add(summary);
        Paragraph window = new Paragraph("From " + Formats.utc(report.firstAt()) + " to "
                + Formats.utc(report.lastAt()) + ".");
        window.setId("exposure-window");
        window.addClassName("muted");

        Grid<ExposureReport.Row> grid = new Grid<>();
        grid.setId("exposure-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(household(ExposureReport.Row::exposedHousehold, ExposureReport.Row::exposedEmail)).setHeader("Exposed household").setFlexGrow(2);
        grid.addColumn(ExposureReport.Row::exposedDevices).setHeader("Their devices").setFlexGrow(1);
        grid.addColumn(household(ExposureReport.Row::viewerHousehold, ExposureReport.Row::viewerEmail)).setHeader("Shown to household").setFlexGrow(2);
        grid.addColumn(ExposureReport.Row::viewerDevices).setHeader("On").setFlexGrow(1);
        grid.addColumn(r -> Formats.utc(r.firstAt())).setHeader("First").setWidth("10.5rem").setFlexGrow(0);
        grid.addColumn(r -> Formats.utc(r.lastAt())).setHeader("Last").setWidth("10.5rem").setFlexGrow(0);
        grid.addColumn(r -> String.format("%,d", r.times())).setHeader("Times").setWidth("5rem").setFlexGrow(0);
        grid.setItems(report.rows());
        grid.setAllRowsVisible(report.rows().size() <= 20);
        grid.setHeight(report.rows().size() <= 20 ? null : "28rem");
        add(stats, window, grid);
    }

    private static LitRenderer<ExposureReport.Row> household(Function<ExposureReport.Row, String> name,
                                                            Function<ExposureReport.Row, String> email) {
        return LitRenderer.<ExposureReport.Row>of(
                        "<div class=\"cell-main\">${item.name}</div><div class=\"cell-sub\">${item.email}</div>")
                .withProperty("name", name::apply)
                .withProperty("email", r -> email.apply(r) == null ? "" : email.apply(r));
    }
}
