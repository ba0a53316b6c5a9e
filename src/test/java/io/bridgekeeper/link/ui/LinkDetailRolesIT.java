package io.bridgekeeper.link.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.bridgekeeper.base.ui.NotAvailableView;
import io.bridgekeeper.demo.DemoAccounts;
import io.bridgekeeper.support.IntegrationTest;
import io.bridgekeeper.support.TestVendors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

/** Who sees the force-unlink of a link, and when its confirmation arms: browserless, real services. */
@IntegrationTest
@ViewPackages(classes = {LinkDetailView.class, NotAvailableView.class})
class LinkDetailRolesIT extends SpringBrowserlessTest {

    @Autowired
    TestVendors vendors;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    @WithUserDetails(DemoAccounts.ADMIN)
    void an_admin_may_force_unlink_a_live_link_once_a_reason_and_the_slug_are_given() {
        TestVendors.TestVendor v = vendors.create("bl-link");
        navigate(LinkDetailView.class, liveLinkOf(v.id()));

        test($(Button.class).withId("force-unlink").single()).click();

        Button confirm = $(Button.class).withId("force-unlink-confirm").single();
        assertThat(confirm.isEnabled()).isFalse();
        test($(TextArea.class).withId("force-unlink-reason").single()).setValue("The household asked support to end it");
        assertThat(confirm.isEnabled()).as("slug not typed").isFalse();
        test($(TextField.class).withId("force-unlink-confirmation").single()).setValue(v.slug());
        assertThat(confirm.isEnabled()).isTrue();
    }

    @Test
    @WithUserDetails(DemoAccounts.CAMERA_PARTNER)
    void the_vendors_partner_manager_sees_the_link_but_cannot_force_it() {
        navigate(LinkDetailView.class, liveLinkOf(lumacam()));

        assertThat($(Button.class).withId("force-unlink").exists()).as("no visible force-unlink").isFalse();
        assertThat($(com.vaadin.flow.component.html.Div.class).withId("link-facts").exists()).isTrue();
    }

    @Test
    @WithUserDetails(DemoAccounts.LIGHTS_PARTNER)
    void another_vendors_partner_manager_gets_the_not_available_page() {
        navigate("links/" + liveLinkOf(lumacam()), NotAvailableView.class);
    }

    private long lumacam() {
        return jdbc.queryForObject("select id from vendor where slug = ?", Long.class, DemoAccounts.CAMERA_VENDOR);
    }

    private long liveLinkOf(long vendorId) {
        return jdbc.queryForObject("select min(id) from account_link where vendor_id = ? and status = 'LIVE'",
                Long.class, vendorId);
    }
}
