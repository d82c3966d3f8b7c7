package org.opensalw.assistance;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.opensalw.assistance.internal.Geography;
import org.opensalw.identity.AuditTrail;
import org.opensalw.identity.CurrentUser;
import org.opensalw.shared.UserFacingException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Baseline assessments by area (assistance/baseline-questionnaire.csv); gaps become draft assistance requests (para 50). */
@Service
public class BaselineAssessments {

    private final JdbcClient jdbc;
    private final Geography geography;
    private final AssistanceManagement management;
    private final MessageSource messages;
    private final CurrentUser currentUser;
    private final AuditTrail audit;
    private final Clock clock;
    private final List<Assessment.Question> questions;

    BaselineAssessments(JdbcClient jdbc, Geography geography, AssistanceManagement management, MessageSource messages,
            CurrentUser currentUser, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.geography = geography;
        this.management = management;
        this.messages = messages;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
        this.questions = load();
    }

    public List<Assessment.Question> questions() {
        return questions;
    }

    @PreAuthorize("hasAnyRole('ADMIN','REGISTRAR')")
    @Transactional
    public AssessmentId start(String country, String title) {
        String code = country == null ? null : country.trim().toUpperCase();
        geography.require("country", code);
        AssessmentId id = AssessmentId.random();
        jdbc.sql("INSERT INTO asst_assessment (id, country, title, status, created_by, created_at) VALUES (:id, :c, :t, 'OPEN', :by, :at)")
                .param("id", id.value()).param("c", code).param("t", title == null || title.isBlank() ? text("assistance.generated.assessmentTitle", code) : title.trim())
                .param("by", currentUser.username()).param("at", Timestamp.from(clock.instant())).update();
        audit.recordWrite("assistance.assessment.start", "ASSISTANCE_ASSESSMENT", id, code);
        return id;
    }

    @PreAuthorize("hasAnyRole('ADMIN','REGISTRAR')")
    @Transactional
    public void answer(AssessmentId id, Map<String, Integer> answers) {
        lockOpen(id); // so that answers cannot change under a scoring that is running, nor land after it
        Set<String> codes = new java.util.HashSet<>(questions.stream().map(Assessment.Question::code).toList());
        for (Map.Entry<String, Integer> a : answers.entrySet()) {
            if (!codes.contains(a.getKey())) {
                throw UserFacingException.invalid(a.getKey(), "assistance.assessment.unknownQuestion", a.getKey());
            }
            if (a.getValue() == null || a.getValue() < 0 || a.getValue() > 3) {
                throw UserFacingException.invalid(a.getKey(), "assistance.assessment.range", a.getValue());
            }
            jdbc.sql("""
                    INSERT INTO asst_assessment_answer (assessment_id, question, score, answered_by, answered_at) VALUES (:a, :q, :s, :by, :at)
                    ON CONFLICT (assessment_id, question) DO UPDATE SET score = EXCLUDED.score, answered_by = EXCLUDED.answered_by,
                      answered_at = EXCLUDED.answered_at
                    """).param("a", id.value()).param("q", a.getKey()).param("s", a.getValue())
                    .param("by", currentUser.username()).param("at", Timestamp.from(clock.instant())).update();
        }
        audit.recordWrite("assistance.assessment.answer", "ASSISTANCE_ASSESSMENT", id, answers.size() + " answers");
    }

    /** Locks the assessment for the rest of the transaction; refused unless it is still open (not yet scored). */
    private void lockOpen(AssessmentId id) {
        String status = jdbc.sql("SELECT status FROM asst_assessment WHERE id = :id FOR UPDATE").param("id", id.value())
                .query(String.class).optional().orElseThrow(() -> UserFacingException.notFound("assessment", id));
        if (!"OPEN".equals(status)) {
            throw UserFacingException.invalid("status", "assistance.assessment.scored");
        }
    }

