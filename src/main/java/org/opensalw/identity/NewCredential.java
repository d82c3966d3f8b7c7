package org.opensalw.identity;

import java.util.UUID;

/** A secret created for someone (a generated password or an API token), shown once and never stored in clear. */
public record NewCredential(UUID id, String username, String secret) {
}
