package org.opensalw.registry;

/** A holder in a list; the name of a person is hidden ({@code null}) from roles that may not see personal data. */
public record HolderSummary(HolderId id, HolderKind kind, String name, String country, String role) {
}
