package org.opensalw.tracing;

import jakarta.validation.Valid;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.opensalw.identification.Identification;
import org.opensalw.identification.Identified;
import org.opensalw.identification.Reading;
import org.opensalw.identity.AuditTrail;
import org.opensalw.identity.CurrentUser;
import org.opensalw.network.NodeId;
import org.opensalw.network.NodeInfo;
import org.opensalw.network.NodeRole;
import org.opensalw.network.NodeNetwork;
import org.opensalw.network.OutgoingMessage;
import org.opensalw.registry.EventKind;
import org.opensalw.registry.RegistryQueries;
import org.opensalw.registry.TimelineEntry;
import org.opensalw.registry.WeaponDetails;
import org.opensalw.registry.WeaponId;
import org.opensalw.shared.Page;
import org.opensalw.shared.PageRequest;
import org.opensalw.shared.UserFacingException;
import org.opensalw.shared.Violation;
import org.opensalw.tracing.internal.AnswerRules;
import org.opensalw.tracing.internal.Payloads;
import org.opensalw.tracing.internal.Recipients;
import org.opensalw.tracing.internal.RecordAnswers;
import org.opensalw.tracing.internal.RequestChecks;
import org.opensalw.tracing.internal.TraceStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Tracing requests as an investigator works them: drafts prefilled from a recovered weapon, checked and sent to the
 * state that can trace it; incoming requests answered from the local register with one confirmation; the thread of
 * follow-up questions; closing. Every step is recorded with time and user, every write in the audit trail.
 */
@Service
@Validated
@PreAuthorize("hasRole('INVESTIGATOR')")
public class TracingManagement {

    private static final String SUBJECT = "TRACE_REQUEST";

    /**
     * The most photo bytes a request carries to another node. The photos are base64 in the payload, which is base64
     * again in the sender's JWS, the JWE around it and the envelope: about 3.2 times their size, which must stay
     * under the 30 MiB a peer's inbox accepts (network PeerEndpoint), with room for the rest of the request.
     */
    static final long PHOTO_BYTES_LIMIT = 8L * 1024 * 1024;

    private final TraceStore store;
    private final Payloads payloads;
    private final NodeNetwork network;
    private final Recipients recipients;
    private final RequestChecks checks;
    private final RegistryQueries registry;
    private final Identification identification;
    private final CurrentUser currentUser;
    private final AuditTrail audit;
    private final int reasonableDays;

    TracingManagement(TraceStore store, Payloads payloads, NodeNetwork network, Recipients recipients, RequestChecks checks,
            RegistryQueries registry, Identification identification, CurrentUser currentUser, AuditTrail audit,
            @Value("${opensalw.tracing.reasonable-days:30}") int reasonableDays) {
        this.store = store;
        this.payloads = payloads;
        this.network = network;
        this.recipients = recipients;
        this.checks = checks;
        this.registry = registry;
        this.identification = identification;
        this.currentUser = currentUser;
        this.audit = audit;
        this.reasonableDays = reasonableDays;
    }

    /** The days this node gives (and expects) for an answer before a request is overdue. */
    public int reasonableDays() {
        return reasonableDays;
    }

    public NodeInfo self() {
        return network.self();
    }

