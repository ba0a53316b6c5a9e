package io.bridgekeeper.audit.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import io.bridgekeeper.audit.TimelineEntry;
import io.bridgekeeper.base.ui.Formats;
import java.util.List;

/**
 * An incident's timeline, one line per step: when, how long after the first mix-up, who or what acted,
 * and what happened in plain words. Readable at phone width (the lines wrap, nothing scrolls sideways).
 */
class TimelinePanel extends Div {

    TimelinePanel(List<TimelineEntry> entries) {
        setId("incident-timeline");
        addClassName("timeline");
        for (TimelineEntry entry : entries) {
            Span when = new Span(Formats.utc(entry.at()));
            when.addClassName("muted");
            Span offset = new Span(offset(entry.sinceFirstMixUpMillis()));
            offset.addClassName("timeline-offset");
            Span who = new Span(entry.actor());
            who.addClassName("timeline-author");
            Div text = new Div(entry.text());
            text.addClassName("timeline-note");
            Div item = new Div(new Div(offset, who, when), text);
            item.addClassNames("timeline-item", "timeline-" + entry.kind().toLowerCase().replace('_', '-'));
            item.getElement().setAttribute("data-kind", entry.kind());
            add(item);
        }
    }

    /** "+0 ms", "+69 ms", "+2.4 s", "+3 min"; empty before the first mix-up. */
    static String offset(Long millis) {
        if (millis == null) {
            return "";
        }
        if (millis < 1_000) {
            return "+" + millis + " ms";
        }
        if (millis < 60_000) {
            return String.format("+%.1f s", millis / 1000.0);
        }
        if (millis < 3_600_000) {
            return "+" + millis / 60_000 + " min";
        }
        return String.format("+%.1f h", millis / 3_600_000.0);
    }
}
