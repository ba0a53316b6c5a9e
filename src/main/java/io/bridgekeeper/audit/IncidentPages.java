package io.bridgekeeper.audit;

import io.bridgekeeper.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The incident page in one call: the incident with its notes, its timeline and its exposure report,
 * read in one read-only transaction so that they agree with each other.
 */
@Service
@Transactional(readOnly = true)
public class IncidentPages {

    /** Everything the incident page shows, as of one moment. */
    public record IncidentPage(IncidentDetail incident, List<TimelineEntry> timeline, ExposureReport exposure) {
    }

    private final IncidentService incidents;
    private final IncidentTimeline timeline;
    private final ExposureReports exposure;

    IncidentPages(IncidentService incidents, IncidentTimeline timeline, ExposureReports exposure) {
        this.incidents = incidents;
        this.timeline = timeline;
        this.exposure = exposure;
    }

    /** Admins only; an unknown incident is "not found". */
    @RolesAllowed(Roles.ADMIN)
    public IncidentPage page(long incidentId) {
        return page(incidentId, io.bridgekeeper.base.Translations.ENGLISH);
    }

    /** The same, with the timeline in {@code locale}'s words. */
    @RolesAllowed(Roles.ADMIN)
    public IncidentPage page(long incidentId, java.util.Locale locale) {
        IncidentDetail incident = incidents.detail(incidentId);
        return new IncidentPage(incident, timeline.of(incidentId, locale), exposure.of(incidentId));
    }
}
