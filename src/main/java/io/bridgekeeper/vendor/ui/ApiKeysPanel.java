package io.bridgekeeper.vendor.ui;

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
        Button create = new Button("Create key", VaadinIcon.KEY.create(), e -> createDialog().open());
        create.setId("create-api-key");
        create.addThemeVariants(ButtonVariant.LUMO_SMALL);
        Div head = new Div(new H3("API keys"), create);
        head.addClassName("card-head");

        grid.setId("api-key-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_BORDER);
        grid.setAllRowsVisible(true);
        grid.addColumn(ApiKeySummary::name).setHeader("Name").setFlexGrow(2);
        grid.addColumn(k -> "bk_" + k.prefix() + "_…").setHeader("Key").setAutoWidth(true);
        grid.addColumn(k -> Formats.minute(k.createdAt())).setHeader("Created").setAutoWidth(true);
        grid.addColumn(k -> k.lastUsedAt() == null ? "Never" : Formats.minute(k.lastUsedAt())).setHeader("Last used")
                .setAutoWidth(true);
        grid.addComponentColumn(k -> k.isActive() ? revokeButton(k) : new Badge("Revoked", "contrast"))
                .setHeader("").setAutoWidth(true);
        grid.setEmptyStateText("No key yet. Create one for the vendor's cloud to call the partner API.");
        add(head, grid);
        grid.setItems(current);
    }

    private void refresh() {
        grid.setItems(keys.list(vendorId));
    }

    private Button revokeButton(ApiKeySummary k) {
        Button revoke = new Button("Revoke", e -> {
            ConfirmDialog confirm = new ConfirmDialog("Revoke key " + k.name() + "?",
                    "Requests signed with bk_" + k.prefix() + "_… are refused from now on. This cannot be undone.",
                    "Revoke", c -> {
                        keys.revoke(vendorId, k.id());
                        Notifications.success("Key " + k.name() + " revoked.");
                        refresh();
                    });
            confirm.setCancelable(true);
            confirm.setConfirmButtonTheme("error primary");
            confirm.open();
        });
        revoke.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        return revoke;
    }

    private Dialog createDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Create API key");
        TextField name = new TextField("Name");
        name.setId("api-key-name");
        name.setPlaceholder("e.g. device sync worker");
        name.setWidthFull();
        Button create = new Button("Create", e -> {
            Actions.get(() -> keys.create(vendorId, name.getValue()), null, Map.of("name", name)).ifPresent(key -> {
                dialog.removeAll();
                dialog.getFooter().removeAll();
                SecretShownOnce.guard(dialog);
                dialog.setHeaderTitle("Key " + name.getValue().strip());
                dialog.add(new SecretShownOnce("api-key-secret", "Your new API key", key.secret(),
                        "Copy this key now and store it in your cloud's secret store. You will not see it again: "
                                + "Bridgekeeper keeps only a hash of it. If it is lost, create a new key and revoke "
                                + "this one."),
                        new Paragraph("Send it as 'Authorization: Bearer <key>' to /api/partner/v1."));
                Button done = new Button("I have stored the key", d -> dialog.close());
                done.setId("api-key-done");
                done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                dialog.getFooter().add(done);
                refresh();
            });
        });
        create.setId("api-key-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(name);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), create);
        dialog.setWidth("min(520px, 95vw)");
        return dialog;
    }
}
