package io.bridgekeeper.audit.ui;

import static io.bridgekeeper.base.ui.Words.t;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import io.bridgekeeper.base.ui.Words;
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

        H2 title = new H2(t("audit.exposure.title"));
        title.addClassName("section-title");
        Div header = new Div(title, AuditView.csvLink("exposure-export", t("audit.export"), event -> {
            event.setFileName("incident-" + incidentId + "-exposure.csv");
            event.setContentType("text/csv; charset=utf-8");
            reports.exportCsv(incidentId, event.getOutputStream());
        }));
        header.addClassName("section-header");
        add(header);

        if (report.isEmpty()) {
            Paragraph none = new Paragraph(t("audit.exposure.none"));
            none.setId("exposure-none");
            none.addClassName("muted");
            add(none);
            return;
        }
        Div stats = new Div(
                new StatCard("exposure-households", t("audit.exposure.affected"), report.householdsAffected(), "error"),
                new StatCard("exposure-exposed", t("audit.exposure.exposed"), report.exposedHouseholds(),
                        "neutral"),
                new StatCard("exposure-viewers", t("audit.exposure.viewers"), report.viewingHouseholds(), "neutral"),
                new StatCard("exposure-violations", t("audit.exposure.violations"), report.violations(), "neutral"));
        if (report.canaryHouseholds() > 0) {
            stats.add(new StatCard("exposure-canaries", t("audit.exposure.canaries"),
                    report.canaryHouseholds(), "neutral"));
        }
        stats.addClassName("stat-row");
        Paragraph summary = new Paragraph(report.exposedHouseholds() == 0 && report.viewingHouseholds() == 0
                ? t("audit.exposure.only-canaries")
                : report.exposedHouseholds() == 1 && report.viewingHouseholds() == 1
                ? t("audit.exposure.one")
                : t("audit.exposure.many", report.exposedHouseholds(), report.viewingHouseholds()));
        summary.setId("exposure-summary");
        add(summary);
        Paragraph window = new Paragraph(t("audit.exposure.window", Formats.utc(report.firstAt()), Formats.utc(report.lastAt())));
        window.setId("exposure-window");
        window.addClassName("muted");

        Grid<ExposureReport.Row> grid = new Grid<>();
        grid.setId("exposure-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(household(ExposureReport.Row::exposedHousehold, ExposureReport.Row::exposedEmail)).setHeader(t("audit.exposure.exposed-household")).setFlexGrow(2);
        grid.addColumn(ExposureReport.Row::exposedDevices).setHeader(t("audit.exposure.their-devices")).setFlexGrow(1);
        grid.addColumn(household(ExposureReport.Row::viewerHousehold, ExposureReport.Row::viewerEmail)).setHeader(t("audit.exposure.shown-to")).setFlexGrow(2);
        grid.addColumn(ExposureReport.Row::viewerDevices).setHeader(t("audit.exposure.on")).setFlexGrow(1);
        grid.addColumn(r -> Formats.utc(r.firstAt())).setHeader(t("audit.exposure.first")).setWidth("10.5rem").setFlexGrow(0);
        grid.addColumn(r -> Formats.utc(r.lastAt())).setHeader(t("audit.exposure.last")).setWidth("10.5rem").setFlexGrow(0);
        grid.addColumn(r -> String.format(Words.pageLocale(), "%,d", r.times())).setHeader(t("audit.exposure.times")).setWidth("5rem").setFlexGrow(0);
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
