package org.opensalw.tracing;

import jakarta.validation.constraints.Size;

/** A marking on the weapon as the request reports it: kind (SERIAL, MAKER, IMPORT, PROOF, ...), text, country, year. */
public record TraceMarking(@Size(max = 40) String kind, @Size(max = 300) String text, @Size(max = 2) String country, Integer year) {
}
