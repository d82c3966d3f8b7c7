package org.opensalw.tracing.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.opensalw.network.NodeInfo;
import org.opensalw.network.NodeNetwork;
import org.opensalw.network.NodeRole;
import org.opensalw.reference.Country;
import org.opensalw.reference.Maker;
import org.opensalw.reference.References;
import org.opensalw.shared.CountryCode;
import org.opensalw.tracing.Recipient;
import org.opensalw.tracing.TraceMarking;
import org.opensalw.tracing.TraceRequestForm;
import org.springframework.stereotype.Component;

/**
 * Suggests where to send a trace from the markings (ITI para 17; DOMAIN.md: without a hit, trace to the country of
 * manufacture, then of last legal import): the maker's country from reference data or the stated country of
 * manufacture, the country of the latest import mark, then every other national node known (another state in the chain).
 */
@Component
public class Recipients {

    private final References references;
    private final NodeNetwork network;

    Recipients(References references, NodeNetwork network) {
        this.references = references;
        this.network = network;
    }

    public List<Recipient> suggest(TraceRequestForm f) {
        List<Recipient> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        manufactureCountry(f).ifPresent(c -> add(out, seen, c, Recipient.Reason.MANUFACTURE));
        lastImportCountry(f.markings()).ifPresent(c -> add(out, seen, c, Recipient.Reason.LAST_IMPORT));
        network.peers().stream().filter(p -> p.role() == NodeRole.NATIONAL && p.country() != null)
                .filter(p -> !seen.contains(p.country().value()))
                .sorted(Comparator.comparing(NodeInfo::name))
                .forEach(p -> out.add(new Recipient(p.country().value(), countryName(p.country().value()), Recipient.Reason.OTHER,
                        p.id().value(), p.name())));
        return out;
    }

    /** The node's name and country for a node id this node knows, for display. */
    public Optional<NodeInfo> node(String nodeId) {
        try {
            return network.peer(new org.opensalw.network.NodeId(nodeId));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    Optional<String> manufactureCountry(TraceRequestForm f) {
        if (f.maker() != null && !f.maker().isBlank()) {
            Optional<String> byMaker = references.maker(f.maker().trim()).or(() -> references.findMakerByAnyName(f.maker()))
                    .map(Maker::country).filter(c -> c != null && !c.isBlank());
            if (byMaker.isPresent()) {
                return byMaker;
            }
        }
        return Optional.ofNullable(f.countryOfManufacture()).filter(c -> !c.isBlank()).map(String::toUpperCase);
    }

    /** The import mark with the latest year (ITI para 8 b: importing country and year). */
    static Optional<String> lastImportCountry(List<TraceMarking> markings) {
        return markings.stream().filter(m -> "IMPORT".equalsIgnoreCase(m.kind()) && m.country() != null && !m.country().isBlank())
                .max(Comparator.comparing(m -> m.year() == null ? 0 : m.year()))
                .map(m -> m.country().toUpperCase());
    }

    private void add(List<Recipient> out, Set<String> seen, String country, Recipient.Reason reason) {
        if (!seen.add(country)) {
            return;
        }
        Optional<NodeInfo> node;
        try {
            node = network.nationalNodeOf(new CountryCode(country));
        } catch (IllegalArgumentException e) {
            node = Optional.empty();
        }
        out.add(new Recipient(country, countryName(country), reason, node.map(n -> n.id().value()).orElse(null),
                node.map(NodeInfo::name).orElse(null)));
    }

    private String countryName(String code) {
        return references.country(code).map(Country::name).orElse(code);
    }
}
