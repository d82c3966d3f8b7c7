package org.opensalw.tracing.internal;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.opensalw.identity.AuditKind;
import org.opensalw.identity.AuditTrail;
import org.opensalw.network.MessageDelivered;
import org.opensalw.network.MessageReceived;
import org.opensalw.network.MessageUndeliverable;
import org.opensalw.network.NodeId;
import org.opensalw.network.NodeInfo;
import org.opensalw.network.NodeNetwork;
import org.opensalw.network.NodeRole;
import org.opensalw.network.OutgoingMessage;
import org.opensalw.reference.WeaponType;
import org.opensalw.registry.EventKind;
import org.opensalw.shared.ImageTypes;
import org.opensalw.shared.Texts;
import org.opensalw.tracing.Direction;
import org.opensalw.tracing.TraceAnswer;
import org.opensalw.tracing.TraceId;
import org.opensalw.tracing.TraceRequestAnswered;
import org.opensalw.tracing.TraceRequestForm;
import org.opensalw.tracing.TraceState;
import org.opensalw.tracing.TraceStepKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tracing's input from the network: requests, acknowledgements, answers, thread messages and closings from peers, and
 * the delivery reports of what this node sent. Each message is processed once (by its message id; a request also by
 * its request id), and only from the node the conversation is with: an answer from anyone else is refused. Requests
 * are taken from national nodes only, with photos of image types only ({@link ImageTypes}); a request, answer, thread
 * message or closing with a field longer than this node's own forms take is refused ({@link PayloadLimits}). Messages
 * are processed in any order, so a question or a closing processed before its request is parked
 * ({@link ParkedMessages}) and taken in when the request is stored.
 */
@Component
class Inbound {

    private static final Logger log = LoggerFactory.getLogger(Inbound.class);
    private static final String SUBJECT = "TRACE_REQUEST";
    /**
     * What a requester sends after its request, so may be processed before it: a question, a reminder, a closing. An
     * acknowledgement or an answer is about a request this node stored before sending it: without one, it is refused.
     */
    private static final List<String> PARKABLE = List.of(Payloads.MESSAGE, Payloads.CLOSE);

    private final TraceStore store;
    private final ParkedMessages parked;
    private final PayloadLimits limits;
    private final Payloads payloads;
    private final NodeNetwork network;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final int reasonableDays;

    Inbound(TraceStore store, ParkedMessages parked, PayloadLimits limits, Payloads payloads, NodeNetwork network, AuditTrail audit,
            ApplicationEventPublisher events, @Value("${opensalw.tracing.reasonable-days:30}") int reasonableDays) {
        this.store = store;
        this.parked = parked;
        this.limits = limits;
        this.payloads = payloads;
        this.network = network;
        this.audit = audit;
        this.events = events;
        this.reasonableDays = reasonableDays;
    }

    @ApplicationModuleListener
    void on(MessageReceived m) {
        if (Payloads.TYPES.contains(m.type()) && store.firstSight(m.id().value())) {
            take(m);
        }
    }

    /** Processes a message as it comes, or when it is replayed from the parked ones after its request. */
    private void take(MessageReceived m) {
        String from = "node:" + m.sender().value();
        try {
            process(m, from);
        } catch (IllegalArgumentException | NullPointerException | tools.jackson.core.JacksonException e) {
            // An unreadable payload (unknown version, malformed, a null where a value must be: "markings":[null]) is
            // consumed, logged and audited rather than retried forever.
            log.error("Tracing message {} ({}) from {} cannot be read: {}", m.id().value(), m.type(), m.sender(), e.getMessage());
            audit.record(from, AuditKind.WRITE, "tracing.unreadable", SUBJECT, m.conversationId(), m.type() + ": " + e.getMessage());
        }
    }

    private void process(MessageReceived m, String from) {
        switch (m.type()) {
            case Payloads.REQUEST -> request(m, from);
            case Payloads.ACK -> {
                Payloads.Ack ack = payloads.read(m.payload(), Payloads.Ack.class);
                withConversation(m, ack.requestId(), Direction.OUTGOING).ifPresent(r -> {
                    store.advance(r.id(), TraceState.ACKNOWLEDGED);
                    store.step(r.id(), TraceStepKind.ACKNOWLEDGEMENT_RECEIVED, from,
                            ack.dueOn() == null ? null : ack.dueOn().toString(), m.id().value());
                });
            }
            case Payloads.ANSWER -> {
                Payloads.Answer answer = payloads.read(m.payload(), Payloads.Answer.class);
                withConversation(m, answer.requestId(), Direction.OUTGOING).ifPresent(r -> answered(m, from, r, answer.answer()));
            }
            case Payloads.MESSAGE -> message(m, from);
            case Payloads.CLOSE -> close(m, from);
            default -> throw new IllegalStateException(m.type());
        }
    }

