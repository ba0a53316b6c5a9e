package io.bridgekeeper.overview.ui;

import static io.bridgekeeper.base.ui.Words.t;
import static io.bridgekeeper.base.ui.Texts.muted;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.html.Anchor;
import io.bridgekeeper.audit.IncidentService;
import io.bridgekeeper.base.ui.Cards;
import io.bridgekeeper.base.ui.Formats;
import io.bridgekeeper.base.ui.LiveUpdates;
import io.bridgekeeper.overview.ApprovalInbox;
import io.bridgekeeper.rollout.RolloutRow;
import io.bridgekeeper.vendor.PendingResume;
import io.bridgekeeper.base.ui.StatCard;
import io.bridgekeeper.base.ui.ViewHeader;
import io.bridgekeeper.base.ui.Words;
import io.bridgekeeper.rollout.RolloutService;
import io.bridgekeeper.security.Roles;
import io.bridgekeeper.vendor.VendorService;
import io.bridgekeeper.vendor.VendorStatus;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;

/** The admin's home: approvals waiting for them, vendors by status, rollouts in motion, incidents not yet resolved. */
@Route("admin")
@Menu(title = "Overview", order = 0, icon = "vaadin:dashboard")
@RolesAllowed(Roles.ADMIN)
public class AdminOverviewView extends VerticalLayout implements HasDynamicTitle {

    private final VendorService vendors;
    private final RolloutService rollouts;
    private final IncidentService incidents;
    private final ApprovalInbox inbox;

    public AdminOverviewView(VendorService vendors, RolloutService rollouts, IncidentService incidents,
                             ApprovalInbox inbox, LiveUpdates liveUpdates) {
        this.vendors = vendors;
        this.rollouts = rollouts;
        this.incidents = incidents;
        this.inbox = inbox;
        setId("admin-overview");
        addClassName("page");
        render();
        // approvals asked for or given, vendors suspended, incidents opened, rollouts started: as they happen
        liveUpdates.follow(this, c -> c.in("vendor", "suspension", "rollout", "incident"), this::render);
    }

    @Override
    public String getPageTitle() {
        return t("overview.title") + " · Bridgekeeper";
    }

    private void render() {
        removeAll();
        add(new ViewHeader(t("overview.title"), t("overview.subtitle")));
        add(approvals(inbox.mine()));

        long openIncidents = incidents.countOpen();
        Div attention = new Div(
                linked("admin/incidents", new StatCard("stat-open-incidents", t("overview.open-incidents"), openIncidents,
                        openIncidents > 0 ? "error" : "ok")),
                linked("admin/rollouts", new StatCard("stat-active-rollouts", t("overview.active-rollouts"), rollouts.countActive(),
                        "neutral")));
        attention.addClassName("stat-row");

        Map<VendorStatus, Long> byStatus = vendors.countByStatus();
        Div vendorStats = new Div();
        vendorStats.addClassName("stat-row");
        for (VendorStatus status : VendorStatus.values()) {
            long n = byStatus.get(status);
            String tone = status == VendorStatus.SUSPENDED && n > 0 ? "error"
                    : status == VendorStatus.ACTIVE ? "ok" : "neutral";
            vendorStats.add(linked("admin/vendors", new StatCard("stat-vendors-" + status.name().toLowerCase(),
                    t("overview.vendors-by-status", Words.label(status)), n, tone)));
        }
        H2 vendorsTitle = new H2(t("overview.vendors-title"));
        vendorsTitle.addClassName("section-title");
        H2 workTitle = new H2(t("overview.attention-title"));
        workTitle.addClassName("section-title");
        add(workTitle, attention, vendorsTitle, vendorStats);
    }

    /** Four eyes: what other admins asked for and only another admin (this one) may approve. */
    private static Card approvals(ApprovalInbox.Approvals mine) {
        Card card = Cards.of("approvals");
        card.setId("approvals");
        card.setTitle(t("overview.approvals.title", mine.count()));
        if (mine.count() == 0) {
            card.add(muted(t("overview.approvals.empty")));
            return card;
        }
        for (PendingResume r : mine.resumes()) {
            card.add(item("approval-resume-" + r.vendorSlug(), "vendors/" + r.vendorId(),
                    t("overview.approvals.resume", r.vendorName()),
                    t("overview.approvals.resume-detail", r.requestedBy(), Formats.minute(r.requestedAt()),
                            Words.label(r.suspensionReason()), r.reason())));
        }
        for (RolloutRow r : mine.rollouts()) {
            card.add(item("approval-rollout-" + r.id(), "rollouts/" + r.id(),
                    t("overview.approvals.rollout", r.vendorName(), r.fromLabel(), r.toLabel()),
                    t("overview.approvals.rollout-detail", r.createdBy())));
        }
        return card;
    }

    /** A figure that opens the list it counts. */
    private static Anchor linked(String href, StatCard card) {
        Anchor link = new Anchor(href);
        link.getElement().setAttribute("router-link", true);
        link.addClassName("stat-link");
        link.add(card);
        return link;
    }

    private static Div item(String id, String href, String title, String detail) {
        Anchor link = new Anchor(href, title);
        link.getElement().setAttribute("router-link", true);
        Div item = new Div(link, muted(detail));
        item.setId(id);
        item.addClassName("approval-item");
        return item;
    }
}
