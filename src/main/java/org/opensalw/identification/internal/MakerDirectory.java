package org.opensalw.identification.internal;

import org.opensalw.shared.TextKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.opensalw.reference.Maker;
import org.opensalw.reference.References;
import org.springframework.stereotype.Component;

/**
 * Maker codes by every name a maker may be read as (name, code, aliases, former names, factory codes), from the
 * reference data; reloaded after a minute so that administrators' edits reach identification without a restart.
 */
@Component
public class MakerDirectory {

    private static final Duration FRESH = Duration.ofMinutes(1);
    private final References references;
    private final Clock clock;
    private volatile Map<String, String> codes = Map.of();
    private volatile Instant loadedAt = Instant.EPOCH;

    MakerDirectory(References references, Clock clock) {
        this.references = references;
        this.clock = clock;
    }

    /** The maker's reference code, or null when no maker is known by that name. */
    public String code(String anyName) {
        if (clock.instant().isAfter(loadedAt.plus(FRESH))) {
            Map<String, String> fresh = new HashMap<>();
            for (Maker m : references.makers()) {
                m.allNames().forEach(n -> fresh.putIfAbsent(TextKey.of(n), m.code()));
            }
            codes = fresh;
            loadedAt = clock.instant();
        }
        return codes.get(TextKey.of(anyName));
    }
}