    /**
     * A question, reply or reminder in the thread. One too long is refused at once, not parked: it would be refused
     * when its request comes.
     */
    private void message(MessageReceived m, String from) {
        Payloads.Message msg = payloads.read(m.payload(), Payloads.Message.class);
        List<String> tooLong = limits.message(msg);
        if (!tooLong.isEmpty()) {
            refuse(m, named(msg.requestId()), overLimits(tooLong));
            return;
        }
        withConversation(m, msg.requestId(), null).ifPresent(r -> store.step(r.id(),
                "REMINDER".equals(msg.kind()) ? TraceStepKind.REMINDED : TraceStepKind.MESSAGE_RECEIVED,
                from + (msg.author() == null ? "" : " (" + msg.author() + ")"), msg.body(), m.id().value()));
    }

    /**
     * A closing from the requester. One with a reason too long is refused at once, not parked, as a thread message is:
     * the request stays open here.
     */
    private void close(MessageReceived m, String from) {
        Payloads.Close close = payloads.read(m.payload(), Payloads.Close.class);
        List<String> tooLong = limits.close(close);
        if (!tooLong.isEmpty()) {
            refuse(m, named(close.requestId()), overLimits(tooLong));
            return;
        }
        withConversation(m, close.requestId(), Direction.INCOMING).ifPresent(r -> {
            store.setState(r.id(), TraceState.CLOSED);
            store.step(r.id(), TraceStepKind.CLOSED, from, close.reason(), m.id().value());
        });
    }

    /**
     * An answer from the requested node, kept unless the one held was answered later (an older answer processed after
     * a newer one changes nothing but the audit trail). A closed request stays closed. One with a text longer than an
     * answer form takes, or a field drawn from the register longer than the register takes, is refused
     * ({@link PayloadLimits}), and the request waits for another.
     */
    private void answered(MessageReceived m, String from, TraceStore.Row r, TraceAnswer answer) {
        if (answer == null || answer.outcome() == null) {
            throw new IllegalArgumentException("an answer without its outcome");
        }
        List<String> tooLong = limits.answer(answer);
        if (!tooLong.isEmpty()) {
            refuse(m, r.conversationId(), overLimits(tooLong));
            return;
        }
        if (!store.receiveAnswer(r.id(), answer)) {
            log.info("Tracing answer {} from {} for {} was given at {}, before the answer held: not kept", m.id().value(), m.sender(),
                    r.reference(), answer.answeredAt());
            audit.record(from, AuditKind.WRITE, "tracing.answer.outdated", SUBJECT, r.id(),
                    answer.outcome().name() + " answered at " + answer.answeredAt() + ", before the answer held");
            return;
        }
        store.step(r.id(), TraceStepKind.ANSWER_RECEIVED, from, answer.outcome().name(), m.id().value());
        audit.record(from, AuditKind.WRITE, "tracing.answer.received", SUBJECT, r.id(), answer.outcome().name());
        events.publishEvent(new TraceRequestAnswered(new TraceId(r.id()), r.form().weaponId(), answer.outcome(),
                answer.originEstablished()));
    }

