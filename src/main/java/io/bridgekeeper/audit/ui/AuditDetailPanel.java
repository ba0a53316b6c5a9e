package io.bridgekeeper.audit.ui;

import static io.bridgekeeper.base.ui.Words.t;
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
        Paragraph hint = new Paragraph(t("audit.detail.hint"));
        hint.addClassName("muted");
        add(hint);
    }

    /** The event, and when other events of its target were folded into its row, that target's whole story. */
    void show(AuditEntry e, List<AuditEntry> story) {
        removeAll();
        H3 title = new H3(t("audit.detail.title", String.valueOf(e.id())));
        title.setId("audit-detail-title");
        Div facts = new Div();
        facts.addClassName("facts");
        fact(facts, t("audit.when"), Formats.utc(e.occurredAt()));
        fact(facts, t("audit.actor"), e.actorName() + " (" + e.actorType().toLowerCase().replace('_', ' ') + ")");
        fact(facts, t("audit.action"), e.action());
        fact(facts, t("audit.target"), e.target());
        fact(facts, t("audit.vendor"), e.vendorName() == null ? "—" : e.vendorName());
        fact(facts, t("audit.detail.client"), e.clientAddress() == null ? "—" : e.clientAddress());
        add(title, facts);

        Div diff = new Div();
        diff.setId("audit-diff");
        diff.addClassName("diff");
        Div head = new Div(new Span(t("audit.detail.field")), new Span(t("audit.detail.before")), new Span(t("audit.detail.after")));
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
                path.add(new Badge(t("audit.diff." + line.kind().name()), switch (line.kind()) {
                    case ADDED -> "success";
                    case REMOVED -> "error";
                    default -> "warning";
                }));
            }
            diff.add(row);
        }
        if (lines.isEmpty()) {
            Paragraph none = new Paragraph(t("audit.detail.no-state"));
            none.addClassName("muted");
            diff.add(none);
        }
        add(diff);
        if (!story.isEmpty()) {
            H3 storyTitle = new H3(t("audit.detail.story", e.target()));
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
