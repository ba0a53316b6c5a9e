package io.bridgekeeper.audit;

/** SEV1: people's privacy or safety is at stake now; SEV2: an integration is degraded; SEV3: worth a look. */
public enum Severity {
    SEV1, SEV2, SEV3
}
