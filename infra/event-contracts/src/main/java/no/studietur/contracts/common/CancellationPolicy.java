package no.studietur.contracts.common;

import java.util.List;

/** Ordered fee tiers, and whether a colleague may take a participant's place instead. */
public record CancellationPolicy(List<CancellationTier> tiers, boolean substitutionAllowed) {

    public CancellationPolicy {
        tiers = tiers == null ? List.of() : List.copyOf(tiers);
    }
}
