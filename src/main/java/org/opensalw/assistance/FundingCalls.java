package org.opensalw.assistance;

import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.opensalw.assistance.internal.Codes;
import org.opensalw.assistance.internal.EligibilityRules;
import org.opensalw.assistance.internal.Geography;
import org.opensalw.assistance.internal.ProgressReports;
import org.opensalw.assistance.internal.ProposalFacts;
import org.opensalw.assistance.internal.ReviewCriteria;
import org.opensalw.assistance.internal.ReviewScoring;
import org.opensalw.assistance.internal.SelectionExplainer;
import org.opensalw.assistance.internal.Selector;
import org.opensalw.identity.AuditTrail;
import org.opensalw.identity.CurrentUser;
import org.opensalw.shared.UserFacingException;
import org.opensalw.shared.Violation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Funding calls of UNSCAR and the Saving Lives Entity (report paras 14, 22-23, 41, 70): proposals checked against
 * the mechanism's eligibility rules (data), reviewed by several reviewers on weighted criteria, and selected to
 * maximise reviewed value within the budget under balance constraints, with the reasons.
 * <p>
 * A call takes proposals and reviews while it is {@link CallStatus#OPEN OPEN}. The selection is run once and moves
 * it to {@link CallStatus#SELECTED SELECTED}: from then on the proposals it funded report on their progress, and
 * nothing can turn them into unfunded ones. A {@link CallStatus#CLOSED CLOSED} call takes nothing.
 */
@Service
@Validated
public class FundingCalls {

    /** The first year a call can be for: the Programme of Action's, as the national reports' form allows. */
    static final int FIRST_YEAR = 2001;
    /** How far ahead a call can be opened. */
    static final int LATEST_YEARS_AHEAD = 5;

    private final JdbcClient jdbc;
    private final EligibilityRules rules;
    private final ReviewCriteria criteria;
    private final Geography geography;
    private final Actors actors;
    private final ProgressReports reports;
    private final CurrentUser currentUser;
    private final AuditTrail audit;
    private final Clock clock;

    FundingCalls(JdbcClient jdbc, EligibilityRules rules, ReviewCriteria criteria, Geography geography, Actors actors,
            ProgressReports reports, CurrentUser currentUser, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.rules = rules;
        this.criteria = criteria;
        this.geography = geography;
        this.actors = actors;
        this.reports = reports;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    @PreAuthorize("hasAnyRole('ADMIN','REGISTRAR')")
    @Transactional
    public CallId open(@Valid NewCall c) {
        // from the Programme of Action (2001) to a few years ahead: -5 and 99999 were taken as years
        int latest = java.time.Year.now(clock).getValue() + LATEST_YEARS_AHEAD;
        if (c.year() < FIRST_YEAR || c.year() > latest) {
            throw UserFacingException.invalid("year", "assistance.call.yearRange", FIRST_YEAR, latest);
        }
        for (String region : c.geographicPriorities() == null ? Set.<String>of() : c.geographicPriorities()) {
            if (!geography.regions().contains(region)) {
                throw UserFacingException.invalid("geographicPriorities", "assistance.region.unknown", region);
            }
        }
        CallId id = CallId.random();
        jdbc.sql("""
                INSERT INTO asst_call (id, mechanism, year, title, budget, thematic_priorities, geographic_priorities, max_region_share,
                  status, created_by, created_at)
                VALUES (:id, :m, :y, :t, :b, :tp, :gp, :share, 'OPEN', :by, :at)
                """).param("id", id.value()).param("m", c.mechanism().name()).param("y", c.year()).param("t", c.title().trim())
                .param("b", c.budget()).param("tp", Codes.join(c.thematicPriorities())).param("gp", Codes.join(c.geographicPriorities()))
                .param("share", c.maxRegionShare()).param("by", currentUser.username()).param("at", Timestamp.from(clock.instant())).update();
        criteria.defaults(c.mechanism()).forEach((code, weight) -> jdbc.sql(
                "INSERT INTO asst_call_criterion (call_id, code, weight) VALUES (:c, :code, :w)")
                .param("c", id.value()).param("code", code).param("w", weight).update());
        audit.recordWrite("assistance.call.open", "ASSISTANCE_CALL", id, c.mechanism() + " " + c.year() + " " + c.budget());
        return id;
    }

    @Transactional(readOnly = true)
    public List<FundingCall> calls() {
        return jdbc.sql("SELECT * FROM asst_call ORDER BY year DESC, created_at DESC").query(this::mapCall).list();
    }

    @Transactional(readOnly = true)
    public FundingCall call(CallId id) {
        return jdbc.sql("SELECT * FROM asst_call WHERE id = :id").param("id", id.value()).query(this::mapCall).optional()
                .orElseThrow(() -> UserFacingException.notFound("call", id));
    }

    /** The applicant's eligibility is checked at once; an ineligible proposal is kept, marked, with its reasons. */
    @PreAuthorize("hasAnyRole('ADMIN','REGISTRAR')")
    @Transactional
    public ProposalId submit(CallId callId, @Valid NewProposal p) {
        FundingCall call = lockedCall(callId, false);
        if (call.status() != CallStatus.OPEN) {
            throw notOpen(call, "assistance.call.proposalsClosed");
        }
        Actor applicant = actors.active(p.applicantId(), "applicantId");
        String country = p.country().trim().toUpperCase();
        geography.require("country", country);
        Set<String> un = new LinkedHashSet<>(Codes.split(String.join("|", p.unEntities() == null ? Set.of() : p.unEntities())));
        List<EligibilityFinding> findings = rules.check(call.mechanism(), facts(applicant, p.amount(), p.durationMonths(),
                p.genderMainstreamed(), un, p.hostConsent(), p.residentCoordinator(), p.genderShare()));
        List<String> failed = findings.stream().filter(f -> !f.passed()).map(f -> f.rule().name()).toList();
        ProposalId id = ProposalId.random();
        jdbc.sql("""
                INSERT INTO asst_proposal (id, call_id, applicant_id, title, country, area, amount, duration_months, gender_mainstreamed,
                  gender_share, un_entities, host_consent, resident_coordinator, status, eligibility, created_by, created_at)
                VALUES (:id, :call, :applicant, :title, :country, :area, :amount, :months, :gm, :gs, :un, :consent, :rc, :status, :elig, :by, :at)
                """).param("id", id.value()).param("call", callId.value()).param("applicant", applicant.id().value())
                .param("title", p.title().trim()).param("country", country).param("area", p.area().name()).param("amount", p.amount())
                .param("months", p.durationMonths()).param("gm", p.genderMainstreamed())
                .param("gs", p.genderShare() == null ? BigDecimal.ZERO : p.genderShare()).param("un", Codes.join(un))
                .param("consent", p.hostConsent()).param("rc", p.residentCoordinator())
                .param("status", failed.isEmpty() ? ProposalStatus.SUBMITTED.name() : ProposalStatus.INELIGIBLE.name())
                .param("elig", String.join("|", failed)).param("by", currentUser.username()).param("at", Timestamp.from(clock.instant())).update();
        audit.recordWrite("assistance.proposal.submit", "ASSISTANCE_PROPOSAL", id, failed.isEmpty() ? "eligible" : "ineligible " + failed);
        return id;
    }

    @Transactional(readOnly = true)
    public List<Proposal> proposals(CallId callId) {
        FundingCall call = call(callId);
        Map<UUID, List<ReviewScoring.Score>> scores = new HashMap<>();
        jdbc.sql("SELECT r.* FROM asst_review r JOIN asst_proposal p ON p.id = r.proposal_id WHERE p.call_id = :c")
                .param("c", callId.value()).query(rs -> {
                    scores.computeIfAbsent(rs.getObject("proposal_id", UUID.class), k -> new ArrayList<>())
                            .add(new ReviewScoring.Score(rs.getString("reviewer"), rs.getString("criterion"), rs.getInt("score")));
                });
        return jdbc.sql("""
                SELECT p.*, a.name AS applicant_name, a.kind AS applicant_kind, a.code AS applicant_code FROM asst_proposal p
                JOIN asst_actor a ON a.id = p.applicant_id WHERE p.call_id = :c ORDER BY p.created_at
                """).param("c", callId.value()).query((rs, n) -> proposal(rs, call, scores)).list();
    }

    public Proposal proposal(CallId callId, ProposalId id) {
        return proposals(callId).stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> UserFacingException.notFound("proposal", id));
    }

    /**
     * One reviewer's scores (0-10) on the call's criteria; a reviewer may revise their own scores. A review scores every
     * criterion of the call: a partial one weighed as a whole (one score of 10 made a proposal worth 100), so it is
     * refused, each criterion left without a score named; a revision may give only the scores it changes.
     */
    @PreAuthorize("hasAnyRole('ADMIN','REGISTRAR')")
    @Transactional
    public void review(CallId callId, ProposalId proposalId, Map<String, Integer> scores) {
        FundingCall call = lockedCall(callId, false);
        if (call.status() != CallStatus.OPEN) {
            throw notOpen(call, "assistance.call.reviewsClosed");
        }
        Proposal p = proposal(callId, proposalId);
        if (p.status() == ProposalStatus.INELIGIBLE) {
            throw UserFacingException.invalid("proposalId", "assistance.review.ineligible");
        }
        for (Map.Entry<String, Integer> e : scores.entrySet()) {
            if (!call.criteria().containsKey(e.getKey())) {
                throw UserFacingException.invalid(e.getKey(), "assistance.review.unknownCriterion", e.getKey());
            }
            if (e.getValue() == null || e.getValue() < 0 || e.getValue() > 10) {
                throw UserFacingException.invalid(e.getKey(), "assistance.review.range", e.getValue());
            }
        }
        requireEveryCriterion(call, proposalId, scores.keySet());
        for (Map.Entry<String, Integer> e : scores.entrySet()) {
            jdbc.sql("""
                    INSERT INTO asst_review (proposal_id, reviewer, criterion, score, created_at) VALUES (:p, :r, :c, :s, :at)
                    ON CONFLICT (proposal_id, reviewer, criterion) DO UPDATE SET score = EXCLUDED.score, created_at = EXCLUDED.created_at
                    """).param("p", proposalId.value()).param("r", currentUser.username()).param("c", e.getKey())
                    .param("s", e.getValue()).param("at", Timestamp.from(clock.instant())).update();
        }
        audit.recordWrite("assistance.proposal.review", "ASSISTANCE_PROPOSAL", proposalId, scores.toString());
    }

    /** Refuses, naming each one as a field, the criteria of the call that neither these scores nor the reviewer's earlier ones score. */
    private void requireEveryCriterion(FundingCall call, ProposalId proposalId, Set<String> given) {
        Set<String> scored = new HashSet<>(given);
        scored.addAll(jdbc.sql("SELECT criterion FROM asst_review WHERE proposal_id = :p AND reviewer = :r")
                .param("p", proposalId.value()).param("r", currentUser.username()).query(String.class).list());
        List<Violation> missing = call.criteria().keySet().stream().filter(c -> !scored.contains(c))
                .map(c -> Violation.of(c, "assistance.review.notScored")).toList();
        if (!missing.isEmpty()) {
            throw new UserFacingException(UserFacingException.Kind.INVALID, missing);
        }
    }

    /**
     * Runs the selection of an open call, records it with its explanation, marks each proposal selected or not and
     * moves the call to SELECTED. It runs once: run again, it could unfund a proposal that already reports on its
     * work. Of two selections at once, the second waits for the first's row lock, then finds the call selected.
     */
    @PreAuthorize("hasAnyRole('ADMIN','REGISTRAR')")
    @Transactional
    public Selection select(CallId callId) {
        FundingCall call = lockedCall(callId, true);
        if (call.status() != CallStatus.OPEN) {
            throw notOpen(call, "assistance.call.selectionDone");
        }
        List<Proposal> proposals = proposals(callId).stream().filter(p -> p.status() != ProposalStatus.WITHDRAWN).toList();
        Selection selection = SelectionExplainer.select(call, proposals);
        for (Selection.Line line : selection.lines()) {
            ProposalStatus status = switch (line.outcome()) {
                case SELECTED -> ProposalStatus.SELECTED;
                case INELIGIBLE -> ProposalStatus.INELIGIBLE;
                default -> ProposalStatus.NOT_SELECTED;
            };
            jdbc.sql("UPDATE asst_proposal SET status = :s, selection_note = :n WHERE id = :id").param("s", status.name())
                    .param("n", line.note().stored()).param("id", line.proposalId().value()).update(); // by key: told in each reader's language
        }
        jdbc.sql("UPDATE asst_call SET status = 'SELECTED' WHERE id = :id").param("id", callId.value()).update(); // locked, and OPEN
        jdbc.sql("""
                INSERT INTO asst_selection (call_id, total_value, total_cost, explanation, created_by, created_at)
                VALUES (:c, :v, :cost, :e, :by, :at)
                """).param("c", callId.value()).param("v", BigDecimal.valueOf(selection.totalValue()).setScale(3, RoundingMode.HALF_UP))
                .param("cost", selection.totalCost()).param("e", SelectionExplainer.text(selection))
                .param("by", currentUser.username()).param("at", Timestamp.from(clock.instant())).update();
        audit.recordWrite("assistance.call.select", "ASSISTANCE_CALL", callId, selection.totalCost() + " / " + call.budget());
        return selection;
    }

    /** Interim and final reports of a selected proposal. */
    @PreAuthorize("hasAnyRole('ADMIN','REGISTRAR')")
    @Transactional
    public void report(CallId callId, ProposalId id, ReportKind kind, String summary, BigDecimal spent) {
        if (proposal(callId, id).status() != ProposalStatus.SELECTED) {
            throw UserFacingException.invalid("proposalId", "assistance.report.notSelected");
        }
        reports.add("PROPOSAL", id.value(), kind, summary, spent);
        audit.recordWrite("assistance.proposal.report", "ASSISTANCE_PROPOSAL", id, kind.name());
    }

    public List<ProgressReport> reports(ProposalId id) {
        return reports.list(id.value());
    }

    /**
     * The call, read after its row is locked until the transaction ends. Proposals and reviews take a shared lock, so
     * that several reviewers work at once; the selection takes the exclusive one, so that it waits for those under
     * way, and those that come after it wait for it and then find the call selected.
     */
    private FundingCall lockedCall(CallId id, boolean exclusive) {
        String lock = exclusive ? "SELECT id FROM asst_call WHERE id = :id FOR UPDATE" : "SELECT id FROM asst_call WHERE id = :id FOR SHARE";
        jdbc.sql(lock).param("id", id.value()).query(UUID.class).optional().orElseThrow(() -> UserFacingException.notFound("call", id));
        return call(id);
    }

    /** Why a call that is no longer open refuses: closed, or past its selection (the message says which step is over). */
    private static UserFacingException notOpen(FundingCall call, String afterSelection) {
        return UserFacingException.invalid("status", call.status() == CallStatus.CLOSED ? "assistance.call.closed" : afterSelection);
    }

    static ProposalFacts facts(Actor applicant, BigDecimal amount, int months, boolean gender, Set<String> un, boolean consent,
            boolean rc, BigDecimal share) {
        Set<String> entities = new LinkedHashSet<>(un);
        if (applicant.kind() == ActorKind.UN_ENTITY && applicant.code() != null) {
            entities.add(applicant.code());
        }
        return new ProposalFacts(applicant.kind(), amount, months, gender, entities, consent, rc, share == null ? BigDecimal.ZERO : share);
    }

    private FundingCall mapCall(ResultSet rs, int n) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        Map<String, Integer> weights = new LinkedHashMap<>();
        jdbc.sql("SELECT code, weight FROM asst_call_criterion WHERE call_id = :c ORDER BY weight DESC, code").param("c", id)
                .query(r -> { weights.put(r.getString("code"), r.getInt("weight")); });
        return new FundingCall(new CallId(id), Mechanism.valueOf(rs.getString("mechanism")), rs.getInt("year"), rs.getString("title"),
                rs.getBigDecimal("budget"), Codes.enums(rs.getString("thematic_priorities"), Area.class),
                Codes.split(rs.getString("geographic_priorities")), rs.getBigDecimal("max_region_share"),
                CallStatus.valueOf(rs.getString("status")), weights);
    }

    private Proposal proposal(ResultSet rs, FundingCall call, Map<UUID, List<ReviewScoring.Score>> scores) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        ActorKind kind = ActorKind.valueOf(rs.getString("applicant_kind"));
        Actor applicant = new Actor(new ActorId(rs.getObject("applicant_id", UUID.class)), kind, rs.getString("applicant_code"), rs.getString("applicant_name"), null, "", "");
        Set<String> un = Codes.split(rs.getString("un_entities"));
        BigDecimal amount = rs.getBigDecimal("amount");
        List<ReviewScoring.Score> own = scores.getOrDefault(id, List.of());
        var value = ReviewScoring.value(own, call.criteria());
        String country = rs.getString("country");
        return new Proposal(new ProposalId(id), call.id(), applicant.id(), applicant.name(), kind, rs.getString("title"), country,
                geography.region(country), Area.valueOf(rs.getString("area")), amount, rs.getInt("duration_months"),
                rs.getBoolean("gender_mainstreamed"), rs.getBigDecimal("gender_share"), un, rs.getBoolean("host_consent"),
                rs.getBoolean("resident_coordinator"), ProposalStatus.valueOf(rs.getString("status")),
                rules.check(call.mechanism(), facts(applicant, amount, rs.getInt("duration_months"), rs.getBoolean("gender_mainstreamed"),
                        un, rs.getBoolean("host_consent"), rs.getBoolean("resident_coordinator"), rs.getBigDecimal("gender_share"))),
                value.isPresent() ? value.getAsDouble() : null, (int) own.stream().map(ReviewScoring.Score::reviewer).distinct().count(),
                rs.getString("selection_note"));
    }
}
