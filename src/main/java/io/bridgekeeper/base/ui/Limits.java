package io.bridgekeeper.base.ui;

import static io.bridgekeeper.base.ui.Words.t;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.textfield.TextFieldBase;
import com.vaadin.flow.data.value.ValueChangeMode;

/**
 * How long a text may be, shown as it is typed: "120 / 2000" under the field, and the field marked with
 * a clear error beyond the limit. Nothing typed or pasted is ever cut (the browser's {@code maxlength}
 * cuts a paste silently); the service refuses an over-long text with an error on the same field.
 */
public final class Limits {

    private Limits() {
    }

    public static void count(TextFieldBase<?, String> field, int max) {
        count(field, max, null);
    }

    /** With {@code hint}, the helper text says it before the count. */
    public static void count(TextFieldBase<?, String> field, int max, String hint) {
        field.setManualValidation(true);
        field.setValueChangeMode(ValueChangeMode.EAGER);
        show(field, max, hint);
        field.addValueChangeListener(e -> show(field, max, hint));
    }

    private static void show(TextFieldBase<?, String> field, int max, String hint) {
        int length = field.getValue() == null ? 0 : field.getValue().strip().length();
        field.setHelperText((hint == null ? "" : hint + " · ") + length + " / " + max);
        boolean over = length > max;
        boolean wasOver = Boolean.TRUE.equals(ComponentUtil.getData(field, "limits-over"));
        ComponentUtil.setData(field, "limits-over", over);
        if (over) {
            field.setErrorMessage(t("base.limits.too-long", String.valueOf(max), String.valueOf(length)));
        }
        // clears only its own error: one the service set (a duplicate name) stays until the next save
        if (over || wasOver) {
            field.setInvalid(over);
        }
    }
}
