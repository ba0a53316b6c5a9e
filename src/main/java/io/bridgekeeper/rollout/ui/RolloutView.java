package io.bridgekeeper.rollout.ui;

import static io.bridgekeeper.base.ui.Texts.muted;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.bridgekeeper.base.ui.Cards;
import io.bridgekeeper.base.ui.Formats;
import io.bridgekeeper.base.ui.Actions;
import io.bridgekeeper.base.ui.LiveUpdates;
import io.bridgekeeper.base.ui.Pages;
import io.bridgekeeper.base.ui.ReasonDialog;
import io.bridgekeeper.base.ui.ViewHeader;
import io.bridgekeeper.canary.CanaryService;
import io.bridgekeeper.rollout.DeviceProgress;
import io.bridgekeeper.rollout.RolloutAction;
import io.bridgekeeper.rollout.RolloutDetail;
import io.bridgekeeper.rollout.RolloutIncident;
import io.bridgekeeper.rollout.RolloutPages;
import io.bridgekeeper.rollout.RolloutPages.RolloutPage;
import io.bridgekeeper.rollout.RolloutService;
import io.bridgekeeper.rollout.RolloutState;
import io.bridgekeeper.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One rollout: its stages, progress, guards with their numbers, the target version's telemetry, the
 * approval and the audit trail. The action buttons are exactly those the person may use in this
 * state; halting, rejecting and approving ask for a reason first.
 */
@Route("rollouts")
@PageTitle("Rollout · Bridgekeeper")
@RolesAllowed({Roles.ADMIN, Roles.PARTNER_MANAGER})
public class RolloutView extends VerticalLayout implements HasUrlParameter<Long> {

    private final RolloutService rollouts;
    private final RolloutPages pages;
    private final CanaryService canaries;
    private final LiveUpdates.Live live;
    private volatile long rolloutId;
    private volatile long vendorId;

    public RolloutView(RolloutService rollouts, RolloutPages pages, CanaryService canaries, LiveUpdates liveUpdates) {
        this.rollouts = rollouts;
        this.pages = pages;
        this.canaries = canaries;
        setId("rollout-view");
        addClassName("page");
        // stages, guards, the chart and incidents move while a rollout runs: follow them
        live = liveUpdates.follow(this, c -> c.ofRollout(rolloutId)
                || c.ofVendor(vendorId) && c.in("telemetry", "suspension", "vendor", "incident"), this::render);
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        rolloutId = id;
        render(Pages.orNotFound(() -> pages.page(id)));
    }

    private void render() {
        render(pages.page(rolloutId));
    }

    private void render(RolloutPage page) {
        RolloutDetail r = page.rollout();
        vendorId = r.vendorId();
        removeAll();
        ViewHeader header = new ViewHeader("Rollout #" + r.id() + ": " + r.fromLabel() + " → " + r.toLabel(),
                r.vendorName() + " · " + r.stages().size() + " stages", actions(r, page.actions(), page.devicesMovedByNextStage())
                .toArray(Component[]::new));
        header.withBadge(RolloutBadges.state(r.state()));
        add(header);
        // what happens next, and on what condition, in one sentence
        Paragraph next = new Paragraph(NextStep.sentence(r, page.reading()));
        next.setId("rollout-next");
        next.addClassName("next-step");
        add(next);
        List<RolloutIncident> incidents = page.incidents();
        if (r.state() == RolloutState.HALTED || r.state() == RolloutState.ROLLED_BACK
                || r.state() == RolloutState.PAUSED || !incidents.isEmpty()) {
            add(banner(r, incidents));
        }
        add(new StageTimeline(r, canaries.stages(r.vendorId(), rolloutId)));
        Div cards = new Div(progressCard(r, page.progress()), new GuardPanel(page.reading(), r.state()
                == RolloutState.RUNNING), planCard(r));
        cards.addClassName("card-grid");
        add(cards, new TelemetryChart(page.telemetry()), new RolloutAuditTrail(page.auditTrail()));
        live.rendered();
    }

    private Div banner(RolloutDetail r, List<RolloutIncident> incidents) {
        boolean halted = r.state() == RolloutState.HALTED || r.state() == RolloutState.ROLLED_BACK;
        H3 title = new H3(halted ? "Halted and rolled back to " + r.fromLabel()
                : r.state() == RolloutState.PAUSED ? "Paused" : "Incidents");
        Div text = new Div(title);
        if (r.pauseReason() != null) {
            Paragraph reason = new Paragraph(r.pauseReason());
            reason.setId("rollout-reason");
            text.add(reason);
        }
        Div list = new Div();
        list.setId("rollout-incidents");
        list.addClassName("incident-list");
        for (RolloutIncident i : incidents) {
            Span line = new Span("Incident #" + i.id() + " · " + i.severity() + " · " + i.state().toLowerCase() + " — "
                    + i.title());
            line.setId("incident-" + i.id());
            list.add(line);
        }
        text.add(list);
        Div banner = new Div(halted ? VaadinIcon.BAN.create() : VaadinIcon.PAUSE.create(), text);
        banner.setId("rollout-banner");
        banner.addClassNames("rollout-banner", halted ? "rollout-banner-halted" : "rollout-banner-paused");
        return banner;
    }

