package org.opensalw.assistance.internal;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.opensalw.assistance.Mechanism;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/** Default review criteria and weights per mechanism (assistance/review-criteria.csv), copied into each new call. */
@Component
public class ReviewCriteria {

    private final Map<Mechanism, Map<String, Integer>> defaults = new LinkedHashMap<>();

    ReviewCriteria() {
        try (Reader in = new InputStreamReader(new ClassPathResource("assistance/review-criteria.csv").getInputStream(), StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                defaults.computeIfAbsent(Mechanism.valueOf(r.get("mechanism")), m -> new LinkedHashMap<>())
                        .put(r.get("criterion"), Integer.valueOf(r.get("weight")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Map<String, Integer> defaults(Mechanism mechanism) {
        return defaults.getOrDefault(mechanism, Map.of());
    }
}
