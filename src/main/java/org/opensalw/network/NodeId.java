package org.opensalw.network;

/** A node's stable identifier in the network, e.g. {@code KE-NFP} or {@code HUB-RECSA}. */
public record NodeId(String value) {
    public NodeId {
        if (value == null || !value.matches("[A-Z0-9][A-Z0-9-]{1,39}")) {
            throw new IllegalArgumentException("A node id is 2-40 capital letters, digits or dashes: " + value);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
