package org.opensalw.assistance.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.opensalw.reference.Country;
import org.opensalw.reference.References;
import org.opensalw.shared.UserFacingException;
import org.springframework.stereotype.Component;

/**
 * Countries and their M49 regions, read through the reference module's public face and kept in memory: ranking
 * thousands of offers must not ask the database for a region each time. Countries are shipped reference data.
 */
@Component
public class Geography {

    private final References references;
    private volatile Map<String, Country> byCode;

    Geography(References references) {
        this.references = references;
    }

    public Optional<Country> country(String alpha2) {
        return alpha2 == null ? Optional.empty() : Optional.ofNullable(all().get(alpha2));
    }

    /** The country, or a refusal naming the field. */
    public Country require(String field, String alpha2) {
        return country(alpha2).orElseThrow(() -> UserFacingException.invalid(field, "assistance.country.unknown", alpha2));
    }

    public String region(String alpha2) {
        return country(alpha2).map(Country::region).filter(r -> !r.isBlank()).orElse("?");
    }

    public String subRegion(String alpha2) {
        return country(alpha2).map(Country::subRegion).filter(r -> !r.isBlank()).orElse("?");
    }

    public List<Country> countries() {
        return all().values().stream().sorted(Comparator.comparing(Country::name)).toList();
    }

    /** M49 regions and sub-regions, for offer scopes and call priorities. */
    public List<String> regionsAndSubRegions() {
        return all().values().stream().flatMap(c -> java.util.stream.Stream.of(c.region(), c.subRegion()))
                .filter(r -> r != null && !r.isBlank()).distinct().sorted().toList();
    }

    public List<String> regions() {
        return all().values().stream().map(Country::region).filter(r -> r != null && !r.isBlank()).distinct().sorted().toList();
    }

    private Map<String, Country> all() {
        Map<String, Country> map = byCode;
        if (map == null || map.isEmpty()) {
            map = references.countries().stream().collect(Collectors.toMap(Country::alpha2, Function.identity()));
            byCode = map;
        }
        return map;
    }
}
