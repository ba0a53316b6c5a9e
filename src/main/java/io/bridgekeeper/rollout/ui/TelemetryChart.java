package io.bridgekeeper.rollout.ui;

import static io.bridgekeeper.base.ui.Words.t;
import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import io.bridgekeeper.base.ui.Words;
import io.bridgekeeper.base.ui.Cards;
import io.bridgekeeper.base.ui.Formats;
import io.bridgekeeper.rollout.TelemetryPoint;
import java.util.List;
import java.util.Locale;

/**
 * Deliveries and errors of the target version per minute, drawn as server-side SVG: no chart
 * library and so no frontend build (STACK.md, trap 1). Only numbers and formatted times go into
 * the markup, and the times are escaped anyway.
 */
class TelemetryChart extends Card {

    private static final int W = 760;
    private static final int H = 180;
    private static final int LEFT = 48;
    private static final int BOTTOM = 22;

    TelemetryChart(List<TelemetryPoint> points) {
        setId("telemetry-chart");
        Cards.outline(this);
        addClassName("chart-card");
        add(new H3(t("rollout.chart.title")));
        Div svg = new Div();
        svg.addClassName("chart");
        svg.getElement().setProperty("innerHTML", points.isEmpty() ? empty() : svg(points));
        add(svg);
    }

    private static String empty() {
        return "<p class=\"muted\">" + escape(t("rollout.chart.empty")) + "</p>";
    }

    static String svg(List<TelemetryPoint> points) {
        Words words = Words.ofPage();
        long max = Math.max(1, points.stream().mapToLong(TelemetryPoint::deliveries).max().orElse(1));
        long start = points.getFirst().minute().getEpochSecond();
        long end = Math.max(start + 60, points.getLast().minute().getEpochSecond());
        double plotW = W - LEFT - 8;
        double plotH = H - BOTTOM - 8;
        StringBuilder deliveries = new StringBuilder();
        StringBuilder errors = new StringBuilder();
        for (TelemetryPoint p : points) {
            double x = LEFT + plotW * (p.minute().getEpochSecond() - start) / (end - start);
            deliveries.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, 8 + plotH * (1 - (double) p.deliveries() / max)));
            errors.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, 8 + plotH * (1 - (double) p.errors() / max)));
        }
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" "
                + "role=\"img\" aria-label=\"%s\" preserveAspectRatio=\"none\">", W, H, escape(words.get("rollout.chart.title"))));
        s.append(String.format(Locale.ROOT, "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>",
                LEFT, H - BOTTOM, W - 8, H - BOTTOM));
        s.append(String.format(Locale.ROOT, "<line class=\"axis\" x1=\"%d\" y1=\"8\" x2=\"%d\" y2=\"%d\"/>",
                LEFT, LEFT, H - BOTTOM));
        s.append(String.format(Locale.ROOT, "<text class=\"tick\" x=\"%d\" y=\"16\" text-anchor=\"end\">%,d</text>",
                LEFT - 6, max));
        s.append(String.format(Locale.ROOT, "<text class=\"tick\" x=\"%d\" y=\"%d\" text-anchor=\"end\">0</text>",
                LEFT - 6, H - BOTTOM));
        s.append(String.format(Locale.ROOT, "<text class=\"tick\" x=\"%d\" y=\"%d\">%s</text>", LEFT, H - 4,
                escape(Formats.minute(points.getFirst().minute()))));
        s.append(String.format(Locale.ROOT, "<text class=\"tick\" x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>",
                W - 8, H - 4, escape(Formats.minute(points.getLast().minute()))));
        s.append("<polyline class=\"series-deliveries\" points=\"").append(deliveries).append("\"/>");
        s.append("<polyline class=\"series-errors\" points=\"").append(errors).append("\"/>");
        // a tooltip per minute: a transparent column over the whole height with the minute's numbers
        double column = Math.max(2, plotW / Math.max(1, (end - start) / 60.0 + 1));
        for (TelemetryPoint p : points) {
            double x = LEFT + plotW * (p.minute().getEpochSecond() - start) / (end - start);
            s.append(String.format(Locale.ROOT, "<rect class=\"hover\" x=\"%.1f\" y=\"8\" width=\"%.1f\" height=\"%.1f\">"
                    + "<title>%s</title></rect>", x - column / 2, column, plotH, escape(words.get("rollout.chart.tooltip",
                    Formats.minute(p.minute()), p.deliveries(), p.errors(), p.isolationViolations()))));
        }
        s.append("</svg>");
        long totalDeliveries = points.stream().mapToLong(TelemetryPoint::deliveries).sum();
        long totalErrors = points.stream().mapToLong(TelemetryPoint::errors).sum();
        long violations = points.stream().mapToLong(TelemetryPoint::isolationViolations).sum();
        s.append("<div class=\"chart-legend\"><span class=\"legend-deliveries\">")
                .append(escape(words.get("rollout.chart.legend-deliveries", totalDeliveries)))
                .append("</span><span class=\"legend-errors\">").append(escape(words.get("rollout.chart.legend-errors", totalErrors)))
                .append("</span><span>").append(escape(words.get("rollout.chart.legend-violations", violations))).append("</span></div>");
        return s.toString();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
