package org.opensalw.assistance;

import java.util.UUID;

public record ProposalId(UUID value) {

    public ProposalId {
        java.util.Objects.requireNonNull(value, "ProposalId");
    }

    public static ProposalId random() {
        return new ProposalId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
