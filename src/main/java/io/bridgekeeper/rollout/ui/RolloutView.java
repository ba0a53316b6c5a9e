package io.bridgekeeper.rollout.ui;

import static io.bridgekeeper.base.ui.Words.t;
import static io.bridgekeeper.base.ui.Texts.muted;

import com.vaadin.flow.router.HasDynamicTitle;
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
import com.vaadin.flow.router.Route;
import io.bridgekeeper.base.ui.Words;
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
@RolesAllowed({Roles.ADMIN, Roles.PARTNER_MANAGER})
public class RolloutView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    @Override
    public String getPageTitle() {
        return t("rollout.view.title") + " · Bridgekeeper";
    }

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
        ViewHeader header = new ViewHeader(t("rollout.view.heading", String.valueOf(r.id()), r.fromLabel(), r.toLabel()),
                t("rollout.view.subtitle", r.vendorName(), String.valueOf(r.stages().size())), actions(r, page.actions(), page.devicesMovedByNextStage())
                .toArray(Component[]::new));
        header.withBadge(RolloutBadges.state(r.state()));
        add(header);
        // what happens next, and on what condition, in one sentence
        Paragraph next = new Paragraph(NextStep.sentence(Words.ofPage(), r, page.reading()));
        next.setId("rollout-next");
        next.addClassName("next-step");
        add(next);
        if (r.state() == RolloutState.DRAFT || r.state() == RolloutState.PENDING_APPROVAL) {
            for (String warning : rollouts.approvalWarnings(rolloutId, Words.pageLocale())) {
                Paragraph w = new Paragraph(warning);
                w.setId("rollout-approval-warning");
                w.addClassName("suspension-notice");
                add(w);
            }
        }
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
        H3 title = new H3(halted ? t("rollout.view.halted-to", r.fromLabel())
                : r.state() == RolloutState.PAUSED ? Words.label(RolloutState.PAUSED) : t("rollout.view.incidents"));
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
            Span line = new Span(t("rollout.view.incident-line", String.valueOf(i.id()), i.severity(),
                    incidentState(i.state()), i.title()));
            line.setId("incident-" + i.id());
            list.add(line);
        }
        text.add(list);
        Div banner = new Div(halted ? VaadinIcon.BAN.create() : VaadinIcon.PAUSE.create(), text);
        banner.setId("rollout-banner");
        banner.addClassNames("rollout-banner", halted ? "rollout-banner-halted" : "rollout-banner-paused");
        return banner;
    }

    /** An incident's state in words ("open"), the stored name where it has none. */
    private static String incidentState(String state) {
        return Words.tOr("enum.IncidentState." + state, state).toLowerCase(Words.pageLocale());
    }

    private Card progressCard(RolloutDetail r, DeviceProgress p) {
        ProgressBar bar = new ProgressBar(0, 100, r.currentPercent());
        bar.setId("rollout-progress-bar");
        bar.getElement().setAttribute("aria-label", t("rollout.view.progress-aria", String.valueOf(r.currentPercent())));
        Span figure = new Span(r.currentPercent() + " %");
        figure.setId("rollout-percent");
        figure.addClassName("stat-value");
        Span devices = new Span(t("rollout.view.devices-on", p.onTarget(), p.total(), r.toLabel()));
        devices.setId("rollout-devices");
        devices.addClassName("muted");
        Card card = Cards.of("progress-card", new H3(t("rollout.view.progress")), figure, bar, devices);
        if (r.currentStage() != null && r.state().isActive()) {
            card.add(muted(t("rollout.view.stage-since", String.valueOf(r.currentStage() + 1),
                    String.valueOf(r.stages().size()), Formats.minute(r.stageStartedAt()))));
        }
        card.setId("rollout-progress");
        return card;
    }

    private static Card planCard(RolloutDetail r) {
        Card card = Cards.of("plan-card", new H3(t("rollout.plan.title")),
                muted(t("rollout.plan.stages", String.join(", ", r.stages().stream().map(s -> s.percent() + " %").toList()))),
                muted(t("rollout.plan.bake", GuardPanel.duration(r.bakeSeconds()), r.minDeliveries())),
                muted(t("rollout.plan.pause", r.errorRateThreshold().multiply(BigDecimal.valueOf(100)).stripTrailingZeros()
                        .toPlainString(), GuardPanel.duration(r.noDataSeconds()))),
                muted(t("rollout.plan.planned-by", r.createdBy(), Formats.minute(r.createdAt()))));
        String decided = r.decidedBy() == null ? null : t(r.state() == RolloutState.REJECTED
                ? "rollout.plan.rejected-by" : "rollout.plan.approved-by", r.decidedBy(), Formats.minute(r.decidedAt()));
        Span approval = new Span(r.decidedBy() == null
                ? r.submittedAt() == null ? t("rollout.plan.not-submitted") : t("rollout.plan.awaiting",
                Formats.minute(r.submittedAt()))
                : decided + (r.decisionReason() == null ? "." : ": " + r.decisionReason()));
        approval.setId("rollout-approval");
        card.add(approval);
        card.setId("rollout-plan");
        return card;
    }

    private List<Component> actions(RolloutDetail r, Set<RolloutAction> allowed, long moves) {
        List<Component> buttons = new ArrayList<>();
        if (allowed.contains(RolloutAction.HALT)) {
            Button halt = new Button(t("rollout.action.halt") + "…", e -> new ReasonDialog("halt", t("rollout.action.halt-title"),
                    t("rollout.action.halt-text", r.fromLabel()),
                    t("rollout.action.halt"), r.vendorSlug(), (reason, typedSlug) -> act(
                            () -> rollouts.haltAndRollBack(rolloutId, reason, typedSlug), t("rollout.action.halted")))
                    .open());
            halt.setId("rollout-halt");
            halt.addThemeVariants(ButtonVariant.LUMO_ERROR);
            buttons.add(halt);
        }
        if (allowed.contains(RolloutAction.REJECT)) {
            Button reject = new Button(t("rollout.action.reject") + "…", e -> new ReasonDialog("reject",
                    t("rollout.action.reject-title"), t("rollout.action.reason-seen"), t("rollout.action.reject"),
                    reason -> act(() -> rollouts.reject(rolloutId, reason), t("rollout.action.rejected"))).open());
            reject.setId("rollout-reject");
            reject.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            buttons.add(reject);
        }
        if (allowed.contains(RolloutAction.PAUSE)) {
            buttons.add(button("rollout-pause", t("rollout.action.pause"), () -> rollouts.pause(rolloutId, null), t("rollout.action.paused")));
        }
        if (allowed.contains(RolloutAction.SUBMIT)) {
            buttons.add(primary("rollout-submit", t("rollout.action.submit"), () -> rollouts.submit(rolloutId),
                    t("rollout.action.submitted")));
        }
        if (allowed.contains(RolloutAction.APPROVE)) {
            Button approve = new Button(t("rollout.action.approve") + "…", e -> new ReasonDialog("approve",
                    t("rollout.action.approve-title"), String.join(" ", java.util.stream.Stream.concat(java.util.stream.Stream.of(
                    t("rollout.action.approve-text", r.vendorName(), String.valueOf(r.stages().getFirst().percent()),
                            r.fromLabel(), r.toLabel())), rollouts.approvalWarnings(rolloutId, Words.pageLocale()).stream())
                    .toList()), t("rollout.action.approve"),
                    reason -> act(() -> rollouts.approve(rolloutId, reason), t("rollout.action.approved"))).constructive().open());
            approve.setId("rollout-approve");
            approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            buttons.add(approve);
        }
        if (allowed.contains(RolloutAction.START)) {
            buttons.add(primary("rollout-start", t("rollout.action.start", String.valueOf(r.nextPercent()), moves),
                    () -> rollouts.start(rolloutId), t("rollout.action.started")));
        }
        if (allowed.contains(RolloutAction.RESUME)) {
            buttons.add(primary("rollout-resume", t("rollout.action.resume"), () -> rollouts.resume(rolloutId), t("rollout.action.resumed")));
        }
        if (allowed.contains(RolloutAction.ADVANCE)) {
            String label = r.onLastStage() ? t("rollout.action.complete", r.toLabel())
                    : t("rollout.action.advance", String.valueOf(r.nextPercent()), moves);
            buttons.add(primary("rollout-advance", label, () -> rollouts.advance(rolloutId),
                    r.onLastStage() ? t("rollout.action.completed", r.toLabel()) : t("rollout.action.advanced")));
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

}