    /** A request drawn from a recovered weapon of the register: its latest recovery, markings and description. */
    @Transactional
    public TraceRequestForm prefill(WeaponId weaponId) {
        WeaponDetails w = registry.weapon(weaponId).orElseThrow(() -> UserFacingException.notFound("weapon", weaponId));
        Optional<TimelineEntry> recovery = w.timeline().stream()
                .filter(e -> !e.voided() && EventKind.RECOVERIES.contains(e.kind()))
                .max(Comparator.comparingLong(TimelineEntry::seq));
        List<TraceMarking> markings = new ArrayList<>();
        if (w.serialAsMarked() != null) {
            markings.add(new TraceMarking("SERIAL", w.serialAsMarked(), null, null));
        }
        String makerMark = w.makerAsMarked() != null && !w.makerAsMarked().isBlank() ? w.makerAsMarked() : w.makerName();
        if (makerMark != null) {
            markings.add(new TraceMarking("MAKER", makerMark, w.countryOfManufacture(), w.yearOfManufacture()));
        }
        w.markings().forEach(m -> markings.add(new TraceMarking(m.kind().name(), m.text(), m.country(), m.year())));
        String circumstances = recovery.map(e -> join(e.reference(), e.notes())).orElse(null);
        TraceRequestForm form = new TraceRequestForm(weaponId.value(), null, recovery.map(TimelineEntry::kind).orElse(null),
                recovery.map(TimelineEntry::occurredOn).orElse(null), recovery.map(TimelineEntry::place).orElse(null), circumstances,
                null, null, null, w.type(), w.makerCode() != null ? w.makerCode() : w.makerAsMarked(), w.model(), w.calibre(),
                w.serialAsMarked(), w.countryOfManufacture(), w.yearOfManufacture(), markings);
        return form.withRecipient(recipients.suggest(form).stream().filter(Recipient::reachable).map(Recipient::nodeId)
                .findFirst().orElse(null));
    }

    /** Where this request could go: country of manufacture, of last legal import, other states known to this node. */
    public List<Recipient> recipients(TraceRequestForm form) {
        return recipients.suggest(form);
    }

    /** Whether this node knows the node (directly or through a hub): an unknown one cannot be reached until configured. */
    public boolean knownNode(String nodeId) {
        return node(nodeId) != null;
    }

    /**
     * Saves a draft; nothing is checked but the sizes (a field too long: {@code ConstraintViolationException} naming it,
     * 422 in the API), nothing leaves the node.
     */
    @Transactional
    public TraceId draft(@Valid TraceRequestForm form) {
        refuseOnHub();
        UUID id = UUID.randomUUID();
        NodeInfo to = node(form.recipient());
        String reference = "TR-" + network.self().id().value() + "-" + store.today().getYear() + "-"
                + String.format(Locale.ROOT, "%04d", store.nextOutgoingNumber());
        store.insert(id, Direction.OUTGOING, id, reference, trimmed(form.recipient()), to == null ? null : country(to),
                to == null ? null : to.name(), TraceState.DRAFT, form, null, currentUser.username());
        if (form.weaponId() != null) {
            copyPhotos(id, new WeaponId(form.weaponId()));
        }
        store.step(id, TraceStepKind.DRAFTED, currentUser.username(), null, null);
        audit.recordWrite("tracing.draft", SUBJECT, id, reference);
        return new TraceId(id);
    }

    /** ITI para 14: requests are made by states; a hub relays them and makes none. */
    private void refuseOnHub() {
        if (network.self().role() == NodeRole.HUB) {
            throw UserFacingException.invalid("recipient", "tracing.hub");
        }
    }

    @Transactional
    public void update(TraceId id, @Valid TraceRequestForm form) {
        TraceStore.Row row = locked(id);
        if (row.direction() != Direction.OUTGOING || row.state() != TraceState.DRAFT) {
            throw conflict("tracing.notDraft", row.reference());
        }
        NodeInfo to = node(form.recipient());
        store.updateForm(id.value(), form.withRecipient(trimmed(form.recipient())), to == null ? null : country(to),
                to == null ? null : to.name());
        store.step(id.value(), TraceStepKind.EDITED, currentUser.username(), null, null);
        audit.recordWrite("tracing.edit", SUBJECT, id, row.reference());
    }

