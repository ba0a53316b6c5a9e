package io.bridgekeeper.home.ui;

import static io.bridgekeeper.base.ui.Words.t;
import com.vaadin.flow.component.UI;
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
 * t("home.link.title"): pick the vendor, then either get a one-time code to type into the vendor's app
 * (shown once; the vendor completes the link) or, for a vendor that links by OAuth, continue to the
 * vendor's own sign-in page, which sends the household back to My home with the link live.
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
        // a vendor that links by OAuth: the household signs in at the vendor instead of typing a code
        Paragraph oauthIntro = new Paragraph();
        oauthIntro.setId("link-oauth-intro");
        oauthIntro.setVisible(false);
        Button signIn = new Button();
        signIn.setId("link-oauth-continue");
        signIn.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        signIn.setVisible(false);
        signIn.addClickListener(e -> UI.getCurrent().getPage().setLocation(vendor.getValue().oauthStartPath()));
        vendor.addValueChangeListener(e -> {
            LinkableVendor chosen = e.getValue();
            boolean oauth = chosen != null && chosen.oauth();
            create.setEnabled(chosen != null);
            create.setVisible(!oauth);
            signIn.setVisible(oauth);
            oauthIntro.setVisible(oauth);
            result.removeAll();
            if (oauth) {
                signIn.setText(t("home.link.oauth-continue", chosen.name()));
                oauthIntro.setText(t("home.link.oauth-intro", chosen.name()));
            }
        });
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
                vendor, oauthIntro, result);
        Button close = new Button(t("home.link.done"), e -> close());
        close.setId("link-vendor-close");
        getFooter().add(close, create, signIn);
    }
}
