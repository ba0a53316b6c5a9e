package io.bridgekeeper.secrets;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A start-up stopped by the master keys reads as what it is, not as a bean-creation stack. */
class SealedSecretFailureAnalyzer extends AbstractFailureAnalyzer<SealedSecretException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SealedSecretException cause) {
        return new FailureAnalysis("Secrets sealed at rest: " + cause.getMessage(),
                "Configure the master key ring with BRIDGEKEEPER_MASTER_KEY or BRIDGEKEEPER_MASTER_KEY_FILE: every key "
                        + "that sealed a value in this database must be present, the current one first. "
                        + "See docs/secrets.md.", cause);
    }
}
