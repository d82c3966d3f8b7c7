package org.opensalw.assistance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.opensalw.assistance.internal.DuplicationDetector;
import org.opensalw.assistance.internal.Geography;
import org.opensalw.assistance.internal.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Coordination views (report paras 54-55): unmet needs by area and region, duplication, and the geographic
 * balance of assistance against stated need, so that help reaches the regions most affected.
 */
@Service
public class Coordination {

    /** Open requests of one area in one region. */
    public record UnmetNeed(Area area, String region, long requests, BigDecimal cost) {
    }

    /** Stated need and assistance given in one region, each as a share of the world total (0-1). */
    public record RegionBalance(String region, BigDecimal need, BigDecimal assistance, double needShare, double assistanceShare) {

        /** Assistance share minus need share: negative means the region gets less than its share of need. */
        public double gap() {
            return assistanceShare - needShare;
        }
    }

    public record Duplication(String country, Area area, String beneficiary, List<Project> projects) {
    }

    public record Dashboard(Map<String, Long> requestsByStatus, Map<Area, BigDecimal> unmetByArea, List<RegionBalance> balance,
            List<Duplication> duplications, List<Project> recentProjects, BigDecimal committed, long activeProjects) {
    }

    private final JdbcClient jdbc;
    private final Geography geography;
    private final Matching matching;
    private final AssistanceManagement management;

    Coordination(JdbcClient jdbc, Geography geography, Matching matching, AssistanceManagement management) {
        this.jdbc = jdbc;
        this.geography = geography;
        this.matching = matching;
        this.management = management;
    }

    @Transactional(readOnly = true)
    public List<UnmetNeed> unmetNeeds() {
        Map<String, UnmetNeed> byKey = new TreeMap<>();
        jdbc.sql("SELECT area, country, COUNT(*) AS n, SUM(estimated_cost) AS cost FROM asst_request WHERE status = 'OPEN' GROUP BY area, country")
                .query(rs -> {
                    Area area = Area.valueOf(rs.getString("area"));
                    String region = geography.region(rs.getString("country"));
                    byKey.merge(area + "|" + region, new UnmetNeed(area, region, rs.getLong("n"), rs.getBigDecimal("cost")),
                            (a, b) -> new UnmetNeed(area, region, a.requests() + b.requests(), a.cost().add(b.cost())));
                });
        return List.copyOf(byKey.values());
    }

    @Transactional(readOnly = true)
    public List<RegionBalance> balance() {
        Map<String, BigDecimal> need = new TreeMap<>();
        Map<String, BigDecimal> given = new TreeMap<>();
        jdbc.sql("SELECT country, SUM(estimated_cost) AS s FROM asst_request WHERE status IN ('OPEN','MATCHED','CLOSED') GROUP BY country")
                .query(rs -> { need.merge(geography.region(rs.getString("country")), rs.getBigDecimal("s"), BigDecimal::add); });
        jdbc.sql("""
                SELECT r.country, SUM(p.budget) AS s FROM asst_project p JOIN asst_request r ON r.id = p.request_id
                WHERE p.status <> 'CLOSED' GROUP BY r.country
                """).query(rs -> { given.merge(geography.region(rs.getString("country")), rs.getBigDecimal("s"), BigDecimal::add); });
        BigDecimal totalNeed = need.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal totalGiven = given.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        List<RegionBalance> out = new ArrayList<>();
        for (String region : geography.regions()) {
            BigDecimal n = need.getOrDefault(region, BigDecimal.ZERO);
            BigDecimal g = given.getOrDefault(region, BigDecimal.ZERO);
            out.add(new RegionBalance(region, n, g, share(n, totalNeed), share(g, totalGiven)));
        }
        return out;
    }

    @Transactional(readOnly = true)
    public List<Duplication> duplications() {
        List<Project> projects = matching.projects(null).stream().filter(p -> p.status() != ProjectStatus.CLOSED).toList();
        Map<java.util.UUID, Project> byId = new java.util.HashMap<>();
        projects.forEach(p -> byId.put(p.id().value(), p));
        return DuplicationDetector.find(projects.stream().map(p -> new DuplicationDetector.Engagement(p.id().value(), p.country(),
                        p.beneficiary(), p.area(), p.startDate(), p.endDate())).toList()).stream()
                .map(group -> {
                    DuplicationDetector.Engagement first = group.get(0);
                    return new Duplication(first.country(), first.area(), first.beneficiary(),
                            group.stream().map(e -> byId.get(e.projectId())).toList());
                }).toList();
    }

    @Transactional(readOnly = true)
    public Dashboard dashboard() {
        Map<Area, BigDecimal> unmetByArea = new java.util.EnumMap<>(Area.class);
        for (UnmetNeed u : unmetNeeds()) {
            unmetByArea.merge(u.area(), u.cost(), BigDecimal::add);
        }
        List<Project> projects = matching.projects(null);
        BigDecimal committed = projects.stream().filter(p -> p.status() != ProjectStatus.CLOSED).map(Project::budget)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        long active = projects.stream().filter(p -> p.status() == ProjectStatus.ACTIVE).count();
        return new Dashboard(management.requestCounts(), unmetByArea, balance(), duplications(),
                projects.stream().limit(10).toList(), committed, active);
    }

    private static double share(BigDecimal part, BigDecimal total) {
        return total.signum() == 0 ? 0 : part.divide(total, 4, RoundingMode.HALF_UP).doubleValue();
    }
}
