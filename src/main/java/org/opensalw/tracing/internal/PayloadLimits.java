package org.opensalw.tracing.internal;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Size;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.opensalw.shared.Texts;
import org.opensalw.tracing.AnswerForm;
import org.opensalw.tracing.TraceAnswer;
import org.opensalw.tracing.TraceRequestForm;
import org.springframework.stereotype.Component;

/**
 * The sizes a peer's request, answer, thread message or closing must keep: those this node keeps before anything is
 * sent. What an officer writes is held to this node's own forms (the {@code @Size} limits of {@link TraceRequestForm},
 * its markings and {@link AnswerForm}, the {@value Payloads#MESSAGE_CHARS} characters of a message or of a closing's
 * reason, a user name's {@value #AUTHOR_CHARS}); what an answer draws from the answering register, to the register's own
 * forms (a maker's name, a holder's name, an event's place, a country). A node running OpenSALW sends nothing longer,
 * so what is longer is refused rather than stored, with the fields named: a request or an answer is the other state's
 * word, kept as given or not at all (an answer cut short would read as another answer).
 * <p>
 * Photos are the exception, as they are for their types: this node's register puts no limit on a photo's caption nor
 * on the photos of a weapon, so a node running OpenSALW may send more. What is over costs the request nothing: a
 * caption is cut ({@link #caption}), the photos after the first {@value #PHOTOS} are not taken (and audited).
 */
@Component
class PayloadLimits {

    /** The longest reference a requester gives its request (this node's own, TR-node-year-number, stay under 60). */
    static final int REFERENCE_CHARS = 100;
    /** The author of a thread message: a user name of the sending node, 3 to 64 characters (identity's NewUser), or "system". */
    static final int AUTHOR_CHARS = 64;
    /** A maker, as the register names it: a maker of the reference list or the name as marked (MakerForm, WeaponDescription). */
    static final int MAKER_CHARS = 200;
    /** A holder's name, as the register's holder form and imports take it (registry HolderForm). */
    static final int HOLDER_CHARS = 300;
    /** The place of an event, as the register's event form takes it (registry EventCommand). */
    static final int PLACE_CHARS = 300;
    /** A kind an answer names (an event's, a holder's): the register's are names of under 20 letters; as a marking's kind. */
    static final int KIND_CHARS = 40;
    /** A country: ISO 3166 alpha-2, as every country field of this node. */
    static final int COUNTRY_CHARS = 2;
    /** The name of the node that answered: the bound a node's own name is held to at start. */
    static final int NAME_CHARS = org.opensalw.network.NodeNetwork.NAME_CHARS;
    /** The lines of history an answer carries: one per lifecycle event recorded on the weapon, far fewer in any register. */
    static final int HISTORY_LINES = 1000;
    /** The photos a request keeps; those after are not taken. */
    static final int PHOTOS = 50;
    /** A photo's caption as kept: a longer one is cut (the register's captions have no limit; a marking's text takes 300). */
    static final int CAPTION_CHARS = 300;

    private final Validator validator;

    PayloadLimits(Validator validator) {
        this.validator = validator;
    }

    /**
     * What is too long in a received request, e.g. {@code circumstances: 4001 characters, at most 4000}, or
     * {@code markings: 101 items, at most 100}; empty if nothing.
     */
    List<String> request(TraceRequestForm form, String reference) {
        return Stream.concat(tooLong("reference", reference, REFERENCE_CHARS), sizes(form)).toList();
    }

    /**
     * What is too long in a received answer: the text the answering officer writes, held to the answer form's limits,
     * and what is drawn from the answering register (maker, holder, point of diversion, history, the answering node),
     * held to the register's.
     */
    List<String> answer(TraceAnswer a) {
        Stream<String> written = sizes(new AnswerForm(a.outcome(), null, a.findings(), a.restrictionReason(), a.permittedUse(),
                a.originEstablished(), false));
        Stream<String> drawn = Stream.of(tooLong("manufacturer", a.manufacturer(), MAKER_CHARS),
                tooLong("countryOfManufacture", a.countryOfManufacture(), COUNTRY_CHARS), holder(a.lastLegalHolder()),
                diversion(a.pointOfDiversion()), history(a.history()), tooLong("answeredBy", a.answeredBy(), NAME_CHARS))
                .flatMap(s -> s);
        return Stream.concat(written, drawn).toList();
    }

    /** What is too long in a received question, reply or reminder: its body, or its author. */
    List<String> message(Payloads.Message m) {
        return Stream.concat(tooLong("author", m.author(), AUTHOR_CHARS), tooLong("body", m.body(), Payloads.MESSAGE_CHARS)).toList();
    }

    /** What is too long in a received closing: its reason, which an officer of this node writes as a message. */
    List<String> close(Payloads.Close c) {
        return tooLong("reason", c.reason(), Payloads.MESSAGE_CHARS).toList();
    }

    /** A received photo's caption as kept: cut to {@value #CAPTION_CHARS} characters, ending with "…" when cut. */
    static String caption(String caption) {
        return Texts.cut(caption, CAPTION_CHARS);
    }

    private static Stream<String> holder(TraceAnswer.Holder h) {
        return h == null ? Stream.empty() : Stream.of(tooLong("lastLegalHolder.name", h.name(), HOLDER_CHARS),
                tooLong("lastLegalHolder.kind", h.kind(), KIND_CHARS),
                tooLong("lastLegalHolder.country", h.country(), COUNTRY_CHARS)).flatMap(s -> s);
    }

    private static Stream<String> diversion(TraceAnswer.Diversion d) {
        return d == null ? Stream.empty() : Stream.of(tooLong("pointOfDiversion.event", d.event(), KIND_CHARS),
                tooLong("pointOfDiversion.place", d.place(), PLACE_CHARS),
                tooLong("pointOfDiversion.country", d.country(), COUNTRY_CHARS)).flatMap(s -> s);
    }

    /** Too many lines, or the lines with a field too long (not looked at one by one when there are too many). */
    private static Stream<String> history(List<TraceAnswer.HistoryLine> lines) {
        if (lines.size() > HISTORY_LINES) {
            return Stream.of("history: " + lines.size() + " items, at most " + HISTORY_LINES);
        }
        return IntStream.range(0, lines.size()).boxed().flatMap(i -> {
            TraceAnswer.HistoryLine h = lines.get(i);
            String at = "history[" + i + "].";
            return Stream.of(tooLong(at + "event", h.event(), KIND_CHARS), tooLong(at + "place", h.place(), PLACE_CHARS),
                    tooLong(at + "country", h.country(), COUNTRY_CHARS), tooLong(at + "holder", h.holder(), HOLDER_CHARS))
                    .flatMap(s -> s);
        });
    }

    private <T> Stream<String> sizes(T bean) {
        return validator.validate(bean).stream()
                .filter(v -> v.getConstraintDescriptor().getAnnotation() instanceof Size)
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .map(PayloadLimits::describe);
    }

    private static String describe(ConstraintViolation<?> v) {
        Object value = v.getInvalidValue();
        String length = value instanceof CharSequence text ? text.length() + " characters"
                : value instanceof Collection<?> items ? items.size() + " items" : "too long";
        return v.getPropertyPath() + ": " + length + ", at most " + v.getConstraintDescriptor().getAttributes().get("max");
    }

    private static Stream<String> tooLong(String field, String value, int max) {
        return value != null && value.length() > max ? Stream.of(field + ": " + value.length() + " characters, at most " + max)
                : Stream.empty();
    }
}
