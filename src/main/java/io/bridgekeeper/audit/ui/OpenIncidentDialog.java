package io.bridgekeeper.audit.ui;

import static io.bridgekeeper.base.ui.Words.t;
import io.bridgekeeper.base.ui.Limits;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.bridgekeeper.audit.IncidentKind;
import io.bridgekeeper.audit.IncidentService;
import io.bridgekeeper.audit.NewIncident;
import io.bridgekeeper.audit.Severity;
import io.bridgekeeper.audit.VendorOption;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/** An admin opens an incident by hand: title, severity, optionally the vendor, and a first note. */
class OpenIncidentDialog extends Dialog {

    OpenIncidentDialog(IncidentService incidents, List<VendorOption> vendors, LongConsumer opened) {
        setHeaderTitle(t("audit.open.title"));
        setId("open-incident-dialog");
        setWidth("32rem");

        TextField title = new TextField(t("audit.incidents.title-column"));
        title.setId("open-incident-title");
        title.setRequired(true);
        Limits.count(title, 300);
        Select<Severity> severity = new Select<>();
        severity.setLabel(t("audit.incidents.severity"));
        severity.setId("open-incident-severity");
        severity.setItems(Severity.values());
        severity.setValue(Severity.SEV2);
        ComboBox<VendorOption> vendor = new ComboBox<>(t("audit.open.vendor"));
        vendor.setId("open-incident-vendor");
        vendor.setItems(vendors);
        vendor.setItemLabelGenerator(VendorOption::name);
        vendor.setClearButtonVisible(true);
        TextArea note = new TextArea(t("audit.open.what"));
        note.setId("open-incident-note");
        Limits.count(note, 4000);
        FormLayout form = new FormLayout(title, severity, vendor, note);
        form.setColspan(note, 2);
        form.setColspan(title, 2);
        add(form);

        Button cancel = new Button(t("base.cancel"), e -> close());
        cancel.setId("open-incident-cancel");
        Button save = new Button(t("audit.incidents.open"), e -> {
            if (title.getValue().isBlank()) {
                title.setInvalid(true);
                title.setErrorMessage(t("audit.open.title-required"));
                return;
            }
            long id = incidents.openByHand(new NewIncident(IncidentKind.MANUAL, severity.getValue(), title.getValue(),
                    vendor.getValue() == null ? null : vendor.getValue().id(), null,
                    Map.of("openedFrom", "portal"), note.getValue()));
            close();
            opened.accept(id);
        });
        save.setId("open-incident-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(cancel, save);
    }
}
