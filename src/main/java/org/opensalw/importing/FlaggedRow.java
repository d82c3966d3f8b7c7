package org.opensalw.importing;

import java.util.UUID;

/** A row suspected to duplicate another row of the file or a weapon of the register, for a person to decide. */
public record FlaggedRow(long line, String status, String weaponType, String makerCode, String serial, String nationalMark,
        String reason, UUID matchedWeapon, String reviewedBy) {
}
