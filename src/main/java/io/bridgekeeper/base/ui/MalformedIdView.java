package io.bridgekeeper.base.ui;

import static io.bridgekeeper.base.ui.Words.t;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/**
 * An id in the address that is no number a view can read ({@code /vendors/99999999999999999999}): the
 * same "Page not available" as any missing page, never the framework's exception page with a stack trace.
 */
@ParentLayout(MainLayout.class)
@AnonymousAllowed
public class MalformedIdView extends Div implements HasErrorParameter<NumberFormatException>, HasDynamicTitle {

    public MalformedIdView() {
        NotAvailableView.fill(this);
    }

    @Override
    public String getPageTitle() {
        return t("base.not-available.title");
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NumberFormatException> parameter) {
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
