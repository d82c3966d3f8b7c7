package org.opensalw.reference;

import java.text.Normalizer;
import java.util.Locale;

/** Compares maker names as people write them: case, accents, spaces and punctuation do not matter. */
final class MakerNames {

    private MakerNames() {
    }

    static String key(String name) {
        if (name == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        return decomposed.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }
}
