package org.opensalw.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * An API token as listed to its owner: never the token itself, which is shown once at creation. {@code expired} says
 * whether its end had passed when it was listed; a revoked or expired token is refused.
 */
public record ApiTokenInfo(UUID id, String name, Instant createdAt, Instant lastUsedAt, Instant expiresAt, boolean expired,
        Instant revokedAt) {
}
