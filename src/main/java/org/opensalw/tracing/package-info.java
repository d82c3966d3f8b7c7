/**
 * Tracing between states (ITI section V): requests this node sends about recovered weapons and requests it receives,
 * their life from draft to answer with every step recorded, the answer drawn from the local register, and the SDG
 * 16.4.2 indicator. Requests and answers travel as messages of the {@code network} module; states keep their data.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "identity", "reference", "registry",
        "identification", "network"})
package org.opensalw.tracing;
