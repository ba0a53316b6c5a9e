package io.bridgekeeper.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/**
 * An id in the address that is no number a view can read ({@code /vendors/99999999999999999999}): the
 * same "Page not available" as any missing page, never the framework's exception page with a stack trace.
 */
@ParentLayout(MainLayout.class)
@PageTitle("Page not available")
@AnonymousAllowed
public class MalformedIdView extends Div implements HasErrorParameter<NumberFormatException> {

    public MalformedIdView() {
        NotAvailableView.fill(this);
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NumberFormatException> parameter) {
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
