package org.opensalw.network.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.opensalw.network.MessageReceived;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Test messages ("send test message" on the status page, and the network benchmark): each processing of a
 * {@code network.ping} is recorded in the inbox transaction, so a message processed twice would show twice.
 */
@Component
public class Pings {

    public static final String TYPE = "network.ping";

    public record Ping(UUID id, String sender, Instant sentAt, Instant processedAt) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    Pings(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventListener
    void on(MessageReceived m) {
        if (TYPE.equals(m.type())) {
            jdbc.sql("INSERT INTO network_ping (message_id, sender, sent_at, processed_at) VALUES (:id, :sender, :sent, :now)")
                    .param("id", m.id().value()).param("sender", m.sender().value()).param("sent", Timestamp.from(m.sentAt()))
                    .param("now", Timestamp.from(clock.instant())).update();
        }
    }

    public List<Ping> list(String sender) {
        return jdbc.sql("""
                SELECT * FROM network_ping WHERE (CAST(:sender AS TEXT) IS NULL OR sender = :sender) ORDER BY processed_at""")
                .param("sender", sender)
                .query((rs, i) -> new Ping(rs.getObject("message_id", UUID.class), rs.getString("sender"),
                        rs.getTimestamp("sent_at").toInstant(), rs.getTimestamp("processed_at").toInstant())).list();
    }
}