    /** Checks the draft in full ({@link RequestChecks}, all failures reported together) and queues it for its recipient. */
    @Transactional
    public void send(TraceId id) {
        TraceStore.Row row = locked(id);
        if (row.direction() != Direction.OUTGOING || row.state() != TraceState.DRAFT) {
            throw conflict("tracing.notDraft", row.reference());
        }
        List<Violation> violations = new ArrayList<>(checks.beforeSending(row.form()));
        long photoBytes = store.photoBytes(id.value());
        if (photoBytes > PHOTO_BYTES_LIMIT) {
            // else the peer's inbox refuses the message (413): the request could never leave this node
            violations.add(Violation.of("photos", "tracing.photos.tooLarge", megabytes(photoBytes), megabytes(PHOTO_BYTES_LIMIT)));
        }
        refuseOnHub();
        if (!violations.isEmpty()) {
            throw new UserFacingException(UserFacingException.Kind.INVALID, violations);
        }
        TraceRequestForm f = row.form();
        NodeInfo self = network.self();
        Instant now = store.now();
        List<Payloads.PhotoData> photos = store.photoContents(id.value()).stream()
                .map(p -> new Payloads.PhotoData(p.caption(), p.contentType(), Base64.getEncoder().encodeToString(p.content()))).toList();
        Payloads.Request request = new Payloads.Request(Payloads.VERSION, row.conversationId(), row.reference(), self.id().value(),
                country(self), self.name(), f.recoveryKind().name(), f.recoveredOn(), f.recoveredPlace(), f.circumstances(),
                f.illicitNature(), f.legalBasis(), f.intendedUse(), f.type().name(), f.maker(), f.model(), f.calibre(), f.serial(),
                f.countryOfManufacture(), f.yearOfManufacture(), f.markings(), photos, now);
        network.send(new OutgoingMessage(new NodeId(f.recipient().trim()), row.conversationId().toString(), Payloads.REQUEST,
                payloads.write(request)));
        store.setState(id.value(), TraceState.SENT);
        store.setDue(id.value(), store.today().plusDays(reasonableDays));
        store.step(id.value(), TraceStepKind.SENT, currentUser.username(), f.recipient(), null);
        audit.recordWrite("tracing.send", SUBJECT, id, row.reference() + " to " + f.recipient());
    }

    /** Requests received, latest change first, a page at a time. */
    public Page<TraceSummary> inbox(PageRequest page) {
        return store.list(Direction.INCOMING, page).map(store::summary);
    }

    /** Requests sent (and drafts), latest change first, a page at a time. */
    public Page<TraceSummary> outbox(PageRequest page) {
        return store.list(Direction.OUTGOING, page).map(store::summary);
    }

    /** Requests waiting past the reasonable time: ours unanswered by others, and others' unanswered by us. */
    public List<TraceSummary> overdue() {
        return store.overdue().stream().map(store::summary).toList();
    }

    /** How many requests are overdue (the link above the inbox and outbox). */
    public int overdueCount() {
        return store.overdueCount();
    }

    @Transactional
    public TraceRequest request(TraceId id) {
        TraceStore.Row r = row(id);
        if (r.answer() != null && r.answer().lastLegalHolder() != null && r.answer().lastLegalHolder().name() != null) {
            audit.recordPersonalDataRead("tracing.view", SUBJECT, id);
        }
        return new TraceRequest(id, r.direction(), r.conversationId(), r.reference(), r.counterpartNode(), r.counterpartName(),
                r.counterpartCountry(), r.state(), r.form(), r.answer(), r.dueOn(), r.overdue(store.today()), r.undeliverable(),
                r.createdAt(), r.createdBy(), store.photos(id.value()), store.steps(id.value()));
    }

    /** The photos attached to a request (what its form lists), without reading the rest of it. */
    public List<TraceRequest.PhotoRef> photos(TraceId id) {
        return store.photos(id.value());
    }

    public Optional<TraceStore.PhotoContent> photo(UUID photoId) {
        return store.photo(photoId);
    }

