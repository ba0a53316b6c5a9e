package io.bridgekeeper.base.ui;

import com.vaadin.flow.router.NotFoundException;
import io.bridgekeeper.base.DomainException;
import java.util.function.Supplier;

/**
 * How a detail page reads its record. Every detail page is {@code /<things>/<id>} with a
 * {@code HasUrlParameter<Long>} (so an id that is not a number is not found by the router), and asks
 * its service once; the service refuses what does not exist <em>or is not the caller's</em> the same
 * way, so the page answers both with the not-found page and never says which it was.
 */
public final class Pages {

    private Pages() {
    }

    public static <T> T orNotFound(Supplier<T> read) {
        try {
            return read.get();
        } catch (DomainException notThereOrNotYours) {
            throw new NotFoundException();
        }
    }
}
