package org.opensalw.tracing.internal;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Size;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.opensalw.tracing.AnswerForm;
import org.opensalw.tracing.TraceAnswer;
import org.opensalw.tracing.TraceRequestForm;
import org.springframework.stereotype.Component;

/**
 * The sizes a peer's request, answer or thread message must keep: those this node's own forms keep before anything
 * is sent (the {@code @Size} limits of {@link TraceRequestForm}, its markings and {@link AnswerForm}, and the
 * {@value Payloads#MESSAGE_CHARS} characters of a message). A node running OpenSALW sends nothing longer, so what is
 * longer is refused rather than stored.
 */
@Component
class PayloadLimits {

    /** The longest reference a requester gives its request (this node's own, TR-node-year-number, stay under 60). */
    static final int REFERENCE_CHARS = 100;

    private final Validator validator;

    PayloadLimits(Validator validator) {
        this.validator = validator;
    }

    /** What is too long in a received request, e.g. {@code circumstances: 4001 characters, at most 4000}; empty if nothing. */
    List<String> request(TraceRequestForm form, String reference) {
        return Stream.concat(tooLong("reference", reference, REFERENCE_CHARS), sizes(form)).toList();
    }

    /**
     * What is too long in a received answer: the text the answering officer writes, held to the answer form's limits.
     * The rest (history, holder, places) is drawn from the answering register, whose fields have limits of their own.
     */
    List<String> answer(TraceAnswer a) {
        return sizes(new AnswerForm(a.outcome(), null, a.findings(), a.restrictionReason(), a.permittedUse(), a.originEstablished(),
                false)).toList();
    }

    /** What is too long in a received question, reply or reminder. */
    List<String> message(Payloads.Message m) {
        return tooLong("body", m.body(), Payloads.MESSAGE_CHARS).toList();
    }

    private <T> Stream<String> sizes(T bean) {
        return validator.validate(bean).stream()
                .filter(v -> v.getConstraintDescriptor().getAnnotation() instanceof Size)
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .map(PayloadLimits::describe);
    }

    private static String describe(ConstraintViolation<?> v) {
        Object value = v.getInvalidValue();
        String length = value instanceof CharSequence text ? text.length() + " characters" : "too long";
        return v.getPropertyPath() + ": " + length + ", at most " + v.getConstraintDescriptor().getAttributes().get("max");
    }

    private static Stream<String> tooLong(String field, String value, int max) {
        return value != null && value.length() > max ? Stream.of(field + ": " + value.length() + " characters, at most " + max)
                : Stream.empty();
    }
}
