package io.bridgekeeper.rollout.ui;

import static io.bridgekeeper.base.ui.Words.t;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.bridgekeeper.base.ui.Words;
import io.bridgekeeper.base.DomainException;
import io.bridgekeeper.base.ui.Actions;
import io.bridgekeeper.base.ui.Notifications;
import io.bridgekeeper.rollout.CacheVersion;
import io.bridgekeeper.rollout.CacheVersionService;
import io.bridgekeeper.rollout.NewRollout;
import io.bridgekeeper.rollout.RolloutService;
import io.bridgekeeper.rollout.StagePlan;
import io.bridgekeeper.rollout.VendorChoice;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;

/** Plans a rollout from the vendor's stable version to a newer one; it starts as a draft. */
class NewRolloutDialog extends Dialog {

    private final ComboBox<VendorChoice> vendor = new ComboBox<>(t("rollout.vendor"));
    private final ComboBox<CacheVersion> target = new ComboBox<>(t("rollout.new.target"));
    private final Span from = new Span();
    private final TextField stages = new TextField(t("rollout.new.stages"));
    private final IntegerField bakeMinutes = new IntegerField(t("rollout.new.bake"));
    private final IntegerField minDeliveries = new IntegerField(t("rollout.new.min-deliveries"));
    private final NumberField errorRate = new NumberField(t("rollout.new.error-rate"));
    private final IntegerField noDataMinutes = new IntegerField(t("rollout.new.no-data"));
    private final CacheVersionService versions;

    NewRolloutDialog(List<VendorChoice> vendors, CacheVersionService versions, RolloutService rollouts,
                     LongConsumer created) {
        this.versions = versions;
        setId("new-rollout-dialog");
        setHeaderTitle(t("rollout.new.title"));
        setWidth("min(680px, 96vw)");

        vendor.setId("nr-vendor");
        vendor.setItems(vendors);
        vendor.setItemLabelGenerator(VendorChoice::name);
        vendor.setRequired(true);
        vendor.addValueChangeListener(e -> loadVersions());
        target.setId("nr-target");
        target.setItemLabelGenerator(CacheVersion::label);
        target.setRequired(true);
        from.setId("nr-from");
        from.addClassName("muted");
        stages.setId("nr-stages");
        stages.setValue(StagePlan.TEMPLATE.stream().map(String::valueOf).collect(Collectors.joining(", ")));
        stages.setHelperText(t("rollout.new.stages-help"));
        stages.setValueChangeMode(ValueChangeMode.LAZY);
        stages.addValueChangeListener(e -> checkStages());
        bakeMinutes.setId("nr-bake");
        bakeMinutes.setValue(60);
        bakeMinutes.setMin(0);
        minDeliveries.setId("nr-min-deliveries");
        minDeliveries.setValue(500);
        minDeliveries.setMin(0);
        minDeliveries.setHelperText(t("rollout.new.min-deliveries-help"));
        errorRate.setId("nr-error-rate");
        errorRate.setValue(2.0);
        errorRate.setMin(0);
        errorRate.setMax(100);
        noDataMinutes.setId("nr-no-data");
        noDataMinutes.setValue(15);
        noDataMinutes.setMin(1);

        FormLayout form = new FormLayout(vendor, target, from, stages, bakeMinutes, minDeliveries, errorRate,
                noDataMinutes);
        form.setColspan(from, 2);
        form.setColspan(stages, 2);
        add(form);

        Button save = new Button(t("rollout.new.save"), e -> {
            if (vendor.getValue() == null || target.getValue() == null) {
                Notifications.error(t("rollout.new.choose"));
                return;
            }
            Actions.get(() -> rollouts.create(new NewRollout(vendor.getValue().id(), target.getValue().id(),
                    StagePlan.parse(stages.getValue()), minutes(bakeMinutes) * 60,
                    minDeliveries.getValue() == null ? -1 : minDeliveries.getValue(),
                    errorRate.getValue() == null ? null
                            : BigDecimal.valueOf(errorRate.getValue()).movePointLeft(2),
                    minutes(noDataMinutes) * 60)), null, Map.of("stages", stages)).ifPresent(id -> {
                close();
                created.accept(id);
            });
        });
        save.setId("nr-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(t("base.cancel"), e -> close());
        cancel.setId("nr-cancel");
        getFooter().add(cancel, save);
        if (vendors.size() == 1) {
            vendor.setValue(vendors.getFirst());
        }
    }

    private static int minutes(IntegerField field) {
        return field.getValue() == null ? -1 : field.getValue();
    }

    private void checkStages() {
        try {
            StagePlan.parse(stages.getValue());
            stages.setInvalid(false);
        } catch (DomainException ex) {
            Actions.mark(stages, ex.message(Words.pageLocale()));
        }
    }

    private void loadVersions() {
        target.clear();
        if (vendor.getValue() == null) {
            target.setItems(List.of());
            from.setText("");
            return;
        }
        List<CacheVersion> all = versions.list(vendor.getValue().id());
        target.setItems(all.stream().filter(v -> !v.stable()).toList());
        from.setText(all.stream().filter(CacheVersion::stable).findFirst()
                .map(v -> t("rollout.new.from", v.label()))
                .orElse(t("rollout.new.no-stable")));
    }
}
