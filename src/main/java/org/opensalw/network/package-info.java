/**
 * This node in the network of OpenSALW deployments: its identity and signing keys, the peers it trusts, and
 * messages to and from them (signed, encrypted to the recipient, relayed by hubs), delivered through a persistent
 * outbox and received exactly once. Knows nothing of what the messages mean; {@code tracing} does.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "identity"})
package org.opensalw.network;
