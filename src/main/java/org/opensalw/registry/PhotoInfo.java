package org.opensalw.registry;

import java.time.Instant;
import java.util.UUID;

public record PhotoInfo(UUID id, String caption, String contentType, String sha256, Instant uploadedAt, String uploadedBy) {
}
