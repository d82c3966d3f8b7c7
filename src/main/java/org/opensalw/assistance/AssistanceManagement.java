package org.opensalw.assistance;

import jakarta.validation.Valid;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.opensalw.assistance.internal.Codes;
import org.opensalw.assistance.internal.Geography;
import org.opensalw.assistance.internal.Rows;
import org.opensalw.identity.AuditTrail;
import org.opensalw.identity.CurrentUser;
import org.opensalw.reference.Country;
import org.opensalw.shared.Page;
import org.opensalw.shared.PageRequest;
import org.opensalw.shared.UserFacingException;
import org.opensalw.shared.Violation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * The module's entry point for needs and resources: assistance requests (report para 42) and offers. Matching
 * and projects are in {@link Matching}; funding calls in {@link FundingCalls}.
 */
@Service
@Validated
public class AssistanceManagement {

    private final JdbcClient jdbc;
    private final Rows rows;
    private final Geography geography;
    private final Actors actors;
    private final CurrentUser currentUser;
    private final AuditTrail audit;
    private final Clock clock;

    AssistanceManagement(JdbcClient jdbc, Rows rows, Geography geography, Actors actors, CurrentUser currentUser,
            AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.geography = geography;
        this.actors = actors;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    @PreAuthorize("hasAnyRole('ADMIN','REGISTRAR')")
    @Transactional
    public RequestId fileRequest(@Valid NewRequest request) {
        return insertRequest(request, RequestOrigin.DIRECT, RequestStatus.OPEN, null, null);
    }

    /** Also used by national reports and baseline assessments, inside their own transactions. */
    RequestId insertRequest(NewRequest r, RequestOrigin origin, RequestStatus status, UUID reportId, UUID assessmentId) {
        String country = r.country().trim().toUpperCase();
        geography.require("country", country);
        if (r.startDate() != null && r.endDate() != null && r.endDate().isBefore(r.startDate())) {
            throw UserFacingException.invalid("endDate", "assistance.period.reversed");
        }
        Set<String> languages = Codes.languages("languages", r.languages());
        RequestId id = RequestId.random();
        jdbc.sql("""
                INSERT INTO asst_request (id, report_id, assessment_id, origin, country, area, description, beneficiary,
                  estimated_cost, start_date, end_date, languages, status, created_by, created_at)
                VALUES (:id, :report, :assessment, :origin, :country, :area, :description, :beneficiary, :cost, :start, :end,
                  :languages, :status, :by, :at)
                """).param("id", id.value()).param("report", reportId).param("assessment", assessmentId)
                .param("origin", origin.name()).param("country", country).param("area", r.area().name())
                .param("description", r.description().trim()).param("beneficiary", r.beneficiary().trim())
                .param("cost", r.estimatedCost()).param("start", r.startDate()).param("end", r.endDate())
                .param("languages", Codes.join(languages)).param("status", status.name())
                .param("by", currentUser.username()).param("at", Timestamp.from(clock.instant())).update();
        audit.recordWrite("assistance.request.file", "ASSISTANCE_REQUEST", id, origin + " " + country + " " + r.area());
        return id;
    }

    @Transactional(readOnly = true)
    public Optional<AssistanceRequest> findRequest(RequestId id) {
        return jdbc.sql("SELECT * FROM asst_request WHERE id = :id").param("id", id.value()).query(rows.request()).optional();
    }

    public AssistanceRequest request(RequestId id) {
        return findRequest(id).orElseThrow(() -> UserFacingException.notFound("request", id));
    }

    @Transactional(readOnly = true)
    public Page<AssistanceRequest> requests(RequestFilter f, PageRequest page) {
        List<String> countries = f.region() == null || f.region().isBlank() ? null : geography.countries().stream()
                .filter(c -> f.region().equals(c.region()) || f.region().equals(c.subRegion())).map(Country::alpha2).toList();
        if (countries != null && countries.isEmpty()) {
            return new Page<>(List.of(), page.page(), page.size(), false);
        }
        List<AssistanceRequest> found = jdbc.sql("""
                SELECT * FROM asst_request
                WHERE (CAST(:country AS TEXT) IS NULL OR country = :country)
                  AND (CAST(:area AS TEXT) IS NULL OR area = :area)
                  AND (CAST(:status AS TEXT) IS NULL OR status = :status)
                  AND (:anyCountry OR country IN (:countries))
                ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset
                """).param("country", f.country() == null || f.country().isBlank() ? null : f.country().trim().toUpperCase())
                .param("area", f.area() == null ? null : f.area().name()).param("status", f.status() == null ? null : f.status().name())
                .param("anyCountry", countries == null).param("countries", countries == null ? List.of("") : countries)
                .param("limit", page.size() + 1).param("offset", page.offset()).query(rows.request()).list();
        return Page.of(found, page);
    }

    /** A draft (from a baseline assessment) becomes open once the state confirms it; any request may be withdrawn. */
    @PreAuthorize("hasAnyRole('ADMIN','REGISTRAR')")
    @Transactional
    public AssistanceRequest changeRequestStatus(RequestId id, RequestStatus to) {
        if (to == null) { // an API call without a status, or with null
            throw UserFacingException.invalid("status", "form.required");
        }
        AssistanceRequest r = lockedRequest(id);
        boolean allowed = switch (to) {
            case OPEN -> r.status() == RequestStatus.DRAFT;
            case WITHDRAWN -> r.status() == RequestStatus.DRAFT || r.status() == RequestStatus.OPEN;
            case CLOSED -> r.status() == RequestStatus.MATCHED || r.status() == RequestStatus.OPEN;
            default -> false;
        };
        if (!allowed) {
            throw UserFacingException.invalid("status", "assistance.status.transition", r.status(), to);
        }
        int changed = jdbc.sql("UPDATE asst_request SET status = :s WHERE id = :id AND status = :from").param("s", to.name())
                .param("id", id.value()).param("from", r.status().name()).update();
        if (changed != 1) {
            throw changedMeanwhile();
        }
        audit.recordWrite("assistance.request.status", "ASSISTANCE_REQUEST", id, r.status() + " -> " + to);
        return request(id);
    }

    @PreAuthorize("hasAnyRole('ADMIN','REGISTRAR')")
    @Transactional
    public OfferId makeOffer(@Valid NewOffer offer) {
        Actor provider = actors.active(offer.providerId(), "providerId"); // any withdrawn actor, not only a state
        if (offer.kind() == OfferKind.FUNDING && (offer.amount() == null || offer.amount().signum() <= 0)) {
            // without one it was taken for unlimited money: any budget could be matched against it
            throw UserFacingException.invalid("amount", "assistance.offer.fundingWithoutAmount");
        }
        if (offer.availableFrom() != null && offer.availableTo() != null && offer.availableTo().isBefore(offer.availableFrom())) {
            throw UserFacingException.invalid("availableTo", "assistance.period.reversed");
        }
        List<String> known = geography.regionsAndSubRegions();
        for (String region : offer.regions() == null ? List.<String>of() : offer.regions()) {
            if (!known.contains(region.trim())) {
                throw UserFacingException.invalid("regions", "assistance.region.unknown", region);
            }
        }
        Set<String> languages = Codes.languages("languages", offer.languages());
        OfferId id = OfferId.random();
        jdbc.sql("""
                INSERT INTO asst_offer (id, provider_id, kind, description, areas, regions, amount, available_from, available_to,
                  languages, status, created_by, created_at)
                VALUES (:id, :provider, :kind, :description, :areas, :regions, :amount, :from, :to, :languages, 'OPEN', :by, :at)
                """).param("id", id.value()).param("provider", offer.providerId().value()).param("kind", offer.kind().name())
                .param("description", offer.description().trim()).param("areas", Codes.join(offer.areas()))
                .param("regions", Codes.join(offer.regions())).param("amount", offer.amount())
                .param("from", offer.availableFrom()).param("to", offer.availableTo())
                .param("languages", Codes.join(languages))
                .param("by", currentUser.username()).param("at", Timestamp.from(clock.instant())).update();
        audit.recordWrite("assistance.offer.make", "ASSISTANCE_OFFER", id, provider.name() + " " + offer.kind());
        return id;
    }

    @Transactional(readOnly = true)
    public Optional<Offer> findOffer(OfferId id) {
        return jdbc.sql(Rows.OFFER_SELECT + " WHERE o.id = :id").param("id", id.value()).query(rows.offer()).optional();
    }

    public Offer offer(OfferId id) {
        return findOffer(id).orElseThrow(() -> UserFacingException.notFound("offer", id));
    }

    @Transactional(readOnly = true)
    public List<Offer> offers(OfferStatus status) {
        return jdbc.sql(Rows.OFFER_SELECT + " WHERE (CAST(:s AS TEXT) IS NULL OR o.status = :s) ORDER BY o.created_at DESC")
                .param("s", status == null ? null : status.name()).query(rows.offer()).list();
    }

    @PreAuthorize("hasAnyRole('ADMIN','REGISTRAR')")
    @Transactional
    public void withdrawOffer(OfferId id) {
        Offer o = lockedOffer(id);
        if (o.status() != OfferStatus.OPEN) {
            throw UserFacingException.invalid("status", "assistance.status.transition", o.status(), OfferStatus.WITHDRAWN);
        }
        int changed = jdbc.sql("UPDATE asst_offer SET status = 'WITHDRAWN' WHERE id = :id AND status = 'OPEN'")
                .param("id", id.value()).update();
        if (changed != 1) {
            throw changedMeanwhile();
        }
        audit.recordWrite("assistance.offer.withdraw", "ASSISTANCE_OFFER", id, null);
    }

    /**
     * The request, read after its row is locked until the transaction ends: a status change or a match confirmed at
     * the same time waits, then reads what this one wrote. Whoever locks both a request and an offer locks the request first.
     */
    AssistanceRequest lockedRequest(RequestId id) {
        jdbc.sql("SELECT id FROM asst_request WHERE id = :id FOR UPDATE").param("id", id.value()).query(UUID.class).optional()
                .orElseThrow(() -> UserFacingException.notFound("request", id));
        return request(id);
    }

    /** The offer, read after its row is locked until the transaction ends, with what confirmed projects committed of it. */
    Offer lockedOffer(OfferId id) {
        jdbc.sql("SELECT id FROM asst_offer WHERE id = :id FOR UPDATE").param("id", id.value()).query(UUID.class).optional()
                .orElseThrow(() -> UserFacingException.notFound("offer", id));
        return offer(id);
    }

    /** An update conditional on the status just read found another one: someone else changed the row meanwhile. */
    static UserFacingException changedMeanwhile() {
        return new UserFacingException(UserFacingException.Kind.CONFLICT, List.of(Violation.of("status", "assistance.status.changed")));
    }

    /** Counts by status, for the dashboard. */
    @Transactional(readOnly = true)
    public Map<String, Long> requestCounts() {
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        for (RequestStatus s : RequestStatus.values()) {
            counts.put(s.name(), 0L);
        }
        jdbc.sql("SELECT status, COUNT(*) AS n FROM asst_request GROUP BY status")
                .query(rs -> { counts.put(rs.getString("status"), rs.getLong("n")); });
        return counts;
    }
}
