package io.bridgekeeper.vendor.ui;

import static io.bridgekeeper.base.ui.Words.t;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import io.bridgekeeper.base.ui.Actions;
import io.bridgekeeper.base.ui.SecretShownOnce;
import io.bridgekeeper.base.ui.Badge;
import io.bridgekeeper.base.ui.Cards;
import io.bridgekeeper.base.ui.Formats;
import io.bridgekeeper.base.ui.Notifications;
import io.bridgekeeper.vendor.ApiKeySummary;
import io.bridgekeeper.vendor.VendorApiKeyService;
import java.util.List;
import java.util.Map;

/** The vendor's partner-API keys: created (secret shown once), listed with last use, revoked. */
class ApiKeysPanel extends Card {

    private final long vendorId;
    private final VendorApiKeyService keys;
    private final Grid<ApiKeySummary> grid = new Grid<>();

    ApiKeysPanel(long vendorId, List<ApiKeySummary> current, VendorApiKeyService keys) {
        this.vendorId = vendorId;
        this.keys = keys;
        Cards.outline(this);
        addClassName("wide-card");
        setId("api-keys");
        Button create = new Button(t("vendor.keys.create"), VaadinIcon.KEY.create(), e -> createDialog().open());
        create.setId("create-api-key");
        create.addThemeVariants(ButtonVariant.LUMO_SMALL);
        Div head = new Div(new H3(t("vendor.keys.title")), create);
        head.addClassName("card-head");

        grid.setId("api-key-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_BORDER);
        grid.setAllRowsVisible(true);
        grid.addColumn(ApiKeySummary::name).setHeader(t("vendor.name")).setFlexGrow(2);
        grid.addColumn(k -> "bk_" + k.prefix() + "_…").setHeader(t("vendor.keys.key")).setAutoWidth(true);
        grid.addColumn(k -> Formats.minute(k.createdAt())).setHeader(t("vendor.keys.created")).setAutoWidth(true);
        grid.addColumn(k -> k.lastUsedAt() == null ? t("vendor.keys.never") : Formats.minute(k.lastUsedAt())).setHeader(t("vendor.keys.last-used"))
                .setAutoWidth(true);
        grid.addComponentColumn(k -> k.isActive() ? revokeButton(k) : new Badge(t("vendor.keys.revoked"), "contrast"))
                .setHeader("").setAutoWidth(true);
        grid.setEmptyStateText(t("vendor.keys.empty"));
        add(head, grid);
        grid.setItems(current);
    }

    private void refresh() {
        grid.setItems(keys.list(vendorId));
    }

    private Button revokeButton(ApiKeySummary k) {
        Button revoke = new Button(t("vendor.keys.revoke"), e -> {
            ConfirmDialog confirm = new ConfirmDialog(t("vendor.keys.revoke-title", k.name()),
                    t("vendor.keys.revoke-text", k.prefix()),
                    t("vendor.keys.revoke"), c -> {
                        keys.revoke(vendorId, k.id());
                        Notifications.success(t("vendor.keys.revoked-done", k.name()));
                        refresh();
                    });
            confirm.setCancelable(true);
            confirm.setCancelText(t("base.cancel"));
            confirm.setConfirmButtonTheme("error primary");
            confirm.open();
        });
        revoke.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        return revoke;
    }

    private Dialog createDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(t("vendor.keys.create-title"));
        TextField name = new TextField(t("vendor.name"));
        name.setId("api-key-name");
        name.setPlaceholder(t("vendor.keys.name-placeholder"));
        name.setWidthFull();
        Button create = new Button(t("vendor.keys.create-button"), e -> {
            Actions.get(() -> keys.create(vendorId, name.getValue()), null, Map.of("name", name)).ifPresent(key -> {
                dialog.removeAll();
                dialog.getFooter().removeAll();
                SecretShownOnce.guard(dialog);
                dialog.setHeaderTitle(t("vendor.keys.new-title", name.getValue().strip()));
                dialog.add(new SecretShownOnce("api-key-secret", t("vendor.keys.new"), key.secret(),
                        t("vendor.keys.new-text")),
                        new Paragraph(t("vendor.keys.how")));
                Button done = new Button(t("vendor.keys.stored"), d -> dialog.close());
                done.setId("api-key-done");
                done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                dialog.getFooter().add(done);
                refresh();
            });
        });
        create.setId("api-key-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(name);
        dialog.getFooter().add(new Button(t("base.cancel"), e -> dialog.close()), create);
        dialog.setWidth("min(520px, 95vw)");
        return dialog;
    }
}
