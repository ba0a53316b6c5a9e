package io.bridgekeeper.vendor.ui;

import static io.bridgekeeper.base.ui.Words.t;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import io.bridgekeeper.base.ui.Actions;
import io.bridgekeeper.base.ui.Cards;
import io.bridgekeeper.base.ui.Notifications;
import io.bridgekeeper.vendor.VendorDetail;
import io.bridgekeeper.vendor.VendorService;
import java.util.Map;

/** Admins assign and remove the partner managers who may manage this vendor. */
class PartnerManagersPanel extends Card {

    PartnerManagersPanel(VendorDetail v, VendorService vendors, Runnable changed) {
        Cards.outline(this);
        addClassName("wide-card");
        setId("partner-managers");
        add(new H3(t("vendor.pm.title")));
        for (VendorDetail.PartnerManagerRef pm : v.partnerManagers()) {
            Span who = new Span(pm.name() + " · " + pm.email());
            Button remove = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> {
                ConfirmDialog confirm = new ConfirmDialog(t("vendor.pm.remove-title", pm.name()),
                        t("vendor.pm.remove-text", pm.name(), v.name()), t("vendor.pm.remove"), c -> {
                            vendors.removePartnerManager(v.id(), pm.accountId());
                            Notifications.success(t("vendor.pm.removed", pm.name()));
                            changed.run();
                        });
                confirm.setCancelable(true);
                confirm.setCancelText(t("base.cancel"));
                confirm.setConfirmButtonTheme("error primary");
                confirm.open();
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ERROR);
            remove.setAriaLabel(t("vendor.pm.remove-aria", pm.name()));
            Div row = new Div(who, remove);
            row.addClassName("pm-row");
            add(row);
        }
        if (v.partnerManagers().isEmpty()) {
            add(new Span(t("vendor.pm.nobody")));
        }
        EmailField email = new EmailField();
        email.setId("assign-pm-email");
        email.setPlaceholder("partner@vendor.example");
        Button assign = new Button(t("vendor.pm.assign"), e -> {
            if (Actions.run(() -> vendors.assignPartnerManager(v.id(), email.getValue()),
                    t("vendor.pm.assigned", email.getValue(), v.name()), Map.of("email", email))) {
                changed.run();
            }
        });
        assign.setId("assign-pm");
        HorizontalLayout line = new HorizontalLayout(email, assign);
        line.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(line);
    }
}
