package io.bridgekeeper.audit.ui;

import static io.bridgekeeper.base.ui.Words.t;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import io.bridgekeeper.base.ui.Calendars;
import io.bridgekeeper.audit.AuditFilter;
import io.bridgekeeper.audit.VendorOption;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/** The audit view's filters: each change applies at once. Times are UTC, like the grid. */
class AuditFilterBar extends Div {

    private final TextField actor = new TextField(t("audit.actor"));
    private final ComboBox<String> action = new ComboBox<>(t("audit.action"));
    private final TextField targetType = new TextField(t("audit.filter.target-type"));
    private final TextField targetId = new TextField(t("audit.filter.target-id"));
    private final ComboBox<VendorOption> vendor = new ComboBox<>(t("audit.vendor"));
    private final DateTimePicker from = Calendars.inPageLanguage(new DateTimePicker(t("audit.filter.from")));
    private final DateTimePicker to = Calendars.inPageLanguage(new DateTimePicker(t("audit.filter.until")));

    AuditFilterBar(List<String> actions, List<VendorOption> vendors, Consumer<AuditFilter> onChange) {
        addClassName("audit-filters");
        actor.setId("audit-filter-actor");
        actor.setPlaceholder(t("audit.filter.actor-placeholder"));
        actor.setClearButtonVisible(true);
        action.setId("audit-filter-action");
        action.setItems(actions);
        action.setAllowCustomValue(true);
        action.addCustomValueSetListener(e -> action.setValue(e.getDetail().trim().toUpperCase()));
        action.setClearButtonVisible(true);
        action.setPlaceholder(t("audit.filter.any"));
        targetType.setId("audit-filter-target-type");
        targetType.setPlaceholder(t("audit.filter.target-type-placeholder"));
        targetType.setClearButtonVisible(true);
        targetId.setId("audit-filter-target-id");
        targetId.setClearButtonVisible(true);
        targetId.setWidth("8em");
        vendor.setId("audit-filter-vendor");
        vendor.setItems(vendors);
        vendor.setItemLabelGenerator(VendorOption::name);
        vendor.setClearButtonVisible(true);
        vendor.setPlaceholder(t("audit.filter.any"));
        from.setId("audit-filter-from");
        to.setId("audit-filter-to");

        Button clear = new Button(t("audit.filter.clear"), VaadinIcon.CLOSE_SMALL.create(), e -> {
            actor.clear();
            action.clear();
            targetType.clear();
            targetId.clear();
            vendor.clear();
            from.clear();
            to.clear();
        });
        clear.setId("audit-filter-clear");
        clear.addThemeVariants(ButtonVariant.LUMO_TERTIARY);

        Runnable changed = () -> onChange.accept(filter());
        actor.addValueChangeListener(e -> changed.run());
        action.addValueChangeListener(e -> changed.run());
        targetType.addValueChangeListener(e -> changed.run());
        targetId.addValueChangeListener(e -> changed.run());
        vendor.addValueChangeListener(e -> changed.run());
        from.addValueChangeListener(e -> changed.run());
        to.addValueChangeListener(e -> changed.run());

        add(actor, action, targetType, targetId, vendor, from, to, clear);
    }

    AuditFilter filter() {
        return new AuditFilter(actor.getValue(), action.getValue(), targetType.getValue(), targetId.getValue(),
                vendor.getValue() == null ? null : vendor.getValue().id(), utc(from.getValue()), utc(to.getValue()));
    }

    private static Instant utc(LocalDateTime value) {
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }
}
