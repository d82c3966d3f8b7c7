package org.opensalw.tracing;

/**
 * A state to address a trace to, with why (ITI para 17: the country of manufacture, or of last legal import; or another
 * state in the weapon's chain) and the node that represents it, null when this node knows none for that country.
 */
public record Recipient(String country, String countryName, Reason reason, String nodeId, String nodeName) {

    public enum Reason { MANUFACTURE, LAST_IMPORT, OTHER }

    public boolean reachable() {
        return nodeId != null;
    }
}
