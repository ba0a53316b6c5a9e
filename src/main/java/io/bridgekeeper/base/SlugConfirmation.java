package io.bridgekeeper.base;

/**
 * Dangerous actions (suspend, halt, force-unlink) are confirmed by typing the vendor's slug. The
 * service checks it, not only the dialog, so a bypassed view cannot skip the confirmation.
 */
public final class SlugConfirmation {

    private SlugConfirmation() {
    }

    public static void require(String typed, String slug) {
        if (typed == null || !typed.trim().equals(slug)) {
            throw DomainException.invalidField("confirmation-mismatch", "confirmation", new Refusal("refusal.base.confirmation-mismatch", String.valueOf(slug)));
        }
    }
}
