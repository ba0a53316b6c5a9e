package io.bridgekeeper.home.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import io.bridgekeeper.base.ui.Formats;
import io.bridgekeeper.link.LinkService;
import io.bridgekeeper.link.LinkableVendor;
import io.bridgekeeper.link.NewLinkCode;

/**
 * "Link a vendor account": pick the vendor, get a one-time code, type it into the vendor's app. The
 * code is shown once; the vendor completes the link, and My home shows it on the next visit.
 */
class LinkVendorDialog extends Dialog {

    LinkVendorDialog(LinkService links) {
        setHeaderTitle("Link a vendor account");
        setId("link-vendor-dialog");
        setWidth("min(480px, 95vw)");

        Select<LinkableVendor> vendor = new Select<>();
        vendor.setId("link-vendor-select");
        vendor.setLabel("Vendor");
        vendor.setItems(links.linkableVendors());
        vendor.setItemLabelGenerator(LinkableVendor::name);
        vendor.setWidthFull();

        Div result = new Div();
        result.addClassName("link-code-result");
        Button create = new Button("Get a link code");
        create.setId("link-code-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setEnabled(false);
        vendor.addValueChangeListener(e -> create.setEnabled(e.getValue() != null));
        create.addClickListener(e -> {
            NewLinkCode code = links.startLink(vendor.getValue().id());
            Span value = new Span(code.code());
            value.setId("link-code");
            value.addClassName("link-code");
            result.removeAll();
            result.add(new Paragraph("Open the " + code.vendorName() + " app and enter this code to link your account:"),
                    value, new Paragraph("It works once and expires at " + Formats.timeOfDay(code.expiresAt())
                            + ". Nobody from Bridgekeeper will ever ask you for it."));
            create.setText("Get a new code");
        });

        add(new Paragraph("Linking lets the vendor's devices appear in your home. You can unlink at any time."),
                vendor, result);
        Button close = new Button("Done", e -> close());
        close.setId("link-vendor-close");
        getFooter().add(close, create);
    }
}
