package io.bridgekeeper.compatibility.ui;

import static io.bridgekeeper.base.ui.Words.t;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import io.bridgekeeper.base.ui.Badge;
import io.bridgekeeper.base.ui.Cards;
import io.bridgekeeper.base.ui.Words;
import io.bridgekeeper.compatibility.CompatibilityRow;
import io.bridgekeeper.compatibility.CompatibilityService;
import io.bridgekeeper.compatibility.DeviceModel;
import io.bridgekeeper.vendor.VendorAccess;
import io.bridgekeeper.vendor.VendorPageSection;
import java.util.List;

/**
 * On a vendor's page (admins and the vendor's partner managers): its device models, what it declared works on which
 * surface, each entry's certification status and what blocks it; registering a model and declaring an entry.
 */
@org.springframework.stereotype.Component
class DeviceModelsSection implements VendorPageSection {

    private final CompatibilityService compatibility;
    private final VendorAccess access;

    DeviceModelsSection(CompatibilityService compatibility, VendorAccess access) {
        this.compatibility = compatibility;
        this.access = access;
    }

    @Override
    public Component render(long vendorId) {
        if (!access.mayManage(vendorId)) {
            return null;
        }
        Card card = Cards.of("models-card");
        card.setId("vendor-models");
        card.setWidthFull();
        Div body = new Div();
        body.setWidthFull();
        Runnable[] refresh = new Runnable[1];
        refresh[0] = () -> fill(body, vendorId, refresh[0]);
        card.add(body);
        fill(body, vendorId, refresh[0]);
        return card;
    }

    private void fill(Div body, long vendorId, Runnable refresh) {
        body.removeAll();
        List<DeviceModel> models = compatibility.models(vendorId);
        List<CompatibilityRow> entries = compatibility.entries(vendorId);
        Button register = new Button(t("compatibility.register-model"), VaadinIcon.PLUS.create(),
                e -> new RegisterModelDialog(compatibility, vendorId, refresh).open());
        register.setId("register-model");
        Button declare = new Button(t("compatibility.declare"), VaadinIcon.CHECK.create(),
                e -> new DeclareDialog(compatibility, vendorId, models, refresh).open());
        declare.setId("declare-compatibility");
        declare.setEnabled(!models.isEmpty());
        declare.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout buttons = new HorizontalLayout(register, declare);
        buttons.addClassName("compat-actions");
        body.add(new H3(t("compatibility.models-title")), new Paragraph(models.isEmpty() ? t("compatibility.no-models")
                : t("compatibility.models-text", String.join(", ", models.stream().map(m -> m.code() + " (" + m.name() + ")")
                .toList()))), buttons);
        if (entries.isEmpty()) {
            return;
        }
        Grid<CompatibilityRow> grid = new Grid<>();
        grid.setId("vendor-models-grid");
        grid.setWidthFull();
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(CompatibilityRow::modelCode).setHeader(t("compatibility.model")).setAutoWidth(true);
        grid.addColumn(r -> Surfaces.name(r.surfaceCode(), r.surfaceName()))
                .setHeader(t("compatibility.surface")).setAutoWidth(true);
        grid.addColumn(r -> Words.label(r.capability())).setHeader(t("compatibility.capability")).setAutoWidth(true);
        grid.addColumn(CompatibilityRow::sinceVersion).setHeader(t("compatibility.since")).setAutoWidth(true);
        grid.addComponentColumn(r -> new Badge(Words.label(r.status()), switch (r.status()) {
            case CERTIFIED -> "success";
            case REVOKED -> "error";
            case DECLARED -> "neutral";
        })).setHeader(t("compatibility.status")).setAutoWidth(true);
        grid.addColumn(DeviceModelsSection::blocker).setHeader(t("compatibility.blocker")).setFlexGrow(3);
        grid.setItems(entries);
        grid.setAllRowsVisible(entries.size() <= 8);
        if (entries.size() > 8) {
            grid.setHeight("22em");
        }
        body.add(grid);
    }

    /** What keeps the entry from working for households now, in plain words. */
    private static String blocker(CompatibilityRow r) {
        return switch (r.status()) {
            case DECLARED -> t("compatibility.awaiting");
            case REVOKED -> t("compatibility.blocked-revoked", r.revokedReason());
            case CERTIFIED -> t("compatibility.certified-for", String.join(", ", r.certifiedVersions()));
        };
    }
}
