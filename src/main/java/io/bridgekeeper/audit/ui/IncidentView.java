package io.bridgekeeper.audit.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.bridgekeeper.audit.ExposureReports;
import io.bridgekeeper.audit.IncidentDetail;
import io.bridgekeeper.audit.IncidentPages;
import io.bridgekeeper.audit.IncidentPages.IncidentPage;
import io.bridgekeeper.audit.IncidentService;
import io.bridgekeeper.audit.IncidentState;
import io.bridgekeeper.base.ui.Actions;
import io.bridgekeeper.base.ui.Cards;
import io.bridgekeeper.base.ui.Formats;
import io.bridgekeeper.base.ui.LiveUpdates;
import io.bridgekeeper.base.ui.Pages;
import io.bridgekeeper.base.ui.ViewHeader;
import io.bridgekeeper.security.Roles;
import jakarta.annotation.security.RolesAllowed;

/** One incident: its state, evidence, vendor and rollout, exposure report and timeline; acknowledge and resolve. */
@Route("incidents")
@PageTitle("Incident · Bridgekeeper")
@RolesAllowed(Roles.ADMIN)
public class IncidentView extends VerticalLayout implements HasUrlParameter<Long> {

    private final IncidentService incidents;
    private final IncidentPages pages;
    private final ExposureReports exposure;
    private final LiveUpdates.Live live;
    private volatile long incidentId;

    public IncidentView(IncidentService incidents, IncidentPages pages, ExposureReports exposure,
                        LiveUpdates liveUpdates) {
        this.incidents = incidents;
        this.pages = pages;
        this.exposure = exposure;
        setId("incident-view");
        addClassName("page");
        // another admin acknowledging, resolving or adding a note, new violations counted in
        live = liveUpdates.follow(this, c -> c.ofIncident(incidentId), () -> render(pages.page(incidentId)));
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        incidentId = id;
        render(Pages.orNotFound(() -> pages.page(id)));
    }

    private void render(IncidentPage page) {
        IncidentDetail incident = page.incident();
        removeAll();
        RouterLink back = new RouterLink("← All incidents", IncidentsView.class);
        back.setId("incident-back");
        back.addClassName("back-link");

        Button acknowledge = new Button("Acknowledge", VaadinIcon.EYE.create(), e -> new IncidentNoteDialog(
                "acknowledge-dialog", "Acknowledge incident " + incident.id(),
                "You take it on: the incident stays open until it is resolved.", "Acknowledge", false, false,
                note -> act(() -> incidents.acknowledge(incident.id(), note), "Incident acknowledged.")).open());
        acknowledge.setId("incident-acknowledge");
        acknowledge.setEnabled(incident.state() == IncidentState.OPEN);
        Button resolve = new Button("Resolve", VaadinIcon.CHECK.create(), e -> new IncidentNoteDialog(
                "resolve-dialog", "Resolve incident " + incident.id(),
                "Resolving closes the incident for good. Say what was done and why it is safe now.", "Resolve", true,
                true, note -> act(() -> incidents.resolve(incident.id(), note), "Incident resolved.")).open());
        resolve.setId("incident-resolve");
        resolve.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        resolve.setEnabled(incident.state() != IncidentState.RESOLVED);
        Button note = new Button("Add note", VaadinIcon.COMMENT_O.create(), e -> new IncidentNoteDialog(
                "note-dialog", "Add a note to incident " + incident.id(), "Notes go on the incident's timeline.",
                "Add note", true, false, text -> act(() -> incidents.addNote(incident.id(), text), "Note added.")).open());
        note.setId("incident-add-note");

        ViewHeader header = new ViewHeader("Incident " + incident.id() + ": " + incident.title(), null,
                note, acknowledge, resolve);
        Div badges = new Div(IncidentBadges.severity(incident.severity()), IncidentBadges.state(incident.state()),
                new Span(incident.kind().label()));
        badges.setId("incident-badges");
        badges.addClassName("badge-line");

        Div facts = new Div();
        facts.setId("incident-facts");
        facts.addClassName("facts");
        fact(facts, "Vendor", incident.vendorName() == null ? "—" : incident.vendorName() + " (" + incident.vendorSlug() + ")");
        fact(facts, "Rollout", incident.rolloutId() == null ? "—"
                : "#" + incident.rolloutId() + " " + incident.rolloutDescription());
        fact(facts, "Opened", Formats.utc(incident.openedAt()) + " by " + incident.openedBy());
        fact(facts, "Acknowledged", incident.acknowledgedAt() == null ? "—"
                : Formats.utc(incident.acknowledgedAt()) + " by " + incident.acknowledgedBy());
        fact(facts, "Resolved", incident.resolvedAt() == null ? "—"
                : Formats.utc(incident.resolvedAt()) + " by " + incident.resolvedBy());

        H2 evidenceTitle = new H2("Evidence");
        evidenceTitle.addClassName("section-title");
        // the recorded evidence field by field; the JSON as stored one click away
        Div evidence = new Div();
        evidence.setId("incident-evidence");
        if (incident.evidence() == null) {
            evidence.add(new Span("—"));
        } else {
            Div evidenceFacts = new Div();
            evidenceFacts.addClassName("facts");
            io.bridgekeeper.audit.AuditDiff.fields(incident.evidence()).forEach((field, value) -> fact(evidenceFacts,
                    words(field), value));
            Pre raw = new Pre(incident.evidence());
            raw.addClassName("evidence");
            com.vaadin.flow.component.details.Details asStored =
                    new com.vaadin.flow.component.details.Details("As recorded (JSON)", raw);
            asStored.setId("incident-evidence-json");
            evidence.add(Cards.of("evidence-card", evidenceFacts, asStored));
        }

        H2 timelineTitle = new H2("Timeline");
        timelineTitle.addClassName("section-title");
        TimelinePanel timeline = new TimelinePanel(page.timeline());

        add(back, header, badges, Cards.of("facts-card", facts), timelineTitle, timeline, new ExposurePanel(incident.id(), page.exposure(), exposure),
                evidenceTitle, evidence);
        live.rendered();
    }

    private void act(Runnable action, String done) {
        Actions.run(action, done);
        render(pages.page(incidentId));
    }

    /** "details.contentOwnerAccountId" → "Content owner account id". */
    static String words(String field) {
        String last = field.substring(field.lastIndexOf('.') + 1);
        String spaced = last.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
        return spaced.isEmpty() ? field : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    private static void fact(Div facts, String label, String value) {
        Span l = new Span(label);
        l.addClassName("fact-label");
        Span v = new Span(value);
        v.addClassName("fact-value");
        facts.add(l, v);
    }
}
