package io.bridgekeeper.base.ui;

/**
 * One match of the header's search: what it is ("Vendor", "Link", "Device"), its name, a line that tells
 * it apart, and the page that shows it.
 */
public record SearchHit(String kind, String title, String detail, String path) {
}