    /**
     * A new incoming request: kept with its photos, then acknowledged at once to the requesting node. The requester is
     * the verified sender, named and placed as this node's peer list has it (not as the payload says), and must be a
     * national node (ITI para 14: states make requests; a hub relays them). A request with a field longer than this
     * node's request form takes ({@link PayloadLimits}) is refused, nothing of it stored. Of its photos, those of an image
     * type are kept, the first {@value PayloadLimits#PHOTOS} of them, with their captions cut to
     * {@value PayloadLimits#CAPTION_CHARS} characters; the others are audited as not taken.
     */
    private void request(MessageReceived m, String from) {
        Payloads.Request r = payloads.read(m.payload(), Payloads.Request.class);
        parked.lockConversation(named(r.requestId()));
        NodeInfo requester = network.peer(m.sender()).orElse(null);
        if (requester == null || requester.role() != NodeRole.NATIONAL) {
            String why = requester == null ? "not a peer of this node" : "a " + requester.role() + " node makes no requests";
            refuse(m, r.requestId(), why);
            refuseParked(m.sender(), r.requestId(), "its request was refused: " + why);
            return;
        }
        List<Payloads.PhotoData> offered = r.photos() == null ? List.of() : r.photos().stream().filter(Objects::nonNull).toList();
        List<Payloads.PhotoData> accepted = offered.stream().filter(p -> ImageTypes.accepted(p.contentType()).isPresent()).toList();
        List<Payloads.PhotoData> images = accepted.stream().limit(PayloadLimits.PHOTOS).toList();
        // read before anything is written: an unreadable photo makes the whole message unreadable
        List<byte[]> contents = images.stream().map(Inbound::decode).toList();
        TraceRequestForm form = new TraceRequestForm(null, null, enumOrNull(EventKind.class, r.recoveryKind()), r.recoveredOn(),
                r.recoveredPlace(), r.circumstances(), r.illicitNature(), r.legalBasis(), r.intendedUse(),
                enumOrNull(WeaponType.class, r.weaponType()), r.maker(), r.model(), r.calibre(), r.serial(),
                r.countryOfManufacture(), r.yearOfManufacture(), r.markings());
        List<String> tooLong = limits.request(form, r.reference());
        if (!tooLong.isEmpty()) {
            String why = overLimits(tooLong);
            refuse(m, r.requestId(), why);
            refuseParked(m.sender(), r.requestId(), "its request was refused: " + why);
            return;
        }
        UUID id = UUID.randomUUID();
        var due = store.today().plusDays(reasonableDays);
        boolean fresh = store.insert(id, Direction.INCOMING, r.requestId(), r.reference(), m.sender().value(),
                requester.country() == null ? null : requester.country().value(), requester.name(), TraceState.RECEIVED, form, due, from);
        if (!fresh) {
            String holder = store.find(Direction.INCOMING, r.requestId()).map(TraceStore.Row::counterpartNode).orElse(null);
            if (m.sender().value().equals(holder)) {
                log.info("Tracing request {} from {} received again under another message id; processed once", r.requestId(), m.sender());
            } else {
                refuse(m, r.requestId(), "this request id is held already, received from " + holder);
            }
            return;
        }
        for (int i = 0; i < images.size(); i++) {
            Payloads.PhotoData p = images.get(i);
            store.addPhoto(id, PayloadLimits.caption(p.caption()), ImageTypes.accepted(p.contentType()).orElseThrow(),
                    contents.get(i));
        }
        Consumer<String> notTaken = what -> {
            log.warn("Tracing request {} from {}: {}", r.requestId(), m.sender(), what);
            audit.record(from, AuditKind.WRITE, "tracing.photo.refused", SUBJECT, id, what);
        };
        offered.stream().filter(p -> ImageTypes.accepted(p.contentType()).isEmpty()).forEach(p -> notTaken.accept(
                "photo " + cut(p.caption()) + " of type " + cut(p.contentType()) + " not taken (JPEG, PNG or WebP only)"));
        if (accepted.size() > images.size()) {
            notTaken.accept("photos after the first " + PayloadLimits.PHOTOS + " not taken: " + (accepted.size() - images.size()));
        }
        store.step(id, TraceStepKind.RECEIVED, from, r.reference(), m.id().value());
        audit.record(from, AuditKind.WRITE, "tracing.received", SUBJECT, id, r.reference());
        network.send(new OutgoingMessage(m.sender(), r.requestId().toString(), Payloads.ACK,
                payloads.write(new Payloads.Ack(Payloads.VERSION, r.requestId(), store.now(), due, network.self().name()))));
        store.advance(id, TraceState.ACKNOWLEDGED);
        store.step(id, TraceStepKind.ACKNOWLEDGED, "system", due.toString(), null);
        replayParked(r.requestId());
    }

    /**
     * Takes in the messages of this conversation processed before its request, in the order they were sent, each once
     * (its parked row is deleted in this transaction). Those of another node than the requester are refused as they
     * would have been after the request.
     */
    private void replayParked(UUID requestId) {
        for (MessageReceived p : parked.of(requestId)) {
            if (parked.remove(p.id().value())) {
                log.info("Tracing message {} ({}) from {} taken in after its request {}", p.id().value(), p.type(), p.sender(), requestId);
                audit.record("node:" + p.sender().value(), AuditKind.WRITE, "tracing.parked.replayed", SUBJECT, requestId, p.type());
                take(p);
            }
        }
    }

