package io.bridgekeeper.rollout.ui;

import static io.bridgekeeper.base.ui.Words.t;
import io.bridgekeeper.base.ui.Limits;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.bridgekeeper.base.ui.Actions;
import io.bridgekeeper.base.ui.Badge;
import io.bridgekeeper.base.ui.Formats;
import io.bridgekeeper.rollout.CacheVersion;
import io.bridgekeeper.rollout.CacheVersionService;
import io.bridgekeeper.rollout.NewCacheVersion;
import io.bridgekeeper.rollout.VendorChoice;
import java.util.List;
import java.util.Map;

/** A vendor's cache versions, and the form to register another (the first one is the stable one). */
class CacheVersionsDialog extends Dialog {

    private final ComboBox<VendorChoice> vendor = new ComboBox<>(t("rollout.vendor"));
    private final Grid<CacheVersion> grid = new Grid<>();
    private final TextField label = new TextField(t("rollout.versions.label"));
    private final TextField description = new TextField(t("rollout.versions.description"));
    private final TextArea notes = new TextArea(t("rollout.versions.notes"));
    private final CacheVersionService versions;

    CacheVersionsDialog(List<VendorChoice> vendors, CacheVersionService versions) {
        this.versions = versions;
        setId("cache-versions-dialog");
        setHeaderTitle(t("rollout.versions.title"));
        setWidth("min(760px, 96vw)");

        vendor.setId("cv-vendor");
        vendor.setWidthFull();
        vendor.setItems(vendors);
        vendor.setItemLabelGenerator(VendorChoice::name);
        vendor.addValueChangeListener(e -> refresh());

        grid.setId("cv-grid");
        grid.setAllRowsVisible(true);
        grid.addColumn(CacheVersion::label).setHeader(t("rollout.versions.label")).setAutoWidth(true);
        grid.addComponentColumn(v -> v.stable() ? new Badge(t("rollout.versions.stable"), "success") : new Badge(t("rollout.versions.candidate"), "neutral"))
                .setHeader(t("rollout.versions.status")).setAutoWidth(true);
        grid.addColumn(v -> v.description() == null ? "" : v.description()).setHeader(t("rollout.versions.description")).setFlexGrow(2);
        grid.addColumn(v -> Formats.minute(v.createdAt())).setHeader(t("rollout.versions.registered")).setAutoWidth(true);
        grid.setItemDetailsRenderer(new com.vaadin.flow.data.renderer.TextRenderer<>(
                v -> v.releaseNotes() == null ? t("rollout.versions.no-notes") : v.releaseNotes()));
        grid.setEmptyStateText(t("rollout.versions.empty"));

        label.setId("cv-label");
        label.setRequired(true);
        Limits.count(label, 100);
        label.setPlaceholder(t("rollout.versions.label-placeholder"));
        description.setId("cv-description");
        Limits.count(description, 2000);
        notes.setId("cv-notes");
        notes.setMaxHeight("10em");
        FormLayout form = new FormLayout(label, description, notes);
        form.setColspan(notes, 2);
        Button register = new Button(t("rollout.versions.register"), e -> register());
        register.setId("cv-register");
        register.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        H4 newTitle = new H4(t("rollout.versions.register-title"));
        newTitle.addClassName("dialog-section-title");
        add(vendor, grid, newTitle, form);
        Button close = new Button(t("base.close"), e -> close());
        close.setId("cv-close");
        getFooter().add(close, register);
        if (vendors.size() == 1) {
            vendor.setValue(vendors.getFirst());
        }
    }

    private void refresh() {
        grid.setItems(vendor.getValue() == null ? List.of() : versions.list(vendor.getValue().id()));
    }

    private void register() {
        if (vendor.getValue() == null) {
            vendor.setInvalid(true);
            vendor.setErrorMessage(t("rollout.versions.choose-vendor"));
            return;
        }
        if (Actions.run(() -> versions.register(vendor.getValue().id(),
                        new NewCacheVersion(label.getValue(), description.getValue(), notes.getValue())),
                t("rollout.versions.registered-done", label.getValue().trim()),
                Map.of("label", label, "description", description, "releaseNotes", notes))) {
            label.clear();
            description.clear();
            notes.clear();
            refresh();
        }
    }
}
