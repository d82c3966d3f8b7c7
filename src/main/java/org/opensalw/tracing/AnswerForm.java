package org.opensalw.tracing;

import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * The officer's answer to an incoming request: the outcome, the matched register record (its history, last legal
 * holder and point of diversion are drawn from it), what to add in words, the reason of a restriction and the use the
 * answer may serve. {@code includeHolderName}: the last legal holder's name is personal data, sent only when ticked.
 */
public record AnswerForm(Outcome outcome, UUID weaponId, @Size(max = 4000) String findings,
        @Size(max = 2000) String restrictionReason, @Size(max = 2000) String permittedUse, Boolean originEstablished,
        boolean includeHolderName) {
}