    /**
     * The answer screen of an incoming request: identification runs on what the request reads on the weapon; the chosen
     * record (or the top candidate) gives its history, last legal holder and point of diversion, and a proposed answer.
     */
    @Transactional
    public AnswerScreen answerScreen(TraceId id, WeaponId chosen, boolean includeHolderName) {
        TraceRequest request = request(id);
        if (request.direction() != Direction.INCOMING) {
            throw conflict("tracing.notIncoming", request.reference());
        }
        TraceRequestForm f = request.form();
        Identified identified = f.serial() == null || f.serial().isBlank()
                ? new Identified(null, null, List.of())
                : identification.identify(new Reading(f.serial(), f.maker(), f.model(), f.calibre(), f.type(),
                        f.countryOfManufacture(), f.yearOfManufacture()));
        WeaponId pick = chosen != null ? chosen
                : identified.confident() ? identified.candidates().get(0).weaponId() : null;
        WeaponDetails weapon = pick == null ? null : registry.weapon(pick).orElse(null);
        TraceAnswer proposed = RecordAnswers.propose(weapon, includeHolderName, f.intendedUse(), network.self().name(), store.now());
        return new AnswerScreen(request, identified, weapon, proposed, List.of(Outcome.values()));
    }

    /** Answers an incoming request from the record, once confirmed; the answer goes only to the requesting node. */
    @Transactional
    public void answer(TraceId id, @Valid AnswerForm form) {
        TraceStore.Row row = locked(id);
        if (row.direction() != Direction.INCOMING || row.state() == TraceState.CLOSED) {
            throw conflict("tracing.notAnswerable", row.reference());
        }
        List<Violation> violations = AnswerRules.check(form);
        if (!violations.isEmpty()) {
            throw new UserFacingException(UserFacingException.Kind.INVALID, violations);
        }
        WeaponDetails weapon = null;
        if (form.weaponId() != null && form.outcome() != Outcome.NOT_FOUND) {
            weapon = registry.weapon(new WeaponId(form.weaponId()))
                    .orElseThrow(() -> UserFacingException.invalid("weaponId", "tracing.answer.weapon.unknown", form.weaponId()));
        }
        TraceAnswer drawn = RecordAnswers.propose(weapon, form.includeHolderName(), form.permittedUse(), network.self().name(), store.now());
        boolean restricted = form.outcome() == Outcome.RESTRICTED || form.outcome() == Outcome.NOT_FOUND;
        boolean established = form.originEstablished() != null ? form.originEstablished() : drawn.originEstablished();
        TraceAnswer answer = restricted
                // A restricted answer says why and what it may; the record stays with this state.
                ? new TraceAnswer(form.outcome(), form.outcome() == Outcome.RESTRICTED && established, form.findings(),
                        form.restrictionReason(), form.permittedUse(), null, null, null, null, null, List.of(), drawn.answeredAt(),
                        drawn.answeredBy())
                : new TraceAnswer(form.outcome(), established, form.findings(), null, form.permittedUse(), drawn.manufacturer(),
                        drawn.countryOfManufacture(), drawn.yearOfManufacture(), drawn.lastLegalHolder(), drawn.pointOfDiversion(),
                        drawn.history(), drawn.answeredAt(), drawn.answeredBy());
        network.send(new OutgoingMessage(new NodeId(row.counterpartNode()), row.conversationId().toString(), Payloads.ANSWER,
                payloads.write(new Payloads.Answer(Payloads.VERSION, row.conversationId(), answer))));
        store.setAnswer(id.value(), answer, form.weaponId());
        store.step(id.value(), TraceStepKind.ANSWERED, currentUser.username(), form.outcome().name(), null);
        audit.recordWrite("tracing.answer", SUBJECT, id, row.reference() + " " + form.outcome());
    }

