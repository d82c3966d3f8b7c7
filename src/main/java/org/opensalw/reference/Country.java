package org.opensalw.reference;

import java.text.Collator;
import java.util.Comparator;
import java.util.Locale;

/** A country with its UN M49 geography. */
public record Country(String alpha2, String alpha3, String m49, String name, String region, String subRegion,
        String intermediateRegion) {

    /**
     * The country's name in the reader's language. The reference list (UN M49, via ISO 3166) names countries in English
     * only; other languages take the name the JDK's Unicode CLDR data gives the ISO code ("Allemagne", "Côte d’Ivoire"),
     * and the reference name where it has none.
     */
    public String name(Locale locale) {
        if (locale == null || locale.getLanguage().isEmpty() || locale.getLanguage().equals("en") || alpha2 == null) {
            return name;
        }
        String localised = new Locale("", alpha2).getDisplayCountry(locale);
        return localised.isBlank() || localised.equalsIgnoreCase(alpha2) ? name : localised;
    }

    /** In the alphabetical order of the reader's language. */
    public static Comparator<Country> byName(Locale locale) {
        Collator collator = Collator.getInstance(locale);
        return Comparator.comparing(c -> c.name(locale), collator);
    }
}
