package io.bridgekeeper.base.ui;

import static io.bridgekeeper.base.ui.Words.t;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import io.bridgekeeper.base.DomainException;
import org.springframework.stereotype.Component;

/**
 * An exception that escapes a click handler becomes a short notification, never a stack trace:
 * a refused service call says so; anything else gets a reference that is in the log.
 */
@Component
class ViewErrorHandling implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(ViewErrorHandling.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(error -> {
            Throwable cause = rootOf(error.getThrowable());
            String message;
            if (cause instanceof AccessDeniedException) {
                message = t("base.error.not-allowed");
                log.info("Refused in the portal: {}", cause.getMessage());
            } else if (cause instanceof DomainException domain) {
                message = domain.message(Words.pageLocale());
            } else {
                String reference = UUID.randomUUID().toString().substring(0, 8);
                message = t("base.error.unexpected", reference);
                log.error("Unexpected error in the portal, reference {}", reference, error.getThrowable());
            }
            UI ui = UI.getCurrent();
            if (ui != null) {
                Notification n = Notification.show(message, 6000, Notification.Position.TOP_CENTER);
                n.addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        }));
    }

    private static Throwable rootOf(Throwable t) {
        Throwable current = t;
        while (current.getCause() != null && current.getCause() != current
                && !(current instanceof AccessDeniedException) && !(current instanceof DomainException)) {
            current = current.getCause();
        }
        return current;
    }
}
