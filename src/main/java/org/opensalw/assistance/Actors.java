package org.opensalw.assistance;

import jakarta.validation.Valid;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.opensalw.assistance.internal.Codes;
import org.opensalw.assistance.internal.Geography;
import org.opensalw.identity.AuditTrail;
import org.opensalw.identity.CurrentUser;
import org.opensalw.shared.UserFacingException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/** The actors of cooperation and assistance (issue 6, item 1) and the roster of experts. */
@Service
@Validated
public class Actors {

    private final JdbcClient jdbc;
    private final Geography geography;
    private final CurrentUser currentUser;
    private final AuditTrail audit;
    private final Clock clock;

    Actors(JdbcClient jdbc, Geography geography, CurrentUser currentUser, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.geography = geography;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Actor> list(ActorKind kind) {
        return jdbc.sql("SELECT * FROM asst_actor WHERE (CAST(:kind AS TEXT) IS NULL OR kind = :kind) ORDER BY kind, name")
                .param("kind", kind == null ? null : kind.name()).query(this::map).list();
    }

    @Transactional(readOnly = true)
    public Optional<Actor> find(ActorId id) {
        return jdbc.sql("SELECT * FROM asst_actor WHERE id = :id").param("id", id.value()).query(this::map).optional();
    }

    public Actor get(ActorId id) {
        return find(id).orElseThrow(() -> UserFacingException.notFound("actor", id));
    }

    /**
     * The actor, refused if it has been withdrawn. Its row is share-locked until the transaction ends, so a withdrawal
     * at the same time waits for the offer or proposal being made, and one made after it sees it.
     */
    Actor active(ActorId id, String field) {
        String status = lockedStatus(id);
        Actor actor = get(id);
        if (!"ACTIVE".equals(status)) {
            throw UserFacingException.invalid(field, "assistance.actor.withdrawn", actor.name());
        }
        return actor;
    }

    /** The actor's status, its row share-locked until the transaction ends (see {@link #active}). */
    String lockedStatus(ActorId id) {
        return jdbc.sql("SELECT status FROM asst_actor WHERE id = :id FOR SHARE").param("id", id.value()).query(String.class)
                .optional().orElseThrow(() -> UserFacingException.notFound("actor", id));
    }

    @PreAuthorize("hasAnyRole('ADMIN','REGISTRAR')")
    @Transactional
    public Actor create(@Valid NewActor actor) {
        String country = actor.country() == null || actor.country().isBlank() ? null : actor.country().trim().toUpperCase();
        if (country != null) {
            geography.require("country", country);
        } else if (actor.kind() == ActorKind.STATE) {
            throw UserFacingException.invalid("country", "assistance.actor.stateNeedsCountry");
        }
        ActorId id = ActorId.random();
        jdbc.sql("""
                INSERT INTO asst_actor (id, kind, name, country, status, created_by, created_at)
                VALUES (:id, :kind, :name, :country, 'ACTIVE', :by, :at)
                """).param("id", id.value()).param("kind", actor.kind().name()).param("name", actor.name().trim())
                .param("country", country).param("by", currentUser.username()).param("at", Timestamp.from(clock.instant())).update();
        audit.recordWrite("assistance.actor.create", "ASSISTANCE_ACTOR", id, actor.kind() + " " + actor.name());
        return get(id);
    }

    /**
     * Nothing is deleted: an actor that leaves is withdrawn and stays in the history of its projects. Only an active
     * actor is withdrawn: of two withdrawals at once, the second waits for the first's row lock and is refused.
     * <p>
     * Its open offers are withdrawn with it, each recorded as a withdrawal of its own: left open, they were still
     * suggested and matched into projects of an actor that had left. Its projects under way go on.
     */
    @PreAuthorize("hasAnyRole('ADMIN','REGISTRAR')")
    @Transactional
    public void withdraw(ActorId id) {
        // the offers are locked before the actor, in the order a match takes them (offer, then its provider), so that a
        // match confirmed at the same time either commits first or finds the offer withdrawn, and neither waits for the other
        jdbc.sql("SELECT id FROM asst_offer WHERE provider_id = :id AND status = 'OPEN' FOR UPDATE").param("id", id.value())
                .query(java.util.UUID.class).list();
        int withdrawn = jdbc.sql("UPDATE asst_actor SET status = 'WITHDRAWN' WHERE id = :id AND status = 'ACTIVE'")
                .param("id", id.value()).update();
        if (withdrawn == 0) {
            Actor actor = get(id); // not found, or withdrawn already
            throw UserFacingException.invalid("status", "assistance.actor.alreadyWithdrawn", actor.name());
        }
        audit.recordWrite("assistance.actor.withdraw", "ASSISTANCE_ACTOR", id, null);
        List<java.util.UUID> offers = jdbc.sql("""
                UPDATE asst_offer SET status = 'WITHDRAWN' WHERE provider_id = :id AND status = 'OPEN' RETURNING id
                """).param("id", id.value()).query(java.util.UUID.class).list();
        offers.forEach(offer -> audit.recordWrite("assistance.offer.withdraw", "ASSISTANCE_OFFER", new OfferId(offer),
                "provider withdrawn " + id));
    }

    @Transactional(readOnly = true)
    public List<Expert> experts(Area area, String language) {
        return jdbc.sql("""
                SELECT e.*, a.name AS actor_name FROM asst_expert e LEFT JOIN asst_actor a ON a.id = e.actor_id
                WHERE e.status = 'ACTIVE'
                  AND (CAST(:area AS TEXT) IS NULL OR ('|' || e.areas || '|') LIKE ('%|' || :area || '|%'))
                  AND (CAST(:lang AS TEXT) IS NULL OR ('|' || e.languages || '|') LIKE ('%|' || :lang || '|%'))
                ORDER BY e.name
                """).param("area", area == null ? null : area.name())
                .param("lang", language == null || language.isBlank() ? null : language.trim().toLowerCase())
                .query(Actors::expert).list();
    }

    @PreAuthorize("hasAnyRole('ADMIN','REGISTRAR')")
    @Transactional
    public ExpertId addExpert(@Valid NewExpert expert) {
        if (expert.actorId() != null) {
            active(expert.actorId(), "actorId"); // an expert does not join an organisation that has left
        }
        if (expert.availableFrom() != null && expert.availableTo() != null && expert.availableTo().isBefore(expert.availableFrom())) {
            throw UserFacingException.invalid("availableTo", "assistance.period.reversed");
        }
        java.util.Set<String> languages = Codes.languages("languages", expert.languages());
        ExpertId id = ExpertId.random();
        jdbc.sql("""
                INSERT INTO asst_expert (id, name, actor_id, areas, languages, available_from, available_to, created_by, created_at)
                VALUES (:id, :name, :actor, :areas, :langs, :from, :to, :by, :at)
                """).param("id", id.value()).param("name", expert.name().trim())
                .param("actor", expert.actorId() == null ? null : expert.actorId().value())
                .param("areas", Codes.join(expert.areas())).param("langs", Codes.join(languages))
                .param("from", expert.availableFrom()).param("to", expert.availableTo())
                .param("by", currentUser.username()).param("at", Timestamp.from(clock.instant())).update();
        audit.recordWrite("assistance.expert.add", "ASSISTANCE_EXPERT", id, expert.name());
        return id;
    }

    private Actor map(ResultSet rs, int row) throws SQLException {
        String country = rs.getString("country");
        return new Actor(new ActorId(rs.getObject("id", java.util.UUID.class)), ActorKind.valueOf(rs.getString("kind")),
                rs.getString("code"), rs.getString("name"), country, country == null ? "" : geography.region(country),
                rs.getString("status"));
    }

    private static Expert expert(ResultSet rs, int row) throws SQLException {
        java.util.UUID actor = rs.getObject("actor_id", java.util.UUID.class);
        return new Expert(new ExpertId(rs.getObject("id", java.util.UUID.class)), rs.getString("name"),
                actor == null ? null : new ActorId(actor), rs.getString("actor_name"), Codes.enums(rs.getString("areas"), Area.class),
                Codes.split(rs.getString("languages")), rs.getObject("available_from", java.time.LocalDate.class),
                rs.getObject("available_to", java.time.LocalDate.class), rs.getString("status"));
    }
}
