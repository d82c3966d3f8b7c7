package org.opensalw.assistance;

import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opensalw.assistance.internal.MatchScorer;
import org.opensalw.assistance.internal.ProgressReports;
import org.opensalw.assistance.internal.Rows;
import org.opensalw.identity.AuditTrail;
import org.opensalw.identity.CurrentUser;
import org.opensalw.shared.Texts;
import org.opensalw.shared.UserFacingException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Matches needs with expertise and resources (report para 44): ranked offers for a request and ranked requests
 * for an offer, each with its reasons; a person confirms a match and it becomes a project.
 */
@Service
@Validated
public class Matching {

    private final JdbcClient jdbc;
    private final Rows rows;
    private final AssistanceManagement management;
    private final Actors actors;
    private final ProgressReports reports;
    private final CurrentUser currentUser;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Matching(JdbcClient jdbc, Rows rows, AssistanceManagement management, Actors actors, ProgressReports reports,
            CurrentUser currentUser, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.management = management;
        this.actors = actors;
        this.reports = reports;
        this.currentUser = currentUser;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public MatchWeights weights() {
        return jdbc.sql("SELECT * FROM asst_match_weights ORDER BY id DESC LIMIT 1")
                .query((rs, n) -> new MatchWeights(rs.getInt("area"), rs.getInt("region"), rs.getInt("language"),
                        rs.getInt("amount"), rs.getInt("timing"), rs.getInt("history")))
                .optional().orElse(MatchWeights.DEFAULT);
    }

    @PreAuthorize("hasAnyRole('ADMIN','REGISTRAR')")
    @Transactional
    public MatchWeights changeWeights(MatchWeights w) {
        jdbc.sql("""
                INSERT INTO asst_match_weights (area, region, language, amount, timing, history, created_by, created_at)
                VALUES (:a, :r, :l, :m, :t, :h, :by, :at)
                """).param("a", w.area()).param("r", w.region()).param("l", w.language()).param("m", w.amount())
                .param("t", w.timing()).param("h", w.history()).param("by", currentUser.username())
                .param("at", Timestamp.from(clock.instant())).update();
        audit.recordWrite("assistance.weights.change", "ASSISTANCE_WEIGHTS", null, w.toString());
        return weights();
    }

    /** Open offers ranked for one request, best first; offers outside its area or region are left out. */
    @Transactional(readOnly = true)
    public List<RankedOffer> rankOffers(RequestId requestId, int limit) {
        AssistanceRequest r = management.request(requestId);
        MatchScorer.Need need = need(r);
        MatchWeights w = weights();
        Map<UUID, Integer> history = historyWith(r.country());
        // the offer's thematic and geographic scope is checked in SQL first, so only candidates are read and scored
        List<Offer> offers = jdbc.sql(Rows.OFFER_SELECT + """
                 WHERE o.status = 'OPEN' AND a.status = 'ACTIVE'
                  AND (o.areas = '' OR ('|' || o.areas || '|') LIKE :area)
                  AND (o.regions = '' OR ('|' || o.regions || '|') LIKE :sub OR ('|' || o.regions || '|') LIKE :region
                       OR ('|' || o.regions || '|') LIKE :country)
                """).param("area", like(r.area().name())).param("sub", like(r.subRegion())).param("region", like(r.region()))
                .param("country", like(r.country())).query(rows.offer()).list();
        return offers.stream()
                .flatMap(o -> MatchScorer.score(need, resource(o), history.getOrDefault(o.providerId().value(), 0), w)
                        .map(s -> new RankedOffer(o, s.score(), s.reasons())).stream())
                .sorted(Comparator.comparingDouble(RankedOffer::score).reversed()).limit(limit).toList();
    }

    /** Open requests ranked for one offer, best first. */
    @Transactional(readOnly = true)
    public List<RankedRequest> rankRequests(OfferId offerId, int limit) {
        Offer o = management.offer(offerId);
        MatchScorer.Resource resource = resource(o);
        MatchWeights w = weights();
        Map<String, Integer> history = new HashMap<>();
        jdbc.sql("""
                SELECT r.country, COUNT(*) AS n FROM asst_project p JOIN asst_request r ON r.id = p.request_id
                JOIN asst_offer o ON o.id = p.offer_id WHERE o.provider_id = :provider GROUP BY r.country
                """).param("provider", o.providerId().value()).query(rs -> { history.put(rs.getString("country"), rs.getInt("n")); });
        List<AssistanceRequest> open = jdbc.sql("SELECT * FROM asst_request WHERE status = 'OPEN'").query(rows.request()).list();
        return open.stream()
                .flatMap(r -> MatchScorer.score(need(r), resource, history.getOrDefault(r.country(), 0), w)
                        .map(s -> new RankedRequest(r, s.score(), s.reasons())).stream())
                .sorted(Comparator.comparingDouble(RankedRequest::score).reversed()).limit(limit).toList();
    }

    @PreAuthorize("hasAnyRole('ADMIN','REGISTRAR')")
    @Transactional
    public ProjectId confirm(@Valid Confirmation c) {
        // both rows locked before what is left of the offer is read: two matches confirmed at once on one offer are
        // checked one after the other, so together they cannot commit more than it holds
        AssistanceRequest r = management.lockedRequest(c.requestId());
        Offer o = management.lockedOffer(c.offerId());
        if (r.status() != RequestStatus.OPEN && r.status() != RequestStatus.MATCHED) {
            throw UserFacingException.invalid("requestId", "assistance.match.requestNotOpen", r.status());
        }
        if (o.status() != OfferStatus.OPEN) {
            throw UserFacingException.invalid("offerId", "assistance.match.offerNotOpen", o.status());
        }
        // an offer left open by a provider withdrawn before its offers were withdrawn with it; share-locked after the
        // offer, in the order a withdrawal takes them
        if (!"ACTIVE".equals(actors.lockedStatus(o.providerId()))) {
            throw UserFacingException.invalid("offerId", "assistance.match.providerWithdrawn", o.providerName());
        }
        checkBudget(o, c.budget());
        double score = MatchScorer.score(need(r), resource(o), historyWith(r.country()).getOrDefault(o.providerId().value(), 0), weights())
                .map(MatchScorer.Scored::score).orElseThrow(() -> UserFacingException.invalid("offerId", "assistance.match.outOfScope"));
        Integer existing = jdbc.sql("SELECT COUNT(*) FROM asst_project WHERE request_id = :r AND offer_id = :o")
                .param("r", r.id().value()).param("o", o.id().value()).query(Integer.class).single();
        if (existing > 0) {
            throw alreadyMatched();
        }
        ProjectId id = ProjectId.random();
        String title = c.title() == null || c.title().isBlank() ? r.area() + " — " + r.beneficiary() : c.title().trim();
        LocalDate start = r.startDate() != null ? r.startDate() : o.availableFrom();
        LocalDate end = r.endDate() != null ? r.endDate() : o.availableTo();
        try {
            jdbc.sql("""
                    INSERT INTO asst_project (id, request_id, offer_id, title, budget, start_date, end_date, match_score, status, created_by, created_at)
                    VALUES (:id, :r, :o, :title, :budget, :start, :end, :score, 'ACTIVE', :by, :at)
                    """).param("id", id.value()).param("r", r.id().value()).param("o", o.id().value()).param("title", title)
                    .param("budget", c.budget()).param("start", start).param("end", end).param("score", BigDecimal.valueOf(score))
                    .param("by", currentUser.username()).param("at", Timestamp.from(clock.instant())).update();
        } catch (DuplicateKeyException e) { // asst_project_pair_idx: the same pair confirmed meanwhile
            throw alreadyMatched();
        }
        int matched = jdbc.sql("UPDATE asst_request SET status = 'MATCHED' WHERE id = :id AND status = :from")
                .param("id", r.id().value()).param("from", r.status().name()).update();
        if (matched != 1) {
            throw AssistanceManagement.changedMeanwhile();
        }
        audit.recordWrite("assistance.match.confirm", "ASSISTANCE_PROJECT", id, "request " + r.id() + " offer " + o.id() + " " + c.budget());
        events.publishEvent(new MatchConfirmed(id, r.id(), o.id(), r.country(), r.area(), c.budget()));
        return id;
    }

    @Transactional(readOnly = true)
    public List<Project> projects(ProjectStatus status) {
        return jdbc.sql(Rows.PROJECT_SELECT + " WHERE (CAST(:s AS TEXT) IS NULL OR p.status = :s) ORDER BY p.created_at DESC")
                .param("s", status == null ? null : status.name()).query(rows.project()).list();
    }

    @Transactional(readOnly = true)
    public ProjectDetails project(ProjectId id) {
        Project p = jdbc.sql(Rows.PROJECT_SELECT + " WHERE p.id = :id").param("id", id.value()).query(rows.project()).optional()
                .orElseThrow(() -> UserFacingException.notFound("project", id));
        List<Milestone> milestones = jdbc.sql("SELECT * FROM asst_milestone WHERE project_id = :id ORDER BY due_date, title")
                .param("id", id.value()).query((rs, n) -> new Milestone(rs.getObject("id", UUID.class), rs.getString("title"),
                        rs.getObject("due_date", LocalDate.class), rs.getString("done_by"),
                        rs.getTimestamp("done_at") == null ? null : rs.getTimestamp("done_at").toInstant())).list();
        return new ProjectDetails(p, milestones, reports.list(id.value()));
    }

    @PreAuthorize("hasAnyRole('ADMIN','REGISTRAR')")
    @Transactional
    public UUID addMilestone(ProjectId project, String title, LocalDate due) {
        // locked: a final report completing the project at the same time is waited for, then seen, or comes after this one
        String status = jdbc.sql("SELECT status FROM asst_project WHERE id = :id FOR UPDATE").param("id", project.value()).query(String.class)
                .optional().orElseThrow(() -> UserFacingException.notFound("project", project));
        if (ProjectStatus.valueOf(status) != ProjectStatus.ACTIVE) { // as reports are, once the final one completed it
            throw UserFacingException.invalid("status", "assistance.milestone.projectDone");
        }
        if (title == null || title.isBlank()) {
            throw UserFacingException.invalid("title", "form.required");
        }
        if (due == null) {
            throw UserFacingException.invalid("dueDate", "form.required");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO asst_milestone (id, project_id, title, due_date, created_by, created_at) VALUES (:id, :p, :t, :d, :by, :at)")
                .param("id", id).param("p", project.value()).param("t", title.trim()).param("d", due)
                .param("by", currentUser.username()).param("at", Timestamp.from(clock.instant())).update();
        audit.recordWrite("assistance.milestone.add", "ASSISTANCE_PROJECT", project, title);
        return id;
    }

    @PreAuthorize("hasAnyRole('ADMIN','REGISTRAR')")
    @Transactional
    public void completeMilestone(ProjectId project, UUID milestone) {
        int n = jdbc.sql("UPDATE asst_milestone SET done_by = :by, done_at = :at WHERE id = :id AND project_id = :p AND done_at IS NULL")
                .param("by", currentUser.username()).param("at", Timestamp.from(clock.instant())).param("id", milestone)
                .param("p", project.value()).update();
        if (n == 0) {
            throw UserFacingException.notFound("milestone", milestone);
        }
        audit.recordWrite("assistance.milestone.done", "ASSISTANCE_PROJECT", project, milestone.toString());
    }

    /** A final report completes the project. */
    @PreAuthorize("hasAnyRole('ADMIN','REGISTRAR')")
    @Transactional
    public void report(ProjectId project, ReportKind kind, String summary, BigDecimal spent) {
        project(project);
        reports.add("PROJECT", project.value(), kind, summary, spent);
        if (kind == ReportKind.FINAL) {
            jdbc.sql("UPDATE asst_project SET status = 'COMPLETED' WHERE id = :id").param("id", project.value()).update();
        }
        audit.recordWrite("assistance.project.report", "ASSISTANCE_PROJECT", project, kind.name());
    }

    /**
     * The budget is what the offer still holds at most. Every funding offer is checked: one made without an amount,
     * before an amount was required, holds nothing that can be counted and is not matched. An in-kind offer without an
     * amount gives expertise, equipment or training; the budget then values it and has no ceiling.
     */
    private static void checkBudget(Offer o, BigDecimal budget) {
        if (o.available() == null && o.kind() == OfferKind.FUNDING) {
            throw UserFacingException.invalid("offerId", "assistance.match.fundingWithoutAmount");
        }
        if (o.available() != null && budget.compareTo(o.available()) > 0) {
            throw UserFacingException.invalid("budget", "assistance.match.overOffer", o.available());
        }
    }

    private static UserFacingException alreadyMatched() {
        return new UserFacingException(UserFacingException.Kind.CONFLICT,
                List.of(org.opensalw.shared.Violation.of("offerId", "assistance.match.already")));
    }

    /** A LIKE pattern matching one code in a '|'-separated list; the code's own wildcards are escaped. */
    private static String like(String code) {
        return "%|" + Texts.likeEscaped(code) + "|%";
    }

    private MatchScorer.Need need(AssistanceRequest r) {
        return new MatchScorer.Need(r.country(), r.region(), r.subRegion(), r.area(), r.estimatedCost(), r.startDate(), r.endDate(), r.languages());
    }

    private static MatchScorer.Resource resource(Offer o) {
        return new MatchScorer.Resource(o.providerId().value(), o.areas(), o.regions(), o.available(), o.availableFrom(),
                o.availableTo(), o.languages());
    }

    /** Earlier support: projects each provider already ran or runs in this state. */
    private Map<UUID, Integer> historyWith(String country) {
        Map<UUID, Integer> out = new HashMap<>();
        jdbc.sql("""
                SELECT o.provider_id, COUNT(*) AS n FROM asst_project p JOIN asst_request r ON r.id = p.request_id
                JOIN asst_offer o ON o.id = p.offer_id WHERE r.country = :c GROUP BY o.provider_id
                """).param("c", country).query(rs -> { out.put(rs.getObject("provider_id", UUID.class), rs.getInt("n")); });
        return out;
    }
}
