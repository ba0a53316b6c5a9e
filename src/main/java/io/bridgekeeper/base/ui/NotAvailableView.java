package io.bridgekeeper.base.ui;

import static io.bridgekeeper.base.ui.Words.t;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What a person sees for a page that does not exist or that their role may not open. Both say the
 * same thing on purpose: a refused URL must not reveal that the thing behind it exists.
 */
@ParentLayout(MainLayout.class)
@AnonymousAllowed
public class NotAvailableView extends Div implements HasErrorParameter<NotFoundException>, HasDynamicTitle {

    public NotAvailableView() {
        fill(this);
    }

    @Override
    public String getPageTitle() {
        return t("base.not-available.title");
    }

    static void fill(Div page) {
        page.setId("not-available");
        page.addClassName("not-available");
        page.add(new H2(t("base.not-available.title")),
                new Paragraph(t("base.not-available.text")),
                new Anchor("", t("base.not-available.home")));
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
