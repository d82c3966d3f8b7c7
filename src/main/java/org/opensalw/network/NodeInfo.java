package org.opensalw.network;

import java.net.URI;
import org.opensalw.shared.CountryCode;

/** A node as this node knows it: itself or a configured peer. {@code country} is null for hubs. */
public record NodeInfo(NodeId id, NodeRole role, CountryCode country, String name, URI endpoint) {
}
