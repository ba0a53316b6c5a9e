package io.bridgekeeper.device;

import java.util.List;

/**
 * What a sync changed, by the vendor's device ids. {@code skipped}: devices a household detached or an
 * admin transferred; a sync does not take them back.
 */
public record SyncResult(List<String> added, List<String> updated, List<String> moved, List<String> removed,
                         int unchanged, List<String> skipped) {
}
