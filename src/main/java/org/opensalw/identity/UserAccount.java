package org.opensalw.identity;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** A person (or an API client) who may log in, without the password hash. */
public record UserAccount(UUID id, String username, String displayName, Set<Role> roles, String locale,
        boolean enabled, Instant createdAt, String createdBy) {
}
