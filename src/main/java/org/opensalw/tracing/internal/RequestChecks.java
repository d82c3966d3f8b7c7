package org.opensalw.tracing.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.opensalw.network.NodeNetwork;
import org.opensalw.reference.References;
import org.opensalw.shared.Violation;
import org.opensalw.tracing.TraceRequestForm;
import org.springframework.stereotype.Component;

/**
 * A request checked in full before it is sent: every rule of {@link RequestRules}, against today's date and what this
 * node knows (the countries of the reference data, its own id and its peers).
 */
@Component
public class RequestChecks {

    private final References references;
    private final NodeNetwork network;
    private final Clock clock;

    RequestChecks(References references, NodeNetwork network, Clock clock) {
        this.references = references;
        this.network = network;
        this.clock = clock;
    }

    /** Every rule the request breaks, all reported at once. */
    public List<Violation> beforeSending(TraceRequestForm form) {
        RequestRules.Known known = new RequestRules.Known(network.self().id().value(), references.countryCodes(),
                node -> network.peer(node).isPresent());
        return RequestRules.check(form, LocalDate.now(clock), known);
    }
}
