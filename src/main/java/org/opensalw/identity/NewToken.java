package org.opensalw.identity;

import java.time.Instant;
import java.util.UUID;

/** An API token just created: the token itself is in {@code secret}, shown this once; only its hash is kept. */
public record NewToken(UUID id, String username, String name, String secret, Instant expiresAt) {
}
