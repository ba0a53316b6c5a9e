package io.bridgekeeper.compatibility.ui;

import io.bridgekeeper.base.ui.Words;

/** The platform's surfaces as the portal names them. */
final class Surfaces {

    private Surfaces() {
    }

    /** A surface's name in the page's language (the platform's own name when the bundles have none). */
    static String name(String code, String name) {
        return Words.tOr("compatibility.surface." + code, name);
    }
}
