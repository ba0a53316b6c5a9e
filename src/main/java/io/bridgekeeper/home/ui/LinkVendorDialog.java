package io.bridgekeeper.home.ui;

import static io.bridgekeeper.base.ui.Words.t;
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
 * t("home.link.title"): pick the vendor, get a one-time code, type it into the vendor's app. The
 * code is shown once; the vendor completes the link, and My home shows it on the next visit.
 */
class LinkVendorDialog extends Dialog {

    LinkVendorDialog(LinkService links) {
        setHeaderTitle(t("home.link.title"));
        setId("link-vendor-dialog");
        setWidth("min(480px, 95vw)");

        Select<LinkableVendor> vendor = new Select<>();
        vendor.setId("link-vendor-select");
        vendor.setLabel(t("home.link.vendor"));
        vendor.setItems(links.linkableVendors());
        vendor.setItemLabelGenerator(LinkableVendor::name);
        vendor.setWidthFull();

        Div result = new Div();
        result.addClassName("link-code-result");
        Button create = new Button(t("home.link.get-code"));
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
            result.add(new Paragraph(t("home.link.enter-code", code.vendorName())),
                    value, new Paragraph(t("home.link.expires", Formats.timeOfDay(code.expiresAt()))));
            create.setText(t("home.link.new-code"));
        });

        add(new Paragraph(t("home.link.intro")),
                vendor, result);
        Button close = new Button(t("home.link.done"), e -> close());
        close.setId("link-vendor-close");
        getFooter().add(close, create);
    }
}