    private Card progressCard(RolloutDetail r, DeviceProgress p) {
        ProgressBar bar = new ProgressBar(0, 100, r.currentPercent());
        bar.setId("rollout-progress-bar");
        bar.getElement().setAttribute("aria-label", "Devices on the new version: " + r.currentPercent() + " %");
        Span figure = new Span(r.currentPercent() + " %");
        figure.setId("rollout-percent");
        figure.addClassName("stat-value");
        Span devices = new Span(String.format("%,d of %,d devices on %s", p.onTarget(), p.total(), r.toLabel()));
        devices.setId("rollout-devices");
        devices.addClassName("muted");
        Card card = Cards.of("progress-card", new H3("Progress"), figure, bar, devices);
        if (r.currentStage() != null && r.state().isActive()) {
            card.add(muted("Stage " + (r.currentStage() + 1) + " of " + r.stages().size() + " since "
                    + Formats.minute(r.stageStartedAt())));
        }
        card.setId("rollout-progress");
        return card;
    }

    private static Card planCard(RolloutDetail r) {
        Card card = Cards.of("plan-card", new H3("Plan and approval"),
                muted("Stages: " + String.join(", ", r.stages().stream().map(s -> s.percent() + " %").toList())),
                muted("Bake " + GuardPanel.duration(r.bakeSeconds()) + " per stage, at least "
                        + String.format("%,d", r.minDeliveries()) + " deliveries"),
                muted("Pause above " + r.errorRateThreshold().multiply(BigDecimal.valueOf(100)).stripTrailingZeros()
                        .toPlainString() + " % errors or after " + GuardPanel.duration(r.noDataSeconds())
                        + " without telemetry"),
                muted("Planned by " + r.createdBy() + " on " + Formats.minute(r.createdAt())));
        Span approval = new Span(r.decidedBy() == null
                ? r.submittedAt() == null ? "Not submitted for approval yet." : "Awaiting an admin's approval since "
                + Formats.minute(r.submittedAt()) + "."
                : (r.state() == RolloutState.REJECTED ? "Rejected by " : "Approved by ") + r.decidedBy() + " on "
                + Formats.minute(r.decidedAt()) + (r.decisionReason() == null ? "." : ": " + r.decisionReason()));
        approval.setId("rollout-approval");
        card.add(approval);
        card.setId("rollout-plan");
        return card;
    }

    private List<Component> actions(RolloutDetail r, Set<RolloutAction> allowed, long moves) {
        List<Component> buttons = new ArrayList<>();
        if (allowed.contains(RolloutAction.HALT)) {
            Button halt = new Button("Halt & roll back…", e -> new ReasonDialog("halt", "Halt and roll back?",
                    "Every device goes back to " + r.fromLabel() + " at once. This cannot be undone.",
                    "Halt & roll back", r.vendorSlug(), (reason, typedSlug) -> act(
                            () -> rollouts.haltAndRollBack(rolloutId, reason, typedSlug), "Halted and rolled back."))
                    .open());
            halt.setId("rollout-halt");
            halt.addThemeVariants(ButtonVariant.LUMO_ERROR);
            buttons.add(halt);
        }
        if (allowed.contains(RolloutAction.REJECT)) {
            Button reject = new Button("Reject…", e -> new ReasonDialog("reject", "Reject this rollout?",
                    "The partner manager sees your reason.", "Reject",
                    reason -> act(() -> rollouts.reject(rolloutId, reason), "Rejected.")).open());
            reject.setId("rollout-reject");
            reject.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            buttons.add(reject);
        }
        if (allowed.contains(RolloutAction.PAUSE)) {
            buttons.add(button("rollout-pause", "Pause", () -> rollouts.pause(rolloutId, null), "Paused."));
        }
        if (allowed.contains(RolloutAction.SUBMIT)) {
            buttons.add(primary("rollout-submit", "Submit for approval", () -> rollouts.submit(rolloutId),
                    "Submitted: an admin other than you approves it."));
        }
        if (allowed.contains(RolloutAction.APPROVE)) {
            Button approve = new Button("Approve…", e -> new ReasonDialog("approve", "Approve this rollout?",
                    r.vendorName() + " may then start it: stage 1 moves " + r.stages().getFirst().percent() + " % of its "
                    + "devices from " + r.fromLabel() + " to " + r.toLabel() + ", and the guards advance, pause or halt "
                    + "it from there. The partner manager sees your reason.", "Approve",
                    reason -> act(() -> rollouts.approve(rolloutId, reason), "Approved.")).constructive().open());
            approve.setId("rollout-approve");
            approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            buttons.add(approve);
        }
        if (allowed.contains(RolloutAction.START)) {
            buttons.add(primary("rollout-start", "Start at " + r.nextPercent() + " % (moves " + fmt(moves) + " devices)",
                    () -> rollouts.start(rolloutId), "Started."));
        }
        if (allowed.contains(RolloutAction.RESUME)) {
            buttons.add(primary("rollout-resume", "Resume", () -> rollouts.resume(rolloutId), "Resumed."));
        }
        if (allowed.contains(RolloutAction.ADVANCE)) {
            String label = r.onLastStage() ? "Complete (makes " + r.toLabel() + " stable)"
                    : "Advance to " + r.nextPercent() + " % (moves " + fmt(moves) + " more devices)";
            buttons.add(primary("rollout-advance", label, () -> rollouts.advance(rolloutId),
                    r.onLastStage() ? "Completed: " + r.toLabel() + " is the stable version." : "Advanced."));
        }
        return buttons;
    }

    private Button primary(String id, String label, Runnable call, String done) {
        Button b = button(id, label, call, done);
        b.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return b;
    }

    private Button button(String id, String label, Runnable call, String done) {
        Button b = new Button(label, e -> act(call, done));
        b.setId(id);
        return b;
    }

    private void act(Runnable call, String done) {
        Actions.run(call, done);
        render();
    }

    private static String fmt(long n) {
        return String.format("%,d", n);
    }
}
