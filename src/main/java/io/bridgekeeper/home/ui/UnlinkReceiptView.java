package io.bridgekeeper.home.ui;

import static io.bridgekeeper.base.ui.Words.t;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import io.bridgekeeper.base.ui.Badge;
import io.bridgekeeper.base.ui.Formats;
import io.bridgekeeper.base.ui.Pages;
import io.bridgekeeper.base.ui.ViewHeader;
import io.bridgekeeper.link.TokenRevocationState;
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
@RolesAllowed(Roles.END_USER)
public class UnlinkReceiptView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    @Override
    public String getPageTitle() {
        return t("home.receipt.title") + " · Bridgekeeper";
    }

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
        String what = receipt.isDeviceOnly() ? t("home.receipt.devices-unlinked", String.join(", ", receipt.deviceNames()))
                : t("home.receipt.account-unlinked", receipt.vendorName());
        add(new ViewHeader(what, t("home.receipt.subtitle", String.valueOf(receipt.id()), receipt.vendorName(),
                receipt.externalAccountId())), steps, new RouterLink(t("home.back"), MyHomeView.class));
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
        String covered = r.deviceNames().isEmpty() ? t("home.receipt.no-devices") : String.join(", ", r.deviceNames());
        steps.add(step("step-link-ended", t(r.isDeviceOnly() ? "home.receipt.detached" : "home.receipt.link-ended"),
                t("home.receipt.done"), "success", Formats.second(r.endedAt()) + " · "
                        + t(r.isDeviceOnly() ? "home.receipt.nothing-opens-device" : "home.receipt.nothing-opens", r.vendorName())));
        steps.add(step("step-access-revoked", t("home.receipt.access-revoked"), t("home.receipt.done"), "success",
                Formats.second(r.accessRevokedAt()) + " · " + t("home.receipt.left-home", covered)));
        if (r.revocation() != null) {
            steps.add(revocationStep(r));
        }
        DeliveryState d = r.delivery();
        String state;
        String tone;
        String detail;
        switch (d == null ? null : d.status()) {
            case ACKNOWLEDGED -> {
                state = t("home.receipt.acknowledged");
                tone = "success";
                detail = Formats.second(d.acknowledgedAt()) + " · " + t("home.receipt.confirmed", r.vendorName());
            }
            case RETRYING -> {
                state = t("home.receipt.retrying", String.valueOf(d.attempts()));
                tone = "warning";
                detail = (d.nextAttemptAt() == null ? t("home.receipt.not-reached", r.vendorName())
                        : t("home.receipt.not-reached-next", r.vendorName(), Formats.second(d.nextAttemptAt())))
                        + " " + t("home.receipt.cut-off");
            }
            case DEAD_LETTER -> {
                state = t("home.receipt.not-delivered");
                tone = "error";
                detail = t("home.receipt.gave-up", r.vendorName(), String.valueOf(d.attempts())) + " " + t("home.receipt.cut-off");
            }
            case null, default -> {
                state = t("home.receipt.pending");
                tone = "contrast";
                detail = t("home.receipt.being-told", r.vendorName());
            }
        }
        steps.add(step("step-vendor-notified", t("home.receipt.vendor-notified"), state, tone, detail));
        steps.add(support(r));
        finished = d != null && !d.status().isOpen() && (r.revocation() == null || !r.revocation().status().isOpen());
        getUI().ifPresent(ui -> ui.setPollInterval(finished ? -1 : POLL_MILLIS));
    }

    /** Revoking the account's tokens at the vendor (RFC 7009), with what the vendor answered. */
    private static Div revocationStep(UnlinkReceipt r) {
        TokenRevocationState v = r.revocation();
        String answer = v.answer() == null ? "" : " " + t("home.receipt.vendor-answered", v.answer());
        String state;
        String tone;
        String detail;
        switch (v.status()) {
            case REVOKED -> {
                state = t("home.receipt.revoked");
                tone = "success";
                detail = Formats.second(v.finishedAt()) + " · " + t("home.receipt.tokens-revoked", r.vendorName()) + answer;
            }
            case NOT_OFFERED -> {
                state = t("home.receipt.revocation-not-offered");
                tone = "success";
                detail = t("home.receipt.tokens-deleted", r.vendorName());
            }
            case RETRYING -> {
                state = t("home.receipt.retrying", String.valueOf(v.attempts()));
                tone = "warning";
                detail = t("home.receipt.revocation-retrying", r.vendorName(), Formats.second(v.nextAttemptAt())) + answer;
            }
            case FAILED -> {
                state = t("home.receipt.not-delivered");
                tone = "error";
                detail = t("home.receipt.revocation-failed", r.vendorName(), String.valueOf(v.attempts())) + answer;
            }
            default -> {
                state = t("home.receipt.pending");
                tone = "contrast";
                detail = t("home.receipt.revocation-pending", r.vendorName());
            }
        }
        return step("step-tokens-revoked", t("home.receipt.tokens-title", r.vendorName()), state, tone, detail);
    }

    /** The technical facts, folded away: what a support engineer asks for, not what a household needs. */
    private Details support(UnlinkReceipt r) {
        DeliveryState d = r.delivery();
        Div facts = new Div(
                fact(t("home.receipt.receipt"), String.valueOf(r.id())),
                fact(t("home.receipt.epoch"), t("home.receipt.epoch-value", String.valueOf(r.newEpoch()))),
                fact(t("home.receipt.webhook"), d == null ? t("home.receipt.not-queued") : t("home.receipt.delivery",
                        String.valueOf(d.id()), d.status().name().toLowerCase().replace('_', ' '), String.valueOf(d.attempts()))));
        if (d != null && d.lastError() != null) {
            facts.add(fact(t("home.receipt.last-error"), d.lastError()));
        }
        facts.addClassName("support-facts");
        Details details = new Details(t("home.receipt.support"), facts);
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
