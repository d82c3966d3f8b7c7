package org.opensalw.tracing.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.opensalw.tracing.TraceAnswer;
import org.opensalw.tracing.TraceMarking;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The messages tracing exchanges over the network, as versioned records ({@code v}: a receiver refuses a version it
 * does not know rather than misreading it). The conversation of every message is the requesting node's request id.
 */
@Component
public class Payloads {

    public static final String REQUEST = "tracing.request";
    public static final String ACK = "tracing.ack";
    public static final String ANSWER = "tracing.answer";
    public static final String MESSAGE = "tracing.message";
    public static final String CLOSE = "tracing.close";
    public static final List<String> TYPES = List.of(REQUEST, ACK, ANSWER, MESSAGE, CLOSE);
    public static final int VERSION = 1;
    /** The longest body of a thread message, as an officer writes it here and as a peer's is taken. */
    public static final int MESSAGE_CHARS = 4000;

    /** A tracing request (ITI para 17). */
    public record Request(int v, UUID requestId, String reference, String requesterNode, String requesterCountry,
            String requesterName, String recoveryKind, LocalDate recoveredOn, String recoveredPlace, String circumstances,
            String illicitNature, String legalBasis, String intendedUse, String weaponType, String maker, String model,
            String calibre, String serial, String countryOfManufacture, Integer yearOfManufacture, List<TraceMarking> markings,
            List<PhotoData> photos, Instant sentAt) {
    }

    public record PhotoData(String caption, String contentType, String base64) {
    }

    /** The requested node has received the request; it expects to answer by {@code dueOn}. */
    public record Ack(int v, UUID requestId, Instant acknowledgedAt, LocalDate dueOn, String acknowledgedBy) {
    }

    public record Answer(int v, UUID requestId, TraceAnswer answer) {
    }

    /** A follow-up question or reply in the request's thread, or a reminder ({@code kind} QUESTION, REPLY, REMINDER). */
    public record Message(int v, UUID requestId, String kind, String body, String author, Instant at) {
    }

    public record Close(int v, UUID requestId, String reason, Instant at) {
    }

    private final JsonMapper json;

    Payloads() {
        this.json = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    }

    public String write(Object payload) {
        return json.writeValueAsString(payload);
    }

    /** Reads a payload of the given record type; refuses a version it does not know. */
    public <T> T read(String text, Class<T> type) {
        int v = json.readTree(text).path("v").asInt(0);
        if (v != VERSION) {
            throw new IllegalArgumentException("Unknown " + type.getSimpleName() + " payload version " + v);
        }
        return json.readValue(text, type);
    }

    /** Reads what this node stored itself (no version field). */
    public <T> T readPlain(String text, Class<T> type) {
        return json.readValue(text, type);
    }

    public <T> T read(String text, tools.jackson.core.type.TypeReference<T> type) {
        return json.readValue(text, type);
    }
}
