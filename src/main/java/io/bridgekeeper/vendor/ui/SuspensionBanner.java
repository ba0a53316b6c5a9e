package io.bridgekeeper.vendor.ui;

import static io.bridgekeeper.base.ui.Words.t;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.bridgekeeper.base.ui.Words;
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
        H3 title = new H3(s.awaitsApproval() ? t("vendor.banner.awaiting") : t("enum.VendorStatus.SUSPENDED"));
        String scope = s.allCapabilities() ? t("vendor.banner.every-capability")
                : s.scope().stream().map(Words::label).collect(Collectors.joining(", "));
        Paragraph reason = new Paragraph(Words.label(s.reason()) + ": " + s.reasonText());
        reason.setId("suspension-reason");
        Span meta = new Span(t("vendor.banner.meta", scope, s.suspendedBy(), Formats.minute(s.suspendedAt())));
        meta.addClassName("muted");
        Span restoration = new Span(s.expectedRestoration() == null ? t("vendor.banner.restoration-unknown")
                : t("vendor.banner.restoration", Formats.minute(s.expectedRestoration())));
        restoration.setId("suspension-restoration");
        add(VaadinIcon.BAN.create(), new Div(title, reason, meta, restoration));
        if (s.awaitsApproval()) {
            Span requested = new Span(s.resumeRequestReason() == null
                    ? t("vendor.banner.resume-requested", s.resumeRequestedBy(), Formats.minute(s.resumeRequestedAt()))
                    : t("vendor.banner.resume-requested-why", s.resumeRequestedBy(), Formats.minute(s.resumeRequestedAt()),
                            s.resumeRequestReason()));
            requested.setId("resume-requested");
            add(requested);
        }
        if (nodes != null) {
            add(nodesLine(nodes));
        }
    }

    private static Div nodesLine(List<NodeApplication> nodes) {
        long applied = nodes.stream().filter(n -> n.appliedAt() != null).count();
        Span summary = new Span(t("vendor.banner.applied", String.valueOf(applied), String.valueOf(nodes.size())));
        summary.setId("applied-nodes");
        summary.addClassName("applied-summary");
        Div list = new Div();
        list.addClassName("node-list");
        for (NodeApplication n : nodes) {
            Span line = new Span(n.nodeId() + ": " + (n.appliedAt() == null ? t("vendor.banner.not-yet") : Formats.precise(n.appliedAt())));
            line.addClassName("muted");
            list.add(line);
        }
        Span window = new Span(t("vendor.banner.window", String.valueOf(NodeIdentity.ALIVE.toSeconds())));
        window.setId("applied-nodes-window");
        window.addClassName("muted");
        Div box = new Div(summary, window, list);
        box.addClassName("applied-box");
        return box;
    }
}
