package io.bridgekeeper.base.ui;

import static io.bridgekeeper.base.ui.Words.t;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;

/** "Type acme-cams to confirm": arms a dangerous action only when the vendor's slug is typed exactly. */
public class SlugConfirmationField extends TextField {

    private final String slug;

    public SlugConfirmationField(String id, String slug) {
        super(t("base.slug-confirmation.label", slug));
        this.slug = slug;
        setId(id);
        setWidthFull();
        setValueChangeMode(ValueChangeMode.EAGER);
    }

    public boolean matches() {
        return slug.equals(getValue().trim());
    }
}
