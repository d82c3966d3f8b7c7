package org.opensalw.importing;

import java.util.UUID;

/** Published when an import batch reaches the register. */
public record BatchConfirmed(UUID batchId, String fileName, long weapons, long holders) {
}
