package io.bridgekeeper.vendor.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.bridgekeeper.base.cluster.NodeIdentity;
import io.bridgekeeper.base.ui.Formats;
import io.bridgekeeper.vendor.Capability;
import io.bridgekeeper.vendor.NodeApplication;
import io.bridgekeeper.vendor.SuspensionSummary;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The open suspension: why, since when, until when, and — for admins — where the kill switch holds:
 * "applied on N of N nodes", with each node's time.
 */
class SuspensionBanner extends Div {

    SuspensionBanner(SuspensionSummary s, List<NodeApplication> nodes) {
        setId("suspension-banner");
        addClassName("suspension-banner");
        H3 title = new H3(s.awaitsApproval() ? "Suspended — resume awaiting a second admin" : "Suspended");
        String scope = s.allCapabilities() ? "every capability"
                : s.scope().stream().map(Capability::label).collect(Collectors.joining(", "));
        Paragraph reason = new Paragraph(s.reason().label() + ": " + s.reasonText());
        reason.setId("suspension-reason");
        Span meta = new Span("Covers " + scope + ". Suspended by " + s.suspendedBy() + " on "
                + Formats.minute(s.suspendedAt()) + ".");
        meta.addClassName("muted");
        Span restoration = new Span(s.expectedRestoration() == null ? "Expected restoration: not known yet."
                : "Expected restoration: " + Formats.minute(s.expectedRestoration()) + ".");
        restoration.setId("suspension-restoration");
        add(VaadinIcon.BAN.create(), new Div(title, reason, meta, restoration));
        if (s.awaitsApproval()) {
            Span requested = new Span("Resume requested by " + s.resumeRequestedBy() + " on "
                    + Formats.minute(s.resumeRequestedAt()) + (s.resumeRequestReason() == null ? "."
                    : ": “" + s.resumeRequestReason() + "”"));
            requested.setId("resume-requested");
            add(requested);
        }
        if (nodes != null) {
            add(nodesLine(nodes));
        }
    }

    private static Div nodesLine(List<NodeApplication> nodes) {
        long applied = nodes.stream().filter(n -> n.appliedAt() != null).count();
        Span summary = new Span("Applied on " + applied + " of " + nodes.size() + " nodes");
        summary.setId("applied-nodes");
        summary.addClassName("applied-summary");
        Div list = new Div();
        list.addClassName("node-list");
        for (NodeApplication n : nodes) {
            Span line = new Span(n.nodeId() + ": " + (n.appliedAt() == null ? "not yet" : Formats.precise(n.appliedAt())));
            line.addClassName("muted");
            list.add(line);
        }
        Span window = new Span("Counts the nodes alive now: a node that stops reporting leaves this count within "
                + NodeIdentity.ALIVE.toSeconds() + " s; a node that starts or reconnects applies every open suspension.");
        window.setId("applied-nodes-window");
        window.addClassName("muted");
        Div box = new Div(summary, window, list);
        box.addClassName("applied-box");
        return box;
    }
}
