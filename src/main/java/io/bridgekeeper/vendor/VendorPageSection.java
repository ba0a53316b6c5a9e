package io.bridgekeeper.vendor;

import com.vaadin.flow.component.Component;

/**
 * A part of a vendor's page that another module contributes (the webhook module's dead letters), so
 * the page shows it without this module depending on that one. The section checks access itself.
 */
public interface VendorPageSection {

    /** The section for the vendor, or null when there is nothing to show. */
    Component render(long vendorId);
}
