package org.opensalw.identification;

import java.util.List;

/** The answer to a reading: the serial as understood (cleaned) and the ranked candidates, best first. */
public record Identified(String readSerial, String makerCode, List<Candidate> candidates) {

    public boolean confident() {
        return !candidates.isEmpty() && candidates.get(0).confident();
    }
}
