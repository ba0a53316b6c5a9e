package io.bridgekeeper.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What a person sees for a page that does not exist or that their role may not open. Both say the
 * same thing on purpose: a refused URL must not reveal that the thing behind it exists.
 */
@ParentLayout(MainLayout.class)
@PageTitle("Page not available")
@AnonymousAllowed
public class NotAvailableView extends Div implements HasErrorParameter<NotFoundException> {

    public NotAvailableView() {
        fill(this);
    }

    static void fill(Div page) {
        page.setId("not-available");
        page.addClassName("not-available");
        page.add(new H2("Page not available"),
                new Paragraph("This page does not exist, or your account may not open it."),
                new Anchor("", "Go to your home page"));
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