    /**
     * Closes the assessment; each area found to be a gap becomes a draft request the state can confirm or withdraw.
     * Every question is answered first: scored with none, an assessment found no gap and could no longer be answered.
     */
    @PreAuthorize("hasAnyRole('ADMIN','REGISTRAR')")
    @Transactional
    public List<RequestId> score(AssessmentId id) {
        // a second scoring at once waits for this one's lock, then finds it scored and drafts nothing; an answer given
        // meanwhile waits too, so the answers counted below are those scored
        lockOpen(id);
        Assessment a = assessment(id);
        List<String> unanswered = questions.stream().map(Assessment.Question::code).filter(q -> !a.answers().containsKey(q)).toList();
        if (!unanswered.isEmpty()) { // named by the first, so that the form points at it
            throw UserFacingException.invalid(unanswered.get(0), "assistance.assessment.unanswered", unanswered.size(), questions.size());
        }
        jdbc.sql("UPDATE asst_assessment SET status = 'SCORED' WHERE id = :id").param("id", id.value()).update(); // locked, and OPEN
        List<RequestId> drafts = new ArrayList<>();
        for (Assessment.AreaScore s : a.scores()) {
            if (s.gap()) {
                String gap = text("assistance.generated.gap", text("assistance.area." + s.area()), String.valueOf(s.percent()), a.title());
                drafts.add(management.insertRequest(new NewRequest(a.country(), s.area(), gap, text("assistance.generated.authorities"),
                        BigDecimal.ZERO, null, null, Set.of()),
                        RequestOrigin.BASELINE_ASSESSMENT, RequestStatus.DRAFT, null, id.value()));
            }
        }
        audit.recordWrite("assistance.assessment.score", "ASSISTANCE_ASSESSMENT", id, drafts.size() + " gaps");
        return drafts;
    }

    /**
     * A text the module writes as data (a default title, a drafted request), in the language of the person acting, as
     * what they type; rows already written keep their words.
     */
    private String text(String code, Object... args) {
        return messages.getMessage(code, args, LocaleContextHolder.getLocale());
    }

    @Transactional(readOnly = true)
    public List<Assessment> assessments() {
        return jdbc.sql("SELECT id FROM asst_assessment ORDER BY created_at DESC").query(UUID.class).list().stream()
                .map(u -> assessment(new AssessmentId(u))).toList();
    }

    @Transactional(readOnly = true)
    public Assessment assessment(AssessmentId id) {
        Map<String, Integer> answers = new LinkedHashMap<>();
        jdbc.sql("SELECT question, score FROM asst_assessment_answer WHERE assessment_id = :a").param("a", id.value())
                .query(rs -> { answers.put(rs.getString("question"), rs.getInt("score")); });
        return jdbc.sql("SELECT * FROM asst_assessment WHERE id = :id").param("id", id.value())
                .query((rs, n) -> new Assessment(id, rs.getString("country"), rs.getString("title"), rs.getString("status"),
                        answers, scores(questions, answers)))
                .optional().orElseThrow(() -> UserFacingException.notFound("assessment", id));
    }

    /** Area score: points obtained over points possible on the answered questions (each 0-3), as a percentage. */
    static List<Assessment.AreaScore> scores(List<Assessment.Question> questions, Map<String, Integer> answers) {
        List<Assessment.AreaScore> out = new ArrayList<>();
        for (Area area : Area.values()) {
            List<Assessment.Question> own = questions.stream().filter(q -> q.area() == area).toList();
            if (own.isEmpty()) {
                continue;
            }
            int answered = 0;
            int points = 0;
            for (Assessment.Question q : own) {
                Integer a = answers.get(q.code());
                if (a != null) {
                    answered++;
                    points += a;
                }
            }
            out.add(new Assessment.AreaScore(area, answered, own.size(), answered == 0 ? 0 : Math.round(100f * points / (3 * answered))));
        }
        return out;
    }

    private static List<Assessment.Question> load() {
        try (Reader in = new InputStreamReader(new ClassPathResource("assistance/baseline-questionnaire.csv").getInputStream(), StandardCharsets.UTF_8)) {
            List<Assessment.Question> out = new ArrayList<>();
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                out.add(new Assessment.Question(Area.valueOf(r.get("area")), r.get("code"), r.get("en"), r.get("fr"), r.get("es")));
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
