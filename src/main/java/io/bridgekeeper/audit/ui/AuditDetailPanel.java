package io.bridgekeeper.audit.ui;

import java.util.List;

import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import io.bridgekeeper.audit.AuditDiff;
import io.bridgekeeper.audit.AuditEntry;
import io.bridgekeeper.base.ui.Badge;
import io.bridgekeeper.base.ui.Cards;
import io.bridgekeeper.base.ui.Formats;

/** The selected event: who, when, what, and a line per field that changed, before and after. */
class AuditDetailPanel extends Card {

    AuditDetailPanel() {
        setId("audit-detail");
        Cards.outline(this);
        addClassName("audit-detail");
        showNothing();
    }

    void showNothing() {
        removeAll();
        Paragraph hint = new Paragraph("Select an event to see who did what, and what changed.");
        hint.addClassName("muted");
        add(hint);
    }

    /** The event, and when other events of its target were folded into its row, that target's whole story. */
    void show(AuditEntry e, List<AuditEntry> story) {
        removeAll();
        H3 title = new H3("Event " + e.id());
        title.setId("audit-detail-title");
        Div facts = new Div();
        facts.addClassName("facts");
        fact(facts, "When", Formats.utc(e.occurredAt()));
        fact(facts, "Actor", e.actorName() + " (" + e.actorType().toLowerCase().replace('_', ' ') + ")");
        fact(facts, "Action", e.action());
        fact(facts, "Target", e.target());
        fact(facts, "Vendor", e.vendorName() == null ? "—" : e.vendorName());
        fact(facts, "Client address", e.clientAddress() == null ? "—" : e.clientAddress());
        add(title, facts);

        Div diff = new Div();
        diff.setId("audit-diff");
        diff.addClassName("diff");
        Div head = new Div(new Span("Field"), new Span("Before"), new Span("After"));
        head.addClassNames("diff-row", "diff-head");
        diff.add(head);
        var lines = AuditDiff.of(e.before(), e.after());
        for (AuditDiff.Line line : lines) {
            Span path = new Span(line.path());
            path.addClassName("diff-path");
            Span before = new Span(line.before() == null ? "" : line.before());
            before.addClassName("diff-before");
            Span after = new Span(line.after() == null ? "" : line.after());
            after.addClassName("diff-after");
            Div row = new Div(path, before, after);
            row.addClassNames("diff-row", "diff-" + line.kind().name().toLowerCase());
            if (line.kind() != AuditDiff.Kind.UNCHANGED) {
                path.add(new Badge(line.kind().name().toLowerCase(), switch (line.kind()) {
                    case ADDED -> "success";
                    case REMOVED -> "error";
                    default -> "warning";
                }));
            }
            diff.add(row);
        }
        if (lines.isEmpty()) {
            Paragraph none = new Paragraph("This event records no before or after state.");
            none.addClassName("muted");
            diff.add(none);
        }
        add(diff);
        if (!story.isEmpty()) {
            H3 storyTitle = new H3("Every event of " + e.target());
            Div storyLines = new Div();
            storyLines.setId("audit-story");
            storyLines.addClassName("audit-story");
            for (AuditEntry s : story) {
                Span when = new Span(Formats.utc(s.occurredAt()));
                when.addClassName("muted");
                Div line = new Div(when, new Span(s.action()), new Span(AuditDiff.summary(s.after())));
                line.addClassName("audit-story-line");
                if (s.id() == e.id()) {
                    line.addClassName("audit-story-selected");
                }
                storyLines.add(line);
            }
            add(storyTitle, storyLines);
        }
    }

    private static void fact(Div facts, String label, String value) {
        Span l = new Span(label);
        l.addClassName("fact-label");
        Span v = new Span(value);
        v.addClassName("fact-value");
        facts.add(l, v);
    }
}
