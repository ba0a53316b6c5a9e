package io.bridgekeeper.vendor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.bridgekeeper.base.ui.NotAvailableView;
import io.bridgekeeper.demo.DemoAccounts;
import io.bridgekeeper.support.IntegrationTest;
import io.bridgekeeper.support.TestData;
import io.bridgekeeper.support.TestVendors;
import io.bridgekeeper.vendor.SuspensionReason;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * What each role sees on a vendor's page, without a browser: the view, its services and method
 * security are the real ones, only the browser is missing. Playwright (VendorSuspensionE2E) covers
 * the same page as a person clicks it; these cover every role in milliseconds.
 */
@IntegrationTest
@ViewPackages(classes = {VendorView.class, NotAvailableView.class})
class VendorViewRolesIT extends SpringBrowserlessTest {

    @Autowired
    TestVendors vendors;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    @WithUserDetails(DemoAccounts.ADMIN)
    void an_admin_sees_the_kill_switch_and_who_manages_the_vendor() {
        long id = vendors.create("bl-admin").id();
        navigate(VendorView.class, id);

        assertThat($(Button.class).withId("suspend-vendor").exists()).isTrue();
        assertThat($(Button.class).withId("assign-pm").exists()).as("partner managers panel").isTrue();
        assertThat($(Button.class).withId("policy-save").exists()).isTrue();
    }

    @Test
    @WithUserDetails(DemoAccounts.CAMERA_PARTNER)
    void its_partner_manager_sees_the_vendor_but_none_of_the_admin_actions() {
        long lumacam = new TestData(jdbc).vendorId(DemoAccounts.CAMERA_VENDOR);
        navigate(VendorView.class, lumacam);

        assertThat($(Button.class).withId("suspend-vendor").exists()).isFalse();
        assertThat($(Button.class).withId("resume-vendor").exists()).isFalse();
        assertThat($(Button.class).withId("retire-vendor").exists()).isFalse();
        assertThat($(Button.class).withId("assign-pm").exists()).isFalse();
        assertThat($(Button.class).withId("policy-save").exists()).as("the policy is the admins'").isFalse();
        assertThat($(Button.class).withId("webhook-save").exists()).as("but the webhook is theirs").isTrue();
    }

    @Test
    @WithUserDetails(DemoAccounts.LIGHTS_PARTNER)
    void another_vendors_partner_manager_is_told_the_page_does_not_exist() {
        long lumacam = new TestData(jdbc).vendorId(DemoAccounts.CAMERA_VENDOR);

        // the same page as for a vendor that does not exist: nothing says that it does
        navigate("vendors/" + lumacam, NotAvailableView.class);
        navigate("vendors/99999999", NotAvailableView.class);
    }

    @Test
    @WithUserDetails(DemoAccounts.ADMIN)
    void the_suspend_dialog_arms_only_when_the_reason_is_given_and_the_slug_typed() {
        TestVendors.TestVendor v = vendors.create("bl-arm");
        navigate(VendorView.class, v.id());
        test($(Button.class).withId("suspend-vendor").single()).click();

        Button suspend = $(Button.class).withId("suspend-confirm").single();
        assertThat(suspend.isEnabled()).as("nothing given yet").isFalse();

        @SuppressWarnings("unchecked")
        Select<SuspensionReason> reason = $(Select.class).withId("suspend-reason").single();
        reason.setValue(SuspensionReason.PRIVACY_LEAK);
        test($(TextArea.class).withId("suspend-reason-text").single()).setValue("Strangers' snapshots on displays");
        assertThat(suspend.isEnabled()).as("slug not typed").isFalse();

        TextField confirmation = $(TextField.class).withId("suspend-confirmation").single();
        test(confirmation).setValue(v.slug() + "x");
        assertThat(suspend.isEnabled()).as("a slug that is not this vendor's").isFalse();
        test(confirmation).setValue(v.slug());
        assertThat(suspend.isEnabled()).isTrue();
    }
}
