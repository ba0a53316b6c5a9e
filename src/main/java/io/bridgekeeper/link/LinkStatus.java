package io.bridgekeeper.link;

/** Whether a household's link to a vendor account holds ({@code account_link.status}). */
public enum LinkStatus {
    LIVE("Live", "success"),
    ENDED("Ended", "contrast");

    private final String label;
    private final String tone;

    LinkStatus(String label, String tone) {
        this.label = label;
        this.tone = tone;
    }

    public String label() {
        return label;
    }

    /** The badge tone the portal shows it in. */
    public String tone() {
        return tone;
    }
}
