package io.bridgekeeper.base.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;

/**
 * Each page speaks the browser's language for dates and numbers ({@link Formats}): the UI takes the
 * request's preferred locale (Accept-Language). Without an i18n provider Vaadin would use the server's.
 */
@Component
class BrowserLocale implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> {
            VaadinRequest request = VaadinRequest.getCurrent();
            if (request != null && request.getLocale() != null) {
                init.getUI().setLocale(request.getLocale());
            }
        });
    }
}
