package io.bridgekeeper.decision;

/** The calls of the decision API that a service credential may be allowed to make (batches included). */
public enum DecisionCall {
    RESOLVE, AUTHORIZE
}
