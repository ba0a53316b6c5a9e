package io.bridgekeeper.home.ui;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import io.bridgekeeper.base.ui.Badge;
import io.bridgekeeper.base.ui.Formats;
import io.bridgekeeper.base.ui.Pages;
import io.bridgekeeper.base.ui.ViewHeader;
import io.bridgekeeper.link.UnlinkReceipt;
import io.bridgekeeper.link.UnlinkService;
import io.bridgekeeper.security.Roles;
import io.bridgekeeper.webhook.DeliveryState;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;

/**
 * The receipt of an unlink, step by step. The vendor step changes after the page is open (the outbox
 * delivers in the background), so the page polls every second until that step is final.
 */
@Route("home/receipts")
@PageTitle("Unlink receipt · Bridgekeeper")
@RolesAllowed(Roles.END_USER)
public class UnlinkReceiptView extends VerticalLayout implements HasUrlParameter<Long> {

    private static final int POLL_MILLIS = 1000;

    private final UnlinkService unlinks;
    private final Div steps = new Div();
    private long receiptId;
    private boolean finished;
    private Registration polling;
    /** Whether the household opened the support details: kept while the page polls and redraws. */
    private Boolean supportOpen;

    public UnlinkReceiptView(UnlinkService unlinks) {
        this.unlinks = unlinks;
        setId("unlink-receipt");
        addClassName("page");
        steps.setId("receipt-steps");
        steps.addClassName("receipt-steps");
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        receiptId = id;
        UnlinkReceipt receipt = Pages.orNotFound(() -> unlinks.receipt(id));
        removeAll();
        String what = receipt.isDeviceOnly() ? String.join(", ", receipt.deviceNames()) + " unlinked"
                : receipt.vendorName() + " account unlinked";
        add(new ViewHeader(what, "Receipt " + receipt.id() + " · " + receipt.vendorName() + " account "
                + receipt.externalAccountId()), steps, new RouterLink("Back to My home", MyHomeView.class));
        render(receipt);
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        if (!finished) {
            attach.getUI().setPollInterval(POLL_MILLIS);
        }
        polling = attach.getUI().addPollListener(e -> {
            if (!finished && isAttached()) {
                render(unlinks.receipt(receiptId));
            }
        });
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        detach.getUI().setPollInterval(-1);
        if (polling != null) {
            polling.remove();
        }
    }

    private void render(UnlinkReceipt r) {
        steps.removeAll();
        String covered = r.deviceNames().isEmpty() ? "no devices" : String.join(", ", r.deviceNames());
        steps.add(step("step-link-ended", r.isDeviceOnly() ? "Device detached from the link" : "Link ended",
                "Done", "success", Formats.second(r.endedAt()) + " · from this moment, nothing " + r.vendorName()
                        + " held for your home opens " + (r.isDeviceOnly() ? "this device" : "your devices")));
        steps.add(step("step-access-revoked", "Access revoked", "Done", "success",
                Formats.second(r.accessRevokedAt()) + " · " + covered + " left your home"));
        DeliveryState d = r.delivery();
        String state;
        String tone;
        String detail;
        switch (d == null ? null : d.status()) {
            case ACKNOWLEDGED -> {
                state = "Vendor acknowledged";
                tone = "success";
                detail = Formats.second(d.acknowledgedAt()) + " · " + r.vendorName() + " confirmed the disconnect";
            }
            case RETRYING -> {
                state = "Retrying (attempt " + d.attempts() + ")";
                tone = "warning";
                detail = r.vendorName() + " could not be reached yet; we keep trying"
                        + (d.nextAttemptAt() == null ? "." : ", next at " + Formats.second(d.nextAttemptAt()) + ".")
                        + " Your devices are already cut off above.";
            }
            case DEAD_LETTER -> {
                state = "Not delivered";
                tone = "error";
                detail = r.vendorName() + " could not be reached after " + d.attempts() + " attempts. Our operators "
                        + "see this and follow up with " + r.vendorName() + ". Your devices are already cut off above.";
            }
            case null, default -> {
                state = "Pending";
                tone = "contrast";
                detail = r.vendorName() + " is being told to disconnect";
            }
        }
        steps.add(step("step-vendor-notified", "Vendor notified", state, tone, detail));
        steps.add(support(r));
        finished = d != null && !d.status().isOpen();
        getUI().ifPresent(ui -> ui.setPollInterval(finished ? -1 : POLL_MILLIS));
    }

    /** The technical facts, folded away: what a support engineer asks for, not what a household needs. */
    private Details support(UnlinkReceipt r) {
        DeliveryState d = r.delivery();
        Div facts = new Div(
                fact("Receipt", String.valueOf(r.id())),
                fact("Link epoch", r.newEpoch() + " (cache keys issued before it are refused as stale)"),
                fact("Disconnect webhook", d == null ? "not queued yet" : "delivery " + d.id() + ", "
                        + d.status().name().toLowerCase().replace('_', ' ') + ", " + d.attempts() + " attempt(s)"));
        if (d != null && d.lastError() != null) {
            facts.add(fact("Last error", d.lastError()));
        }
        facts.addClassName("support-facts");
        Details details = new Details("Details for support", facts);
        details.setId("receipt-support");
        if (supportOpen != null) {
            details.setOpened(supportOpen);
        }
        details.addOpenedChangeListener(e -> supportOpen = e.isOpened());
        return details;
    }

    private static Div fact(String label, String value) {
        Span name = new Span(label + ": ");
        name.addClassName("muted");
        return new Div(name, new Span(value));
    }

    private static Div step(String id, String title, String state, String tone, String detail) {
        Span name = new Span(title);
        name.addClassName("step-title");
        Badge badge = new Badge(state, tone);
        badge.setId(id + "-state");
        Span text = new Span(detail);
        text.addClassName("muted");
        Div head = new Div(("success".equals(tone) ? VaadinIcon.CHECK_CIRCLE : VaadinIcon.CLOCK).create(), name, badge);
        head.addClassName("step-head");
        Div step = new Div(head, text);
        step.setId(id);
        step.addClassNames("receipt-step", "step-" + tone);
        return step;
    }
}