    /** The sender's messages parked for a request that is refused: refused too, rather than left waiting. */
    private void refuseParked(NodeId sender, UUID requestId, String why) {
        for (MessageReceived p : parked.of(requestId)) {
            if (p.sender().equals(sender) && parked.remove(p.id().value())) {
                refuse(p, requestId, why);
            }
        }
    }

    /** A message about a request not stored yet: kept, logged and audited, until the request comes. */
    private void park(MessageReceived m, UUID requestId) {
        if (parked.park(m, requestId)) {
            log.warn("Tracing message {} ({}) from {} is about request {}, not received yet: parked until it is",
                    m.id().value(), m.type(), m.sender(), requestId);
            audit.record("node:" + m.sender().value(), AuditKind.WRITE, "tracing.parked", SUBJECT, requestId,
                    m.type() + ": waits for its request");
        }
    }

    private static byte[] decode(Payloads.PhotoData p) {
        if (p.base64() == null) {
            throw new IllegalArgumentException("a photo without content");
        }
        return Base64.getDecoder().decode(p.base64());
    }

    /** The refusal of fields over this node's limits: which, how long, and the limit (none of what they say). */
    private static String overLimits(List<String> fields) {
        return "longer than this node takes: " + String.join("; ", fields);
    }

    /** What a peer wrote, cut for a log line or an audit entry. */
    private static String cut(String text) {
        return text == null ? "" : Texts.cut(text, 101);
    }

    /** A message not taken in: logged and audited (which node sent what, and why it was refused). */
    private void refuse(MessageReceived m, UUID requestId, String why) {
        log.warn("Tracing message {} ({}) from {} refused: {}", m.id().value(), m.type(), m.sender(), why);
        audit.record("node:" + m.sender().value(), AuditKind.WRITE, "tracing.refused", SUBJECT, requestId, m.type() + ": " + why);
    }

    @ApplicationModuleListener
    void on(MessageDelivered d) {
        if (!Payloads.TYPES.contains(d.type())) {
            return;
        }
        find(d.conversationId(), d.recipient().value(), null).ifPresent(r -> {
            store.locked(r.id()); // reports of one request one at a time: the mark is worked out from the steps of both
            if (Payloads.REQUEST.equals(d.type())) {
                store.advance(r.id(), TraceState.DELIVERED);
            }
            store.step(r.id(), TraceStepKind.DELIVERED, "node:" + d.recipient().value(), d.type(), d.id().value());
            store.markStillUndelivered(r.id());
        });
    }

    @ApplicationModuleListener
    void on(MessageUndeliverable u) {
        if (!Payloads.TYPES.contains(u.type())) {
            return;
        }
        find(u.conversationId(), u.recipient().value(), null).ifPresent(r -> {
            store.locked(r.id());
            store.setUndeliverable(r.id(), u.type() + ": " + u.lastError());
            store.step(r.id(), TraceStepKind.UNDELIVERABLE, "system", u.type() + ": " + u.lastError(), u.id().value());
        });
    }

    /**
     * The request this message belongs to, if the sender is the node the conversation is with. A message that may come
     * before its request ({@link #PARKABLE}) is parked when this node holds no request of that id at all; otherwise a
     * message without its request is refused.
     */
    private Optional<TraceStore.Row> withConversation(MessageReceived m, UUID requestId, Direction direction) {
        parked.lockConversation(named(requestId));
        Optional<TraceStore.Row> row = find(requestId.toString(), m.sender().value(), direction);
        if (row.isEmpty()) {
            boolean none = Arrays.stream(Direction.values()).allMatch(d -> store.find(d, requestId).isEmpty());
            if (none && PARKABLE.contains(m.type())) {
                park(m, requestId);
            } else {
                refuse(m, requestId, "no such request with that node");
            }
        }
        return row;
    }

    /** The request id a payload names; a payload without one is unreadable. */
    private static UUID named(UUID requestId) {
        if (requestId == null) {
            throw new IllegalArgumentException("no requestId");
        }
        return requestId;
    }

    private Optional<TraceStore.Row> find(String conversation, String node, Direction direction) {
        UUID conversationId;
        try {
            conversationId = UUID.fromString(conversation);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        for (Direction d : direction == null ? Direction.values() : new Direction[] {direction}) {
            Optional<TraceStore.Row> row = store.find(d, conversationId).filter(r -> node.equals(r.counterpartNode()));
            if (row.isPresent()) {
                return row;
            }
        }
        return Optional.empty();
    }

    private static <E extends Enum<E>> E enumOrNull(Class<E> type, String value) {
        try {
            return value == null ? null : Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
