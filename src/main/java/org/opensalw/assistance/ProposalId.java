package org.opensalw.assistance;

import java.util.UUID;

public record ProposalId(@com.fasterxml.jackson.annotation.JsonValue UUID value) {

    @com.fasterxml.jackson.annotation.JsonCreator
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
