package io.bridgekeeper.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bridgekeeper.base.AuditActor;
import io.bridgekeeper.base.DomainException;
import io.bridgekeeper.demo.DemoAccounts;
import io.bridgekeeper.support.IntegrationTest;
import io.bridgekeeper.support.TestData;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;

@IntegrationTest
class IncidentServiceIT {

    static final AuditActor GUARD = AuditActor.system("rollout guard: isolation violation");

    @Autowired
    IncidentService incidents;
    @Autowired
    ExposureReports exposure;
    @Autowired
    JdbcTemplate jdbc;

    TestData data() {
        return new TestData(jdbc);
    }

    @Test
    @WithUserDetails(value = DemoAccounts.ADMIN, setupBefore = TestExecutionEvent.TEST_METHOD)
    void violations_open_one_incident_whose_exposure_report_counts_households_and_pairs() {
        TestData data = data();
        long vendor = data.vendor("exposure");
        long alice = data.household("Alice's household");
        long bob = data.household("Bob's household");
        long carol = data.household("Carol's household");
        long aliceCamera = data.device(vendor, alice, "CAMERA", "Nursery camera");
        long bobDisplay = data.device(null, bob, "DISPLAY", "Kitchen display");
        long carolDisplay = data.device(null, carol, "DISPLAY", "Hall display");
        Instant t0 = Instant.parse("2026-11-20T10:00:00Z");

        long first = incidents.reportViolation(GUARD, violation(vendor, aliceCamera, bobDisplay, bob, t0));
        long second = incidents.reportViolation(GUARD, violation(vendor, aliceCamera, bobDisplay, bob, t0.plusSeconds(60)));
        long third = incidents.reportViolation(GUARD, violation(vendor, aliceCamera, carolDisplay, carol, t0.plusSeconds(30)));

        assertThat(second).isEqualTo(first);
        assertThat(third).isEqualTo(first);
        IncidentDetail detail = incidents.detail(first);
        assertThat(detail.kind()).isEqualTo(IncidentKind.ISOLATION_VIOLATION);
        assertThat(detail.severity()).isEqualTo(Severity.SEV1);
        assertThat(detail.state()).isEqualTo(IncidentState.OPEN);
        assertThat(detail.timeline()).extracting(IncidentDetail.TimelineEntry::kind).containsExactly("OPENED");

        ExposureReport report = exposure.of(first);
        assertThat(report.violations()).isEqualTo(3);
        assertThat(report.exposedHouseholds()).isEqualTo(1);
        assertThat(report.viewingHouseholds()).isEqualTo(2);
        assertThat(report.householdsAffected()).isEqualTo(3);
        assertThat(report.firstAt()).isEqualTo(t0);
        assertThat(report.lastAt()).isEqualTo(t0.plusSeconds(60));
        assertThat(report.rows()).hasSize(2);
        ExposureReport.Row top = report.rows().getFirst();
        assertThat(top.exposedAccountId()).isEqualTo(alice);
        assertThat(top.viewerAccountId()).isEqualTo(bob);
        assertThat(top.times()).isEqualTo(2);
        assertThat(top.exposedDevices()).contains("Nursery camera");
        assertThat(top.firstAt()).isEqualTo(t0);
        assertThat(top.lastAt()).isEqualTo(t0.plusSeconds(60));

        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        exposure.exportCsv(first, csv);
        String text = csv.toString(StandardCharsets.UTF_8);
        assertThat(text.lines()).hasSize(3);
        assertThat(text.lines().findFirst()).hasValue(String.join(",", ExposureReports.CSV_HEADER));
        assertThat(text).contains(data.email(alice)).contains(data.email(bob)).contains(data.email(carol));

        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'ISOLATION_VIOLATION_RECORDED' "
                + "and vendor_id = ?", Long.class, vendor)).isEqualTo(3);
        assertThat(jdbc.queryForObject("select actor_name from audit_event where action = 'INCIDENT_OPENED' "
                + "and target_id = ?", String.class, String.valueOf(first))).isEqualTo(GUARD.auditActorName());
    }

    @Test
    @WithUserDetails(value = DemoAccounts.ADMIN, setupBefore = TestExecutionEvent.TEST_METHOD)
    void an_admin_acknowledges_and_resolves_with_notes_on_the_timeline_and_each_step_is_audited() {
        long vendor = data().vendor("ack");
        long id = incidents.openByHand(new NewIncident(IncidentKind.MANUAL, Severity.SEV2, "Webhook storms",
                vendor, null, Map.of("seen", "dashboards"), "Partner reports retries piling up."));

        incidents.acknowledge(id, "Looking at it.");
        incidents.addNote(id, "Their endpoint answers 500.");
        assertThatThrownBy(() -> incidents.acknowledge(id, "again"))
                .isInstanceOf(DomainException.class).hasMessageContaining("acknowledged");
        assertThatThrownBy(() -> incidents.resolve(id, " "))
                .isInstanceOf(DomainException.class).hasMessageContaining("how");
        incidents.resolve(id, "Vendor fixed the endpoint.");

        IncidentDetail detail = incidents.detail(id);
        assertThat(detail.state()).isEqualTo(IncidentState.RESOLVED);
        assertThat(detail.acknowledgedBy()).isEqualTo("Ada Lovelace");
        assertThat(detail.resolvedBy()).isEqualTo("Ada Lovelace");
        assertThat(detail.timeline()).extracting(IncidentDetail.TimelineEntry::kind)
                .containsExactly("OPENED", "ACKNOWLEDGED", "NOTE", "RESOLVED");
        assertThat(detail.timeline()).extracting(IncidentDetail.TimelineEntry::note)
                .contains("Vendor fixed the endpoint.");
        assertThat(jdbc.queryForList("select action from audit_event where target_type = 'incident' and target_id = ? "
                + "order by id", String.class, String.valueOf(id))).containsExactly("INCIDENT_OPENED",
                "INCIDENT_ACKNOWLEDGED", "INCIDENT_NOTE_ADDED", "INCIDENT_RESOLVED");
        assertThat(jdbc.queryForObject("select before_state::text || ' -> ' || after_state::text from audit_event "
                + "where action = 'INCIDENT_RESOLVED' and target_id = ?", String.class, String.valueOf(id)))
                .contains("ACKNOWLEDGED").contains("RESOLVED");
        assertThat(incidents.list(null, PageRequest.of(0, 500)).getContent())
                .anySatisfy(s -> assertThat(s.id()).isEqualTo(id));
        assertThat(incidents.list(IncidentState.OPEN, PageRequest.of(0, 500)).getContent())
                .noneSatisfy(s -> assertThat(s.id()).isEqualTo(id));
    }

    @Test
    @WithUserDetails(value = DemoAccounts.CAMERA_PARTNER, setupBefore = TestExecutionEvent.TEST_METHOD)
    void a_partner_manager_may_not_handle_incidents_or_read_exposure_reports() {
        assertThatThrownBy(() -> incidents.acknowledge(1, "x")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> incidents.list(null, PageRequest.of(0, 10))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> exposure.of(1)).isInstanceOf(AccessDeniedException.class);
    }

    static IsolationViolation violation(long vendor, long source, long target, long requester, Instant at) {
        return new IsolationViolation(at, vendor, source, target, requester, "OWNER_MISMATCH", null, null,
                Map.of("cacheKey", "k-" + source + "-" + target));
    }
}
