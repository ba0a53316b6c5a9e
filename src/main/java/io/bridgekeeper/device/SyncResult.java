package io.bridgekeeper.device;

import java.util.List;

/**
 * What a sync changed, by the vendor's device ids. {@code skipped}: devices a household detached or an
 * admin transferred, or an admin kept with their household against this account's claim; a sync does
 * not take them back. {@code pendingConfirmation}: devices another
 * household owns, listed here under this account: they do not move until this household confirms (or
 * an admin resolves it), and until then decisions for them are denied (OWNERSHIP_CONFLICT).
 */
public record SyncResult(List<String> added, List<String> updated, List<String> moved, List<String> removed,
                         int unchanged, List<String> skipped, List<String> pendingConfirmation) {
}
