package org.opensalw.assistance.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.opensalw.assistance.Area;

/**
 * Finds duplication (report para 54): several projects for the same beneficiary (state and institution) and area
 * whose periods overlap. A missing start or end date counts as open-ended, so it overlaps.
 */
public final class DuplicationDetector {

    public record Engagement(UUID projectId, String country, String beneficiary, Area area, LocalDate start, LocalDate end) {
    }

    private DuplicationDetector() {
    }

    /** Groups of two or more overlapping engagements, each group sorted by start date. */
    public static List<List<Engagement>> find(List<Engagement> engagements) {
        Map<String, List<Engagement>> byKey = new LinkedHashMap<>();
        for (Engagement e : engagements) {
            byKey.computeIfAbsent(key(e), k -> new ArrayList<>()).add(e);
        }
        List<List<Engagement>> groups = new ArrayList<>();
        for (List<Engagement> same : byKey.values()) {
            same.sort(Comparator.comparing(e -> e.start() == null ? LocalDate.MIN : e.start()));
            List<Engagement> cluster = new ArrayList<>();
            LocalDate clusterEnd = null;
            for (Engagement e : same) {
                LocalDate start = e.start() == null ? LocalDate.MIN : e.start();
                LocalDate end = e.end() == null ? LocalDate.MAX : e.end();
                if (!cluster.isEmpty() && !start.isAfter(clusterEnd)) {
                    cluster.add(e);
                    clusterEnd = end.isAfter(clusterEnd) ? end : clusterEnd;
                } else {
                    addIfDuplicated(groups, cluster);
                    cluster = new ArrayList<>(List.of(e));
                    clusterEnd = end;
                }
            }
            addIfDuplicated(groups, cluster);
        }
        return groups;
    }

    private static void addIfDuplicated(List<List<Engagement>> groups, List<Engagement> cluster) {
        if (cluster.size() > 1) {
            groups.add(List.copyOf(cluster));
        }
    }

    /** Same state, same area, same beneficiary ignoring case, spaces and punctuation. */
    private static String key(Engagement e) {
        String who = e.beneficiary() == null ? "" : e.beneficiary().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
        return e.country() + "|" + e.area() + "|" + who;
    }
}
