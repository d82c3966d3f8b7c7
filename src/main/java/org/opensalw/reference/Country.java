package org.opensalw.reference;

/** A country with its UN M49 geography. */
public record Country(String alpha2, String alpha3, String m49, String name, String region, String subRegion,
        String intermediateRegion) {
}
