package io.bridgekeeper.audit;

import io.bridgekeeper.base.Translations;
import java.util.Locale;

import io.bridgekeeper.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An incident's timeline in plain words: the first mix-up and how it was evidenced, the rollout halted
 * and rolled back, the suspension and when each node applied it, the resume, and the incident's own
 * steps (opened, acknowledged, notes, resolved), each with its offset from the first mix-up. Built from
 * the audit module's own tables (violations, incident notes, audit events of the rollout and vendor)
 * and what other modules add through {@link IncidentTimelineSource}.
 */
@Service
@Transactional(readOnly = true)
public class IncidentTimeline {


    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final List<IncidentTimelineSource> sources;

    IncidentTimeline(JdbcClient jdbc, JsonMapper json, List<IncidentTimelineSource> sources) {
        this.jdbc = jdbc;
        this.json = json;
        this.sources = sources;
    }

    record Violations(Instant firstAt, Instant lastAt, long count, String kinds, String exposed, String viewer,
                      String camera) {
    }

    private record Step(Instant occurredAt, String action, String actorName, String targetType, String afterState) {
    }

    /** In English (tests, logs). */
    @RolesAllowed(Roles.ADMIN)
    public List<TimelineEntry> of(long incidentId) {
        return of(incidentId, Translations.ENGLISH);
    }

    /** In {@code locale}'s words (the incident page). */
    @RolesAllowed(Roles.ADMIN)
    public List<TimelineEntry> of(long incidentId, Locale locale) {
        Translations words = Translations.bundled();
        Map<String, Object> incident = jdbc.sql("select vendor_id, rollout_id, opened_at from incident where id = ?")
                .param(incidentId).query().singleRow();
        Long vendorId = (Long) incident.get("vendor_id");
        Long rolloutId = (Long) incident.get("rollout_id");
        Instant opened = ((Timestamp) incident.get("opened_at")).toInstant();
        List<TimelineEntry> entries = new ArrayList<>();
        Violations v = violations(incidentId);
        Instant first = v == null ? null : v.firstAt();
        if (v != null) {
            String noHousehold = words.get(locale, "audit.timeline.no-household");
            entries.add(new TimelineEntry(v.firstAt(), "FIRST_VIOLATION", words.get(locale, "audit.timeline.data-plane"),
                    words.get(locale, "audit.timeline.first", v.camera() == null ? words.get(locale, "audit.timeline.a-device")
                            : v.camera(), v.exposed() == null ? noHousehold : v.exposed(),
                            v.viewer() == null ? noHousehold : v.viewer(), evidence(v.kinds(), locale))));
            if (v.count() > 1) {
                entries.add(new TimelineEntry(v.lastAt(), "LAST_VIOLATION", words.get(locale, "audit.timeline.data-plane"),
                        words.get(locale, "audit.timeline.last", v.count())));
            }
        }
        Instant since = first == null || opened.isBefore(first) ? opened : first;
        steps(vendorId, rolloutId, since).forEach(s -> entries.add(step(s, locale)));
        jdbc.sql("""
                        select n.occurred_at, n.kind, a.display_name as author, n.note
                        from incident_note n left join account_directory a on a.id = n.author_id
                        where n.incident_id = ? order by n.occurred_at, n.id""")
                .param(incidentId)
                .query((rs, i) -> new TimelineEntry(rs.getTimestamp("occurred_at").toInstant(),
                        "INCIDENT_" + rs.getString("kind"), rs.getString("author") == null
                        ? words.get(locale, "audit.timeline.system") : rs.getString("author"),
                        incidentText(rs.getString("kind"), rs.getString("note"), locale)))
                .list().forEach(entries::add);
        if (vendorId != null) {
            sources.forEach(source -> entries.addAll(source.entries(vendorId, since, locale)));
        }
        return entries.stream().map(e -> e.offsetFrom(first))
                .sorted(Comparator.comparing(TimelineEntry::at)).toList();
    }

