package org.opensalw.assistance.internal;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.opensalw.assistance.EligibilityFinding;
import org.opensalw.assistance.EligibilityRule;
import org.opensalw.assistance.Mechanism;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The eligibility rules of each funding mechanism, held as data (assistance/eligibility-rules.csv, one rule a
 * line with its parameter and source) and applied by {@link #check}. Adding a mechanism or changing a ceiling
 * is an edit of the file, not of the code.
 */
@Component
public class EligibilityRules {

    /** A rule as listed for a mechanism. */
    public record Listed(Mechanism mechanism, EligibilityRule rule, String parameter, String source) {

        /** The parameter as the rule's message takes it (see {@link EligibilityRule#argument}). */
        public Object argument() {
            return rule.argument(parameter);
        }
    }

    private final Map<Mechanism, List<Listed>> rules;

    public EligibilityRules() {
        this(load("assistance/eligibility-rules.csv"));
    }

    public EligibilityRules(List<Listed> listed) {
        Map<Mechanism, List<Listed>> byMechanism = new EnumMap<>(Mechanism.class);
        for (Mechanism m : Mechanism.values()) {
            byMechanism.put(m, listed.stream().filter(l -> l.mechanism() == m).toList());
        }
        this.rules = byMechanism;
    }

    public List<Listed> rules(Mechanism mechanism) {
        return rules.get(mechanism);
    }

    public List<EligibilityFinding> check(Mechanism mechanism, ProposalFacts p) {
        return rules.get(mechanism).stream()
                .map(l -> new EligibilityFinding(l.rule(), passes(l.rule(), l.parameter(), p), l.parameter(), l.source()))
                .toList();
    }

    /** One rule, one test; the parameter is the rule's value from the data file. */
    public static boolean passes(EligibilityRule rule, String parameter, ProposalFacts p) {
        return switch (rule) {
            // para 41: civil society, international and regional organisations, UN entities
            case APPLICANT_KIND -> Arrays.stream(parameter.split("\\|")).map(String::trim)
                    .anyMatch(k -> k.equals(p.applicantKind().name()));
            case MAX_AMOUNT -> p.amount() != null && p.amount().compareTo(new BigDecimal(parameter)) <= 0;
            case DURATION_MONTHS -> {
                String[] range = parameter.split("-");
                yield p.durationMonths() >= Integer.parseInt(range[0].trim())
                        && p.durationMonths() <= Integer.parseInt(range[range.length - 1].trim());
            }
            // para 70: gender mainstreaming is a condition of UNSCAR funding
            case GENDER_MAINSTREAMING -> p.genderMainstreamed();
            // para 14: at least two UN entities, with the Resident Coordinator and the host government's consent
            case MIN_UN_ENTITIES -> p.unEntities().size() >= Integer.parseInt(parameter.trim());
            case RESIDENT_COORDINATOR -> p.residentCoordinator();
            case HOST_CONSENT -> p.hostConsent();
            // para 70: at least 30% of the budget to gender-transformative activities
            case MIN_GENDER_SHARE -> p.genderShare() != null && p.genderShare().compareTo(new BigDecimal(parameter.trim())) >= 0;
        };
    }

    static List<Listed> load(String path) {
        try (Reader in = new InputStreamReader(new ClassPathResource(path).getInputStream(), StandardCharsets.UTF_8)) {
            List<Listed> out = new ArrayList<>();
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                out.add(new Listed(Mechanism.valueOf(r.get("mechanism")), EligibilityRule.valueOf(r.get("rule")),
                        r.get("parameter"), r.get("source")));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
