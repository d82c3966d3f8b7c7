package org.opensalw.identification;

import java.util.List;
import org.opensalw.reference.WeaponType;
import org.opensalw.registry.WeaponId;
import org.opensalw.registry.WeaponStatus;

/**
 * A registered weapon that may be the one read, with its score (0-100) and what differs from the reading: per
 * character of its serial ({@code serialMarks}, aligned with {@code serial}) and by attribute ({@code differs}: maker,
 * model, calibre, type, country, year). {@code confident} when the score reaches {@link #CONFIDENT}.
 */
public record Candidate(WeaponId weaponId, int score, boolean confident, String serial, List<SerialDifference> serialMarks,
        String makerCode, String model, String calibre, WeaponType type, String country, Integer year, WeaponStatus status,
        List<String> differs) {

    /**
     * A score from which the top candidate is presented as the weapon: the serial agrees but for look-alikes,
     * separators or one unknown position, and no attribute contradicts (one edit more and the score stays below);
     * and it leads the next candidate by 12 points at least (else the reading is ambiguous).
     */
    public static final int CONFIDENT = 85;
}
