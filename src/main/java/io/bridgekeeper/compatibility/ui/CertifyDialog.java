package io.bridgekeeper.compatibility.ui;

import static io.bridgekeeper.base.ui.Words.t;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import io.bridgekeeper.base.ui.Actions;
import io.bridgekeeper.compatibility.CompatibilityRow;
import io.bridgekeeper.compatibility.CompatibilityService;
import java.util.List;
import java.util.Map;

/** An admin certifies a model on a surface for one of its vendor's cache versions (lifting a revocation). */
class CertifyDialog extends Dialog {

    CertifyDialog(CompatibilityService compatibility, CompatibilityRow row, String pair, Runnable done) {
        setId("certify-dialog");
        setHeaderTitle(t("compatibility.certify-title", pair));
        setWidth("min(480px, 95vw)");
        ComboBox<String> version = new ComboBox<>(t("compatibility.version"));
        version.setId("certify-version");
        List<String> labels = compatibility.versionLabels(row.vendorId());
        version.setItems(labels);
        version.setWidthFull();
        version.setRequired(true);
        if (!labels.isEmpty()) {
            version.setValue(labels.getFirst());
        }
        add(new Paragraph(row.status() == io.bridgekeeper.compatibility.CertificationStatus.REVOKED
                ? t("compatibility.certify-lifts", pair) : t("compatibility.certify-text", pair)), version);
        Button confirm = new Button(t("compatibility.certify"), e -> {
            if (Actions.run(() -> compatibility.certify(row.modelId(), row.surfaceCode(), version.getValue()),
                    t("compatibility.certified", pair, String.valueOf(version.getValue())), Map.of("version", version))) {
                close();
                done.run();
            }
        });
        confirm.setId("certify-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(t("base.cancel"), e -> close());
        getFooter().add(cancel, confirm);
    }
}