    private Violations violations(long incidentId) {
        return jdbc.sql("""
                        select min(iv.occurred_at) as first_at, max(iv.occurred_at) as last_at, count(*) as count,
                               string_agg(distinct iv.evidence_kind, ',') as kinds,
                               (array_agg(sa.display_name order by iv.occurred_at, iv.id))[1] as exposed,
                               (array_agg(ta.display_name order by iv.occurred_at, iv.id))[1] as viewer,
                               (array_agg(sd.name || ' #' || sd.id order by iv.occurred_at, iv.id))[1] as camera
                        from isolation_violation iv
                        left join account_directory sa on sa.id = iv.source_owner_account_id
                        left join account_directory ta on ta.id = iv.target_owner_account_id
                        left join device_directory sd on sd.id = iv.source_device_id
                        where iv.incident_id = ?
                        having count(*) > 0""")
                .param(incidentId)
                .query((rs, i) -> new Violations(rs.getTimestamp("first_at").toInstant(),
                        rs.getTimestamp("last_at").toInstant(), rs.getLong("count"), rs.getString("kinds"),
                        rs.getString("exposed"), rs.getString("viewer"), rs.getString("camera")))
                .optional().orElse(null);
    }

    /** The rollout's and the vendor's audited steps from the first mix-up (or the opening) on. */
    private List<Step> steps(Long vendorId, Long rolloutId, Instant since) {
        return jdbc.sql("""
                        select occurred_at, action, actor_name, target_type, after_state::text as after_state
                        from audit_event
                        where occurred_at >= :since
                          and ((target_type = 'rollout' and target_id = cast(:rollout as varchar)
                                and action in ('ROLLOUT_HALTED', 'ROLLOUT_ROLLED_BACK', 'ROLLOUT_PAUSED'))
                            or (target_type = 'vendor' and vendor_id = :vendor
                                and action in ('VENDOR_SUSPENDED', 'VENDOR_RESUME_REQUESTED', 'VENDOR_RESUMED')))
                        order by occurred_at, id""")
                .param("since", Timestamp.from(since.minusSeconds(1)))
                .param("rollout", rolloutId == null ? null : rolloutId.toString())
                .param("vendor", vendorId)
                .query(Step.class).list();
    }

    private TimelineEntry step(Step s, Locale locale) {
        JsonNode after = s.afterState() == null ? null : json.readTree(s.afterState());
        String text = s.action().equals("VENDOR_SUSPENDED") ? suspended(after, locale)
                : Translations.bundled().orElse(locale, "audit.timeline.step." + s.action(), s.action());
        return new TimelineEntry(s.occurredAt(), s.action(), s.actorName(), text);
    }

    private static String suspended(JsonNode after, Locale locale) {
        Translations words = Translations.bundled();
        String scope = after == null ? "ALL" : after.path("scope").toString();
        String what;
        if (scope.contains("ALL") || after == null) {
            what = words.get(locale, "audit.timeline.suspended-all");
        } else {
            List<String> parts = new ArrayList<>();
            after.path("scope").forEach(c -> parts.add(words.get(locale, "audit.timeline.capability." + c.asString())));
            what = words.get(locale, "audit.timeline.suspended-some", String.join(", ", parts));
        }
        String reason = after == null ? "" : after.path("reasonCode").asString("");
        return what + (reason.isEmpty() ? "." : " (" + reason + ").");
    }

    private static String evidence(String kinds, Locale locale) {
        List<String> words = new ArrayList<>();
        for (String k : kinds == null ? new String[0] : kinds.split(",")) {
            words.add(Translations.bundled().orElse(locale, "audit.timeline.evidence." + k, k));
        }
        return String.join("; ", words);
    }

    private static String incidentText(String kind, String note, Locale locale) {
        String head = Translations.bundled().get(locale, "audit.timeline.incident." + switch (kind) {
            case "OPENED", "ACKNOWLEDGED", "RESOLVED" -> kind;
            default -> "NOTE";
        });
        return note == null || note.isBlank() ? head + "." : head + ": " + note;
    }
}
