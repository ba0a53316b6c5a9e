package io.bridgekeeper.base.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;

/**
 * Each page speaks the browser's language, in its words ({@link PortalI18N}: German or English) and its
 * dates and numbers ({@link Formats}): the UI takes the request's preferred locale (Accept-Language),
 * region included (en-GB writes "4 Dec 2026", en-US "Dec 4, 2026"). The document says which language
 * its words are in ({@code <html lang>}), for screen readers and the browser's own translation offer.
 */
@Component
class BrowserLocale implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> {
            VaadinRequest request = VaadinRequest.getCurrent();
            if (request != null && request.getLocale() != null) {
                init.getUI().setLocale(request.getLocale());
                boolean german = request.getLocale().getLanguage().equals("de");
                init.getUI().getPage().executeJs("document.documentElement.lang = $0", german ? "de" : "en");
            }
        });
    }
}
