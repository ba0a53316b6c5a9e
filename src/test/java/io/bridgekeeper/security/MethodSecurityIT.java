package io.bridgekeeper.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bridgekeeper.audit.IncidentService;
import io.bridgekeeper.decision.ServiceCredentialService;
import io.bridgekeeper.decision.SigningSecretService;
import io.bridgekeeper.demo.DemoAccounts;
import io.bridgekeeper.device.DeviceService;
import io.bridgekeeper.device.HouseholdDevice;
import io.bridgekeeper.link.LinkService;
import io.bridgekeeper.rollout.RolloutService;
import io.bridgekeeper.support.IntegrationTest;
import io.bridgekeeper.support.TestData;
import io.bridgekeeper.vendor.VendorService;
import io.bridgekeeper.vendor.VendorSummary;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;

/** Services refuse callers whose role may not call them, and scope what they return to the caller. */
@IntegrationTest
class MethodSecurityIT {

    @Autowired
    VendorService vendors;
    @Autowired
    LinkService links;
    @Autowired
    DeviceService devices;
    @Autowired
    RolloutService rollouts;
    @Autowired
    IncidentService incidents;
    @Autowired
    ServiceCredentialService serviceCredentials;
    @Autowired
    SigningSecretService signingSecrets;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void an_anonymous_caller_is_refused_everywhere() {
        assertThatThrownBy(() -> vendors.countByStatus()).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThatThrownBy(() -> devices.myDevices()).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    @Test
    @WithUserDetails(value = DemoAccounts.HOUSEHOLD, setupBefore = TestExecutionEvent.TEST_METHOD)
    void a_household_may_not_call_admin_or_partner_services() {
        assertThatThrownBy(() -> vendors.countByStatus()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> vendors.myVendors()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> rollouts.countActive()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> incidents.countOpen()).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @WithUserDetails(value = DemoAccounts.CAMERA_PARTNER, setupBefore = TestExecutionEvent.TEST_METHOD)
    void a_partner_manager_sees_only_the_vendors_assigned_to_them() {
        assertThat(vendors.myVendors()).extracting(VendorSummary::slug).containsExactly("lumacam");
        assertThatThrownBy(() -> vendors.countByStatus()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> devices.myDevices()).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @WithUserDetails(value = DemoAccounts.ADMIN, setupBefore = TestExecutionEvent.TEST_METHOD)
    void an_admin_may_not_act_as_a_household_or_a_partner() {
        assertThat(vendors.countByStatus()).isNotEmpty();
        assertThatThrownBy(() -> devices.myDevices()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> links.myLiveLinks()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> vendors.myVendors()).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @WithUserDetails(value = DemoAccounts.CAMERA_PARTNER, setupBefore = TestExecutionEvent.TEST_METHOD)
    void a_partner_manager_may_not_list_create_revoke_or_rotate_decision_api_secrets() {
        assertDecisionApiAdministrationRefused();
    }

    @Test
    @WithUserDetails(value = DemoAccounts.HOUSEHOLD, setupBefore = TestExecutionEvent.TEST_METHOD)
    void a_household_may_not_list_create_revoke_or_rotate_decision_api_secrets() {
        assertDecisionApiAdministrationRefused();
    }

    @Test
    @WithUserDetails(value = DemoAccounts.ADMIN, setupBefore = TestExecutionEvent.TEST_METHOD)
    void an_admin_may_list_service_credentials_and_signing_secrets() {
        long id = liveCredential();
        assertThat(serviceCredentials.list()).anySatisfy(c -> assertThat(c.id()).isEqualTo(id));
        assertThat(signingSecrets.list()).anySatisfy(s -> assertThat(s.status()).isEqualTo(io.bridgekeeper.decision.SigningSecretStatus.ACTIVE));
    }

    /** Every call is refused, and the refused revoke and rotate changed nothing in the database. */
    private void assertDecisionApiAdministrationRefused() {
        long id = liveCredential();
        long credentialsBefore = jdbc.queryForObject("select count(*) from service_credential", Long.class);
        List<Map<String, Object>> secretsBefore = jdbc.queryForList(
                "select kid, status from cache_key_secret order by kid");

        assertThatThrownBy(() -> serviceCredentials.list()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> serviceCredentials.isNameTaken("anything")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> serviceCredentials.create(TestData.unique("refused")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> serviceCredentials.revoke(id)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> signingSecrets.list()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> signingSecrets.rotate()).isInstanceOf(AccessDeniedException.class);

        assertThat(jdbc.queryForObject("select count(*) from service_credential", Long.class)).isEqualTo(credentialsBefore);
        assertThat(jdbc.queryForObject("select revoked_at is null from service_credential where id = ?", Boolean.class, id))
                .as("the credential is still live").isTrue();
        assertThat(jdbc.queryForList("select kid, status from cache_key_secret order by kid")).isEqualTo(secretsBefore);
    }

    /** A live credential of the test's own, written directly (creating one through the service needs an admin). */
    private long liveCredential() {
        String prefix = TestData.unique("ms").replace("-", "");
        return jdbc.queryForObject("""
                insert into service_credential (name, key_prefix, key_hash, created_at)
                values (?, ?, repeat('0', 64), now()) returning id""", Long.class, TestData.unique("method-security"), prefix);
    }

    @Test
    @WithUserDetails(value = DemoAccounts.HOUSEHOLD, setupBefore = TestExecutionEvent.TEST_METHOD)
    void a_household_sees_exactly_its_own_devices_and_links() {
        Long me = jdbc.queryForObject("select id from account where email = ?", Long.class, DemoAccounts.HOUSEHOLD);
        var expected = jdbc.queryForList("select id from device where owner_account_id = ? and state <> 'REMOVED'",
                Long.class, me);

        assertThat(devices.myDevices()).extracting(HouseholdDevice::id).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(expected).isNotEmpty();
        assertThat(links.myLiveLinks()).isNotEmpty().allSatisfy(l -> {
            Long owner = jdbc.queryForObject("select account_id from account_link where id = ?", Long.class, l.linkId());
            assertThat(owner).isEqualTo(me);
        });
    }
}