    /**
     * A follow-up question or reply in the request's thread, sent to the other node; none once the request is closed
     * (the row is locked, so a closing under way is waited for, and the message refused after it).
     */
    @Transactional
    public void post(TraceId id, String body) {
        TraceStore.Row row = locked(id);
        if (body == null || body.isBlank()) {
            throw UserFacingException.invalid("body", "tracing.message.required");
        }
        if (body.length() > Payloads.MESSAGE_CHARS) {
            throw UserFacingException.invalid("body", "tracing.message.long", Payloads.MESSAGE_CHARS);
        }
        if (row.state() == TraceState.DRAFT || row.counterpartNode() == null) {
            throw conflict("tracing.notSent", row.reference());
        }
        if (row.state() == TraceState.CLOSED) {
            throw conflict("tracing.message.closed", row.reference());
        }
        String kind = row.direction() == Direction.OUTGOING ? "QUESTION" : "REPLY";
        network.send(new OutgoingMessage(new NodeId(row.counterpartNode()), row.conversationId().toString(), Payloads.MESSAGE,
                payloads.write(new Payloads.Message(Payloads.VERSION, row.conversationId(), kind, body.trim(), currentUser.username(), store.now()))));
        store.step(id.value(), TraceStepKind.MESSAGE_SENT, currentUser.username(), body.trim(), null);
        audit.recordWrite("tracing.message", SUBJECT, id, row.reference());
    }

    /**
     * Closes a request. One this node made (the requester is satisfied, or gives up) is closed on the requested node
     * too: it is told. One this node was asked is closed here only: a closing goes from requester to requested, and the
     * requester refuses one from the node it asked; to tell it, answer the request or write in the thread first. The
     * reason is a message's length at most, as the requested node takes it ({@code ConstraintViolationException}).
     */
    @Transactional
    public void close(TraceId id, @jakarta.validation.constraints.Size(max = Payloads.MESSAGE_CHARS) String reason) {
        TraceStore.Row row = locked(id);
        if (row.state() == TraceState.CLOSED) {
            return;
        }
        boolean tell = row.direction() == Direction.OUTGOING && row.counterpartNode() != null && row.state() != TraceState.DRAFT;
        if (tell) {
            network.send(new OutgoingMessage(new NodeId(row.counterpartNode()), row.conversationId().toString(), Payloads.CLOSE,
                    payloads.write(new Payloads.Close(Payloads.VERSION, row.conversationId(), reason, store.now()))));
        }
        store.setState(id.value(), TraceState.CLOSED);
        store.step(id.value(), TraceStepKind.CLOSED, currentUser.username(), reason, null);
        audit.recordWrite("tracing.close", SUBJECT, id, row.reference()
                + (row.direction() == Direction.INCOMING ? " (on this node only: the requester is not told)" : ""));
    }

    private TraceStore.Row row(TraceId id) {
        return store.find(id.value()).orElseThrow(() -> UserFacingException.notFound("tracing request", id));
    }

    /**
     * The request for a change of its state, locked until the change commits: a double click, or an edit and a send at
     * once, are done one after the other, the second seeing the state the first left (and refused if it no longer fits).
     */
    private TraceStore.Row locked(TraceId id) {
        return store.locked(id.value()).orElseThrow(() -> UserFacingException.notFound("tracing request", id));
    }

    private void copyPhotos(UUID requestId, WeaponId weaponId) {
        registry.weapon(weaponId).ifPresent(w -> w.photos().forEach(p -> registry.photo(p.id())
                .ifPresent(photo -> store.addPhoto(requestId, p.caption(), p.contentType(), photo.content()))));
    }

    private NodeInfo node(String nodeId) {
        return nodeId == null || nodeId.isBlank() ? null : recipients.node(nodeId.trim()).orElse(null);
    }

    private static String country(NodeInfo n) {
        return n.country() == null ? null : n.country().value();
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0));
    }

    private static String trimmed(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String join(String a, String b) {
        String s = ((a == null ? "" : a) + " " + (b == null ? "" : b)).trim();
        return s.isEmpty() ? null : s;
    }

    private static UserFacingException conflict(String code, Object arg) {
        return new UserFacingException(UserFacingException.Kind.CONFLICT, List.of(Violation.of(null, code, arg)));
    }

    /** Kinds of recovery a request may be about. */
    public static List<EventKind> recoveries() {
        return EventKind.RECOVERIES;
    }
}
