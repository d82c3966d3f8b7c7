package org.opensalw.tracing.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opensalw.reference.WeaponType;
import org.opensalw.registry.EventKind;
import org.opensalw.tracing.Direction;
import org.opensalw.tracing.TraceAnswer;
import org.opensalw.tracing.TraceId;
import org.opensalw.tracing.TraceMarking;
import org.opensalw.tracing.TraceRequest;
import org.opensalw.tracing.TraceRequestForm;
import org.opensalw.tracing.TraceState;
import org.opensalw.tracing.TraceStep;
import org.opensalw.tracing.TraceStepKind;
import org.opensalw.tracing.TraceSummary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;

/** The tables of tracing: requests (current state), their photos, their steps (append-only) and seen message ids. */
@Repository
public class TraceStore {

    private final JdbcClient jdbc;
    private final Payloads json;
    private final Clock clock;

    TraceStore(JdbcClient jdbc, Payloads json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** A request row as stored. */
    public record Row(UUID id, Direction direction, UUID conversationId, String reference, String counterpartNode,
            String counterpartCountry, String counterpartName, TraceState state, TraceRequestForm form, TraceAnswer answer,
            LocalDate dueOn, Instant remindedAt, String undeliverable, Instant createdAt, String createdBy, Instant updatedAt) {

        public boolean overdue(LocalDate today) {
            return state.open() && dueOn != null && dueOn.isBefore(today);
        }
    }

    public Instant now() {
        return clock.instant();
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Inserts a request; false when one with this direction and conversation exists already (a duplicate). */
    public boolean insert(UUID id, Direction direction, UUID conversationId, String reference, String counterpartNode,
            String counterpartCountry, String counterpartName, TraceState state, TraceRequestForm f, LocalDate dueOn, String user) {
        Timestamp now = Timestamp.from(now());
        return jdbc.sql("""
                INSERT INTO trace_request (id, direction, conversation_id, reference, counterpart_node, counterpart_country,
                  counterpart_name, state, weapon_id, recovery_kind, recovered_on, recovered_place, circumstances, illicit_nature,
                  legal_basis, intended_use, weapon_type, maker, model, calibre, serial, country_of_manufacture,
                  year_of_manufacture, markings, due_on, created_at, created_by, updated_at)
                VALUES (:id, :direction, :conversation, :reference, :node, :country, :name, :state, :weaponId, :kind, :on,
                  :place, :circumstances, :illicit, :legal, :use, :type, :maker, :model, :calibre, :serial, :coo, :year,
                  :markings, :due, :now, :user, :now)
                ON CONFLICT (direction, conversation_id) DO NOTHING""")
                .param("id", id).param("direction", direction.name()).param("conversation", conversationId)
                .param("reference", reference).param("node", counterpartNode).param("country", counterpartCountry)
                .param("name", counterpartName).param("state", state.name()).params(formParams(f)).param("due", dueOn)
                .param("now", now).param("user", user)
                .update() == 1;
    }

    public void updateForm(UUID id, TraceRequestForm f, String counterpartCountry, String counterpartName) {
        jdbc.sql("""
                UPDATE trace_request SET counterpart_node = :node, counterpart_country = :country, counterpart_name = :name,
                  weapon_id = :weaponId, recovery_kind = :kind, recovered_on = :on, recovered_place = :place,
                  circumstances = :circumstances, illicit_nature = :illicit, legal_basis = :legal, intended_use = :use,
                  weapon_type = :type, maker = :maker, model = :model, calibre = :calibre, serial = :serial,
                  country_of_manufacture = :coo, year_of_manufacture = :year, markings = :markings, updated_at = :now
                WHERE id = :id""")
                .params(formParams(f)).param("node", f.recipient()).param("country", counterpartCountry)
                .param("name", counterpartName).param("now", Timestamp.from(now())).param("id", id).update();
    }

    private java.util.Map<String, Object> formParams(TraceRequestForm f) {
        var p = new java.util.HashMap<String, Object>();
        p.put("weaponId", f.weaponId());
        p.put("kind", f.recoveryKind() == null ? null : f.recoveryKind().name());
        p.put("on", f.recoveredOn());
        p.put("place", f.recoveredPlace());
        p.put("circumstances", f.circumstances());
        p.put("illicit", f.illicitNature());
        p.put("legal", f.legalBasis());
        p.put("use", f.intendedUse());
        p.put("type", f.type() == null ? null : f.type().name());
        p.put("maker", f.maker());
        p.put("model", f.model());
        p.put("calibre", f.calibre());
        p.put("serial", f.serial());
        p.put("coo", f.countryOfManufacture());
        p.put("year", f.yearOfManufacture());
        p.put("markings", json.write(f.markings()));
        return p;
    }

    public void setState(UUID id, TraceState state) {
        jdbc.sql("UPDATE trace_request SET state = :state, updated_at = :now WHERE id = :id")
                .param("state", state.name()).param("now", Timestamp.from(now())).param("id", id).update();
    }

    /** Moves the state forward only: a late report (a delivery after the answer) changes nothing. */
    public boolean advance(UUID id, TraceState state) {
        List<String> earlier = Arrays.stream(TraceState.values()).filter(s -> s.before(state)).map(Enum::name).toList();
        return jdbc.sql("UPDATE trace_request SET state = :state, updated_at = :now WHERE id = :id AND state IN (:earlier)")
                .param("state", state.name()).param("now", Timestamp.from(now())).param("id", id).param("earlier", earlier)
                .update() == 1;
    }

    public void setDue(UUID id, LocalDate dueOn) {
        jdbc.sql("UPDATE trace_request SET due_on = :due WHERE id = :id").param("due", dueOn).param("id", id).update();
    }

    /** Keeps the answer; a closed request stays closed (an answer that comes after the closing is kept for the record). */
    public void setAnswer(UUID id, TraceAnswer answer, UUID weaponId) {
        jdbc.sql("""
                UPDATE trace_request SET answer = :answer, answer_outcome = :outcome, origin_established = :established,
                  state = CASE WHEN state = 'CLOSED' THEN state ELSE 'ANSWERED' END, updated_at = :now,
                  weapon_id = COALESCE(:weaponId, weapon_id) WHERE id = :id""")
                .param("answer", json.write(answer)).param("outcome", answer.outcome().name())
                .param("established", answer.originEstablished()).param("now", Timestamp.from(now()))
                .param("weaponId", weaponId).param("id", id).update();
    }

    /**
     * Keeps an answer received from the requested node unless the one held was answered later: answers (an answer given
     * again, a partial one completed) may be processed in any order. False when the answer is older and not kept.
     */
    public boolean receiveAnswer(UUID id, TraceAnswer answer) {
        List<String> held = jdbc.sql("SELECT answer FROM trace_request WHERE id = :id FOR UPDATE").param("id", id)
                .query(String.class).list();
        if (held.isEmpty() || held.get(0) != null && !later(answer, json.readPlain(held.get(0), TraceAnswer.class))) {
            return false;
        }
        setAnswer(id, answer, null);
        return true;
    }

    /** An answer without its time cannot be placed: it never replaces one with a time. */
    private static boolean later(TraceAnswer answer, TraceAnswer held) {
        return held.answeredAt() == null || answer.answeredAt() != null && answer.answeredAt().isAfter(held.answeredAt());
    }

    public void setUndeliverable(UUID id, String error) {
        jdbc.sql("UPDATE trace_request SET undeliverable = :error, updated_at = :now WHERE id = :id")
                .param("error", error).param("now", Timestamp.from(now())).param("id", id).update();
    }

    /**
     * The undeliverable mark after a delivery (recorded as a step before): cleared once every message of the request
     * that was undeliverable has been delivered since (a retry), of whatever type; else the latest one still undelivered.
     * A later message delivered does not hide an earlier one that never was.
     */
    public void markStillUndelivered(UUID id) {
        jdbc.sql("""
                UPDATE trace_request SET updated_at = :now, undeliverable = (
                  SELECT u.body FROM trace_step u WHERE u.request_id = :id AND u.step = 'UNDELIVERABLE'
                    AND NOT EXISTS (SELECT 1 FROM trace_step d WHERE d.request_id = :id AND d.step = 'DELIVERED'
                                      AND d.message_id = u.message_id AND d.id > u.id)
                  ORDER BY u.id DESC LIMIT 1)
                WHERE id = :id AND undeliverable IS NOT NULL""")
                .param("now", Timestamp.from(now())).param("id", id).update();
    }

    /**
     * Claims a reminder: true for the one caller (of all instances sharing the database) that marks the request
     * reminded now, false when it was reminded since {@code again}, or is no longer open and overdue: the overdue list
     * it was picked from was read before, and an answer or a closing may have come since.
     */
    public boolean claimReminder(UUID id, Instant again) {
        return jdbc.sql("""
                UPDATE trace_request SET reminded_at = :now WHERE id = :id AND (reminded_at IS NULL OR reminded_at <= :again)
                  AND state = ANY(:open) AND due_on < :today""")
                .param("now", Timestamp.from(now())).param("id", id).param("again", Timestamp.from(again))
                .param("open", OPEN_STATES).param("today", today()).update() == 1;
    }

    public void step(UUID requestId, TraceStepKind kind, String user, String body, UUID messageId) {
        jdbc.sql("INSERT INTO trace_step (request_id, step, at, username, body, message_id) VALUES (:r, :k, :at, :u, :b, :m)")
                .param("r", requestId).param("k", kind.name()).param("at", Timestamp.from(now())).param("u", user)
                .param("b", body).param("m", messageId).update();
    }

    public List<TraceStep> steps(UUID requestId) {
        return jdbc.sql("SELECT step, at, username, body FROM trace_step WHERE request_id = :r ORDER BY id").param("r", requestId)
                .query((rs, i) -> new TraceStep(TraceStepKind.valueOf(rs.getString(1)), rs.getTimestamp(2).toInstant(),
                        rs.getString(3), rs.getString(4))).list();
    }

    /** Records a network message id as processed; false if it was processed already. */
    public boolean firstSight(UUID messageId) {
        return jdbc.sql("INSERT INTO trace_message_seen (message_id, seen_at) VALUES (:id, :now) ON CONFLICT DO NOTHING")
                .param("id", messageId).param("now", Timestamp.from(now())).update() == 1;
    }

    public void addPhoto(UUID requestId, String caption, String contentType, byte[] content) {
        jdbc.sql("INSERT INTO trace_photo (id, request_id, caption, content_type, content) VALUES (:id, :r, :c, :t, :b)")
                .param("id", UUID.randomUUID()).param("r", requestId).param("c", caption).param("t", contentType)
                .param("b", content).update();
    }

    /** The photos' total size as stored, before any encoding for the network. */
    public long photoBytes(UUID requestId) {
        return jdbc.sql("SELECT coalesce(sum(octet_length(content)), 0) FROM trace_photo WHERE request_id = :r")
                .param("r", requestId).query(Long.class).single();
    }

    public List<TraceRequest.PhotoRef> photos(UUID requestId) {
        return jdbc.sql("SELECT id, caption, content_type FROM trace_photo WHERE request_id = :r ORDER BY caption, id")
                .param("r", requestId).query((rs, i) -> new TraceRequest.PhotoRef(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getString(3))).list();
    }

    public record PhotoContent(UUID requestId, String caption, String contentType, byte[] content) {
    }

    public List<PhotoContent> photoContents(UUID requestId) {
        return jdbc.sql("SELECT request_id, caption, content_type, content FROM trace_photo WHERE request_id = :r ORDER BY caption, id")
                .param("r", requestId).query((rs, i) -> new PhotoContent(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getString(3), rs.getBytes(4))).list();
    }

    public Optional<PhotoContent> photo(UUID photoId) {
        return jdbc.sql("SELECT request_id, caption, content_type, content FROM trace_photo WHERE id = :id").param("id", photoId)
                .query((rs, i) -> new PhotoContent(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getBytes(4)))
                .optional();
    }

    public Optional<Row> find(UUID id) {
        return jdbc.sql("SELECT * FROM trace_request WHERE id = :id").param("id", id).query(this::map).optional();
    }

    /**
     * The request, its row locked until the end of the transaction: a change of state waits for one under way, then
     * reads the state it left (a second click on Send sees SENT).
     */
    public Optional<Row> locked(UUID id) {
        return jdbc.sql("SELECT * FROM trace_request WHERE id = :id FOR UPDATE").param("id", id).query(this::map).optional();
    }

    public Optional<Row> find(Direction direction, UUID conversationId) {
        return jdbc.sql("SELECT * FROM trace_request WHERE direction = :d AND conversation_id = :c")
                .param("d", direction.name()).param("c", conversationId).query(this::map).optional();
    }

    /** One page of the requests of a direction, latest change first. */
    public org.opensalw.shared.Page<Row> list(Direction direction, org.opensalw.shared.PageRequest page) {
        return org.opensalw.shared.Page.of(jdbc.sql("""
                        SELECT * FROM trace_request WHERE direction = :d ORDER BY updated_at DESC, id LIMIT :limit OFFSET :offset""")
                .param("d", direction.name()).param("limit", page.size() + 1).param("offset", page.offset()).query(this::map).list(), page);
    }

    public List<Row> overdue() {
        return jdbc.sql("SELECT * FROM trace_request WHERE state = ANY(:open) AND due_on < :today ORDER BY due_on")
                .param("open", OPEN_STATES).param("today", today()).query(this::map).list();
    }

    public int overdueCount() {
        return jdbc.sql("SELECT count(*) FROM trace_request WHERE state = ANY(:open) AND due_on < :today")
                .param("open", OPEN_STATES).param("today", today()).query(Integer.class).single();
    }

    /** The states that wait for an answer ({@link TraceState#open()}). */
    private static final String[] OPEN_STATES = java.util.Arrays.stream(TraceState.values()).filter(TraceState::open)
            .map(Enum::name).toArray(String[]::new);

    /** The next number of this year's outgoing requests (one counter row per year, taken under its lock). */
    public long nextOutgoingNumber() {
        return jdbc.sql("""
                INSERT INTO trace_reference_counter (year, last) VALUES (:year, 1)
                ON CONFLICT (year) DO UPDATE SET last = trace_reference_counter.last + 1 RETURNING last""")
                .param("year", today().getYear()).query(Long.class).single();
    }

    public TraceSummary summary(Row r) {
        TraceRequestForm f = r.form();
        return new TraceSummary(new TraceId(r.id()), r.direction(), r.reference(), r.counterpartNode(), r.counterpartName(),
                r.counterpartCountry(), r.state(), f.serial(), f.maker(), f.type() == null ? null : f.type().name(),
                r.answer() == null ? null : r.answer().outcome(), r.dueOn(), r.overdue(today()), r.undeliverable(), r.updatedAt());
    }

    private Row map(ResultSet rs, int i) throws SQLException {
        String type = rs.getString("weapon_type");
        String kind = rs.getString("recovery_kind");
        List<TraceMarking> markings = json.read(rs.getString("markings"), new TypeReference<List<TraceMarking>>() { });
        TraceRequestForm form = new TraceRequestForm(rs.getObject("weapon_id", UUID.class), rs.getString("counterpart_node"),
                kind == null ? null : EventKind.valueOf(kind), rs.getObject("recovered_on", LocalDate.class),
                rs.getString("recovered_place"), rs.getString("circumstances"), rs.getString("illicit_nature"),
                rs.getString("legal_basis"), rs.getString("intended_use"), type == null ? null : WeaponType.valueOf(type),
                rs.getString("maker"), rs.getString("model"), rs.getString("calibre"), rs.getString("serial"),
                rs.getString("country_of_manufacture"), (Integer) rs.getObject("year_of_manufacture"), markings);
        String answer = rs.getString("answer");
        Timestamp reminded = rs.getTimestamp("reminded_at");
        return new Row(rs.getObject("id", UUID.class), Direction.valueOf(rs.getString("direction")),
                rs.getObject("conversation_id", UUID.class), rs.getString("reference"), rs.getString("counterpart_node"),
                rs.getString("counterpart_country"), rs.getString("counterpart_name"), TraceState.valueOf(rs.getString("state")),
                form, answer == null ? null : json.readPlain(answer, TraceAnswer.class), rs.getObject("due_on", LocalDate.class),
                reminded == null ? null : reminded.toInstant(), rs.getString("undeliverable"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"), rs.getTimestamp("updated_at").toInstant());
    }
}
