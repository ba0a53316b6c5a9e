package io.bridgekeeper.audit.ui;

import static io.bridgekeeper.base.ui.Words.t;
import com.vaadin.flow.router.HasDynamicTitle;
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
import com.vaadin.flow.router.Route;
import io.bridgekeeper.base.ui.Words;
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
@RolesAllowed(Roles.ADMIN)
public class IncidentView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    @Override
    public String getPageTitle() {
        return t("audit.incident.title") + " · Bridgekeeper";
    }

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
        live = liveUpdates.follow(this, c -> c.ofIncident(incidentId), () -> render(pages.page(incidentId, getLocale())));
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        incidentId = id;
        render(Pages.orNotFound(() -> pages.page(id, getLocale())));
    }

    private void render(IncidentPage page) {
        IncidentDetail incident = page.incident();
        removeAll();
        RouterLink back = new RouterLink(t("audit.incident.back"), IncidentsView.class);
        back.setId("incident-back");
        back.addClassName("back-link");

        Button acknowledge = new Button(t("audit.incident.acknowledge"), VaadinIcon.EYE.create(), e -> new IncidentNoteDialog(
                "acknowledge-dialog", t("audit.incident.acknowledge-title", String.valueOf(incident.id())),
                t("audit.incident.acknowledge-text"), t("audit.incident.acknowledge"), false, false,
                note -> act(() -> incidents.acknowledge(incident.id(), note), t("audit.incident.acknowledged"))).open());
        acknowledge.setId("incident-acknowledge");
        acknowledge.setEnabled(incident.state() == IncidentState.OPEN);
        Button resolve = new Button(t("audit.incident.resolve"), VaadinIcon.CHECK.create(), e -> new IncidentNoteDialog(
                "resolve-dialog", t("audit.incident.resolve-title", String.valueOf(incident.id())),
                t("audit.incident.resolve-text"), t("audit.incident.resolve"), true,
                true, note -> act(() -> incidents.resolve(incident.id(), note), t("audit.incident.resolved"))).open());
        resolve.setId("incident-resolve");
        resolve.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        resolve.setEnabled(incident.state() != IncidentState.RESOLVED);
        Button note = new Button(t("audit.incident.add-note"), VaadinIcon.COMMENT_O.create(), e -> new IncidentNoteDialog(
                "note-dialog", t("audit.incident.note-title", String.valueOf(incident.id())), t("audit.incident.note-text"),
                t("audit.incident.add-note"), true, false, text -> act(() -> incidents.addNote(incident.id(), text),
                t("audit.incident.note-added"))).open());
        note.setId("incident-add-note");

        ViewHeader header = new ViewHeader(t("audit.incident.heading", String.valueOf(incident.id()), incident.title()), null,
                note, acknowledge, resolve);
        Div badges = new Div(IncidentBadges.severity(incident.severity()), IncidentBadges.state(incident.state()),
                new Span(Words.label(incident.kind())));
        badges.setId("incident-badges");
        badges.addClassName("badge-line");

        Div facts = new Div();
        facts.setId("incident-facts");
        facts.addClassName("facts");
        fact(facts, t("audit.vendor"), incident.vendorName() == null ? "—" : incident.vendorName() + " (" + incident.vendorSlug() + ")");
        fact(facts, t("audit.incident.rollout"), incident.rolloutId() == null ? "—"
                : "#" + incident.rolloutId() + " " + incident.rolloutDescription());
        fact(facts, t("audit.incident.opened"), t("audit.incident.at-by", Formats.utc(incident.openedAt()), incident.openedBy()));
        fact(facts, Words.label(IncidentState.ACKNOWLEDGED), incident.acknowledgedAt() == null ? "—"
                : t("audit.incident.at-by", Formats.utc(incident.acknowledgedAt()), incident.acknowledgedBy()));
        fact(facts, Words.label(IncidentState.RESOLVED), incident.resolvedAt() == null ? "—"
                : t("audit.incident.at-by", Formats.utc(incident.resolvedAt()), incident.resolvedBy()));

        H2 evidenceTitle = new H2(t("audit.incident.evidence"));
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
                    new com.vaadin.flow.component.details.Details(t("audit.incident.as-recorded"), raw);
            asStored.setId("incident-evidence-json");
            evidence.add(Cards.of("evidence-card", evidenceFacts, asStored));
        }

        H2 timelineTitle = new H2(t("audit.incident.timeline"));
        timelineTitle.addClassName("section-title");
        TimelinePanel timeline = new TimelinePanel(page.timeline());

        add(back, header, badges, Cards.of("facts-card", facts), timelineTitle, timeline, new ExposurePanel(incident.id(), page.exposure(), exposure),
                evidenceTitle, evidence);
        live.rendered();
    }

    private void act(Runnable action, String done) {
        Actions.run(action, done);
        render(pages.page(incidentId, getLocale()));
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
