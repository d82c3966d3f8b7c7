package org.opensalw.assistance.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.UUID;
import org.opensalw.assistance.ActorId;
import org.opensalw.assistance.Area;
import org.opensalw.assistance.AssistanceRequest;
import org.opensalw.assistance.Offer;
import org.opensalw.assistance.OfferId;
import org.opensalw.assistance.OfferKind;
import org.opensalw.assistance.OfferStatus;
import org.opensalw.assistance.Project;
import org.opensalw.assistance.ProjectId;
import org.opensalw.assistance.ProjectStatus;
import org.opensalw.assistance.RequestId;
import org.opensalw.assistance.RequestOrigin;
import org.opensalw.assistance.RequestStatus;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/** Maps the module's rows to its records; the region comes from the reference module's countries. */
@Component
public class Rows {

    /** Offers with what confirmed projects already committed of them. */
    public static final String OFFER_SELECT = """
            SELECT o.*, a.name AS provider_name, COALESCE(c.committed, 0) AS committed
            FROM asst_offer o JOIN asst_actor a ON a.id = o.provider_id
              LEFT JOIN (SELECT offer_id, SUM(budget) AS committed FROM asst_project WHERE status <> 'CLOSED' GROUP BY offer_id) c
                ON c.offer_id = o.id
            """;

    public static final String PROJECT_SELECT = """
            SELECT p.*, r.country, r.area, r.beneficiary, a.name AS provider_name
            FROM asst_project p JOIN asst_request r ON r.id = p.request_id
              JOIN asst_offer o ON o.id = p.offer_id JOIN asst_actor a ON a.id = o.provider_id
            """;

    private final Geography geography;

    Rows(Geography geography) {
        this.geography = geography;
    }

    public RowMapper<AssistanceRequest> request() {
        return (rs, n) -> {
            String country = rs.getString("country");
            return new AssistanceRequest(new RequestId(uuid(rs, "id")), country, geography.region(country), geography.subRegion(country),
                    Area.valueOf(rs.getString("area")), rs.getString("description"), rs.getString("beneficiary"),
                    rs.getBigDecimal("estimated_cost"), date(rs, "start_date"), date(rs, "end_date"), Codes.split(rs.getString("languages")),
                    RequestStatus.valueOf(rs.getString("status")), RequestOrigin.valueOf(rs.getString("origin")),
                    rs.getString("created_by"), rs.getTimestamp("created_at").toInstant());
        };
    }

    public RowMapper<Offer> offer() {
        return (rs, n) -> new Offer(new OfferId(uuid(rs, "id")), new ActorId(uuid(rs, "provider_id")), rs.getString("provider_name"),
                OfferKind.valueOf(rs.getString("kind")), rs.getString("description"), Codes.enums(rs.getString("areas"), Area.class),
                Codes.split(rs.getString("regions")), rs.getBigDecimal("amount"), rs.getBigDecimal("committed"),
                date(rs, "available_from"), date(rs, "available_to"), Codes.split(rs.getString("languages")),
                OfferStatus.valueOf(rs.getString("status")));
    }

    public RowMapper<Project> project() {
        return (rs, n) -> {
            String country = rs.getString("country");
            BigDecimal score = rs.getBigDecimal("match_score");
            return new Project(new ProjectId(uuid(rs, "id")), new RequestId(uuid(rs, "request_id")), new OfferId(uuid(rs, "offer_id")),
                    rs.getString("title"), country, geography.region(country), Area.valueOf(rs.getString("area")),
                    rs.getString("beneficiary"), rs.getString("provider_name"), rs.getBigDecimal("budget"), date(rs, "start_date"),
                    date(rs, "end_date"), score.doubleValue(), ProjectStatus.valueOf(rs.getString("status")),
                    rs.getString("created_by"), rs.getTimestamp("created_at").toInstant());
        };
    }

    static UUID uuid(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }

    static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }
}
