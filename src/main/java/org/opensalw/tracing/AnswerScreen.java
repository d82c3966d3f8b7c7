package org.opensalw.tracing;

import java.util.List;
import org.opensalw.identification.Identified;
import org.opensalw.registry.WeaponDetails;

/**
 * What the officer needs to answer an incoming request: the candidates identification found in the local register,
 * the chosen record with its history, and the answer drawn from it, ready for one confirmation.
 */
public record AnswerScreen(TraceRequest request, Identified identified, WeaponDetails weapon, TraceAnswer proposed,
        List<Outcome> outcomes) {
}
