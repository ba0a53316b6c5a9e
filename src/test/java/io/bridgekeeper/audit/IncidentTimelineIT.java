package io.bridgekeeper.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.bridgekeeper.decision.DecisionClient;
import io.bridgekeeper.decision.DecisionFixture;
import io.bridgekeeper.decision.DecisionFixture.Household;
import io.bridgekeeper.decision.DecisionFixture.Vendor;
import io.bridgekeeper.demo.DemoAccounts;
import io.bridgekeeper.support.IntegrationTest;
import io.bridgekeeper.support.RunAs;
import io.bridgekeeper.support.SecondNode;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/**
 * An isolation incident's timeline (issue 15): first mix-up, halt, rollback, suspension and its apply on
 * each of two nodes, in order, with offsets from the first mix-up, in plain words; admins only.
 */
@IntegrationTest
class IncidentTimelineIT {

    static ConfigurableApplicationContext node2;

    @Autowired
    DecisionFixture fixture;
    @Autowired
    IncidentTimeline timeline;
    @Autowired
    IncidentPages pages;
    @Autowired
    ExposureReports exposure;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RunAs runAs;
    @LocalServerPort
    int port;

    @BeforeAll
    static void startSecondNode(@Autowired HikariDataSource dataSource) {
        node2 = SecondNode.start(dataSource, "timeline-node-2");
    }

    @AfterAll
    static void stopSecondNode() {
        if (node2 != null) {
            node2.close();
        }
    }

    @Test
    void the_timeline_tells_the_breach_in_order_with_the_apply_on_each_node() throws Exception {
        Vendor vendor = fixture.vendor("timeline");
        Household a = fixture.household(vendor);
        Household b = fixture.household(vendor);
        fixture.runningRollout(vendor);
        long incident;
        try (DecisionClient api = new DecisionClient(port, fixture.credential())) {
            String keyA = api.resolve(vendor.slug(), a.cameraId()).cacheKey();
            assertThat(api.authorize(vendor.slug(), a.cameraId(), b.displayId(), b.accountId(), keyA).reason())
                    .isEqualTo("OWNER_MISMATCH");
            incident = jdbc.queryForObject("select incident_id from isolation_violation where vendor_id = ?",
                    Long.class, vendor.id());
        }
        for (int i = 0; i < 200 && applied(vendor.id()) < 2; i++) {
            Thread.sleep(50);
        }

        List<TimelineEntry> entries = runAs.as(DemoAccounts.ADMIN, () -> timeline.of(incident));
        List<String> kinds = entries.stream().map(TimelineEntry::kind).toList();
        assertThat(kinds).containsSubsequence("FIRST_VIOLATION", "ROLLOUT_HALTED", "ROLLOUT_ROLLED_BACK",
                "VENDOR_SUSPENDED", "APPLIED_ON_NODE");
        assertThat(kinds).contains("INCIDENT_OPENED");
        assertThat(kinds.stream().filter("APPLIED_ON_NODE"::equals)).as("one per node").hasSize(2);
        assertThat(entries).isSortedAccordingTo(java.util.Comparator.comparing(TimelineEntry::at));
        TimelineEntry first = entries.stream().filter(e -> e.kind().equals("FIRST_VIOLATION")).findFirst().orElseThrow();
        assertThat(first.sinceFirstMixUpMillis()).isZero();
        assertThat(first.text()).contains("a signed cache key issued to another household")
                .contains(name(a.accountId())).contains(name(b.accountId()));
        assertThat(entries).filteredOn(e -> e.kind().equals("VENDOR_SUSPENDED")).singleElement()
                .satisfies(e -> assertThat(e.text()).contains("camera streams, snapshots only"));
        assertThat(entries).filteredOn(e -> e.kind().equals("APPLIED_ON_NODE"))
                .allSatisfy(e -> assertThat(e.sinceFirstMixUpMillis()).isNotNull().isNotNegative())
                .anySatisfy(e -> assertThat(e.actor()).isEqualTo("node timeline-node-2"));
        // the same story for a German admin, in German
        List<TimelineEntry> german = runAs.as(DemoAccounts.ADMIN, () -> timeline.of(incident, java.util.Locale.GERMAN));
        assertThat(german).filteredOn(e -> e.kind().equals("FIRST_VIOLATION")).singleElement()
                .satisfies(e -> assertThat(e.text()).startsWith("Erste Verwechslung:").contains(name(a.accountId())));
        assertThat(german).filteredOn(e -> e.kind().equals("VENDOR_SUSPENDED")).singleElement()
                .satisfies(e -> assertThat(e.text()).contains("Nur Kamerastreams, Standbilder gesperrt"));
        assertThat(german).filteredOn(e -> e.kind().equals("APPLIED_ON_NODE"))
                .anySatisfy(e -> assertThat(e.actor()).isEqualTo("Knoten timeline-node-2"));

        // the incident page gets the incident, this timeline and the exposure report in one call
        IncidentPages.IncidentPage page = runAs.as(DemoAccounts.ADMIN, () -> pages.page(incident));
        assertThat(page.incident().id()).isEqualTo(incident);
        assertThat(page.timeline()).map(TimelineEntry::kind).containsSubsequence("FIRST_VIOLATION", "ROLLOUT_HALTED");
        assertThat(page.exposure()).isEqualTo(runAs.as(DemoAccounts.ADMIN, () -> exposure.of(incident)));
        assertThat(page.exposure().violations()).isPositive();
    }

    @Test
    void only_admins_read_a_timeline() {
        for (String person : List.of(DemoAccounts.CAMERA_PARTNER, DemoAccounts.HOUSEHOLD)) {
            assertThatThrownBy(() -> runAs.as(person, () -> timeline.of(1)))
                    .as(person).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> runAs.as(person, () -> pages.page(1)))
                    .as(person).isInstanceOf(AccessDeniedException.class);
        }
    }

    private int applied(long vendorId) {
        return jdbc.queryForObject("""
                select count(distinct a.node_id) from suspension_application a join suspension s on s.id = a.suspension_id
                where s.vendor_id = ? and a.change = 'SUSPENDED'""", Integer.class, vendorId);
    }

    private String name(long accountId) {
        return jdbc.queryForObject("select display_name from account where id = ?", String.class, accountId);
    }
}
