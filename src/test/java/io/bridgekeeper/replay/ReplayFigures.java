package io.bridgekeeper.replay;

import io.bridgekeeper.replay.GroundTruth.Pair;
import java.time.Duration;
import java.util.Set;

/** What one run of the replay measured, and what Bridgekeeper's exposure report says beside the ground truth. */
record ReplayFigures(boolean checks, int households, long stillsRequested, long servedByDefectiveVersion,
                     long mixedUp, long shown, long shownToWrongHousehold, long refused, long observationsSent,
                     long apiErrors, long retriedAfter503, int lastStagePercent, String rolloutState, Duration firstMixUpToHalt,
                     Duration firstMixUpToSuspension, Duration firstMixUpToAppliedOnEveryNode, int nodesApplied,
                     Set<Pair> attemptedPairs, Set<Pair> shownPairs, Long incidentId, Set<Pair> reportedPairs,
                     long reportedViolations) {

    String print() {
        StringBuilder s = new StringBuilder();
        s.append(String.format("%n== The 2019 incident, replayed: %,d households, Bridgekeeper's checks %s ==%n",
                households, checks ? "ON" : "OFF (shown as-is, as in 2019)"));
        s.append(String.format("stills requested                          %,12d%n", stillsRequested));
        s.append(String.format("  served by the defective cache version   %,12d%n", servedByDefectiveVersion));
        s.append(String.format("stills mixed up by the cache              %,12d%n", mixedUp));
        s.append(String.format("stills shown                              %,12d%n", shown));
        s.append(String.format("stills shown to the wrong household       %,12d%n", shownToWrongHousehold));
        s.append(String.format("stills refused by authorize               %,12d%n", refused));
        s.append(String.format("rollout                                   %12s at %d %%%n", rolloutState, lastStagePercent));
        s.append(String.format("first mix-up -> rollout halted            %12s%n", ms(firstMixUpToHalt)));
        s.append(String.format("first mix-up -> cameras suspended         %12s%n", ms(firstMixUpToSuspension)));
        s.append(String.format("first mix-up -> applied on every node (%d) %12s%n", nodesApplied,
                ms(firstMixUpToAppliedOnEveryNode)));
        s.append(String.format("households whose stills reached another household's display (attempted) %,d%n",
                GroundTruth.households(attemptedPairs, true)));
        s.append(String.format("households whose stills were SHOWN to another household               %,d%n",
                GroundTruth.households(shownPairs, true)));
        s.append(String.format("households that were SHOWN a stranger's still                          %,d%n",
                GroundTruth.households(shownPairs, false)));
        if (checks) {
            s.append(String.format("%-28s %14s %14s%n", "exposure", "ground truth", "report"));
            s.append(String.format("%-28s %,14d %,14d%n", "exposed households", GroundTruth.households(attemptedPairs, true),
                    GroundTruth.households(reportedPairs, true)));
            s.append(String.format("%-28s %,14d %,14d%n", "viewing households", GroundTruth.households(attemptedPairs, false),
                    GroundTruth.households(reportedPairs, false)));
            s.append(String.format("%-28s %,14d %,14d%n", "exposed -> viewer pairs", attemptedPairs.size(),
                    reportedPairs.size()));
            s.append(String.format("pairs identical: %s; incident %s: %,d violations recorded (authorize and "
                    + "observation each record a mix-up); observations sent %,d; API errors %d; calls retried after a 503 %,d%n",
                    attemptedPairs.equals(reportedPairs), incidentId, reportedViolations, observationsSent, apiErrors,
                    retriedAfter503));
        }
        return s.toString();
    }

    private static String ms(Duration d) {
        return d == null ? "never" : d.toMillis() + " ms";
    }
}
