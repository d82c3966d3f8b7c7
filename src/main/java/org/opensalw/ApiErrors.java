package org.opensalw;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.opensalw.shared.UserFacingException;
import org.opensalw.shared.Messages;
import org.opensalw.shared.Violation;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Errors of the JSON API: every refusal says what was wrong and where, in the caller's language
 * (Accept-Language), as {@code {"status":400,"error":"...","violations":[{"field":...,"code":...,"message":...}]}}.
 */
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class ApiErrors {

    /** The body of every API error. */
    record ApiError(int status, String error, String path, List<ApiViolation> violations) {
    }

    record ApiViolation(String field, String code, String message) {
    }

    private final MessageSource messages;

    ApiErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(UserFacingException.class)
    ResponseEntity<ApiError> userFacing(UserFacingException e, HttpServletRequest request) {
        HttpStatus status = switch (e.kind()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case INVALID -> HttpStatus.UNPROCESSABLE_CONTENT;
        };
        return body(status, request, e.violations().stream().map(this::resolve).toList());
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ApiError> invalidBody(MethodArgumentNotValidException e, HttpServletRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        List<ApiViolation> violations = e.getBindingResult().getAllErrors().stream()
                .map(err -> new ApiViolation(err instanceof FieldError fe ? fe.getField() : null,
                        err.getCode(), messages.getMessage(err, locale)))
                .toList();
        return body(HttpStatus.UNPROCESSABLE_CONTENT, request, violations);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ApiError> invalidArguments(HandlerMethodValidationException e, HttpServletRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        List<ApiViolation> violations = e.getAllErrors().stream()
                .map(err -> new ApiViolation(err instanceof FieldError fe ? fe.getField() : null, null,
                        messages.getMessage(err, locale)))
                .toList();
        return body(HttpStatus.UNPROCESSABLE_CONTENT, request, violations);
    }

    @ExceptionHandler(jakarta.validation.ConstraintViolationException.class)
    ResponseEntity<ApiError> constraintViolation(jakarta.validation.ConstraintViolationException e, HttpServletRequest request) {
        List<ApiViolation> violations = e.getConstraintViolations().stream()
                .map(v -> new ApiViolation(fieldOf(v.getPropertyPath().toString()), null, v.getMessage())).toList();
        return body(HttpStatus.UNPROCESSABLE_CONTENT, request, violations);
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class})
    ResponseEntity<ApiError> unreadable(Exception e, HttpServletRequest request) {
        ApiViolation field = fieldOf(e);
        if (field != null) {
            return body(HttpStatus.BAD_REQUEST, request, List.of(field));
        }
        String detail = e.getMessage() == null ? "" : e.getMessage().split("\n")[0];
        return body(HttpStatus.BAD_REQUEST, request, List.of(new ApiViolation(null, "request.unreadable",
                messages.getMessage("request.unreadable", new Object[] {detail}, LocaleContextHolder.getLocale()))));
    }

    /** A value that does not fit its field or parameter: named, with the choices when it takes one of a list. */
    private ApiViolation notFitting(String field, Object value, Class<?> type) {
        Locale locale = LocaleContextHolder.getLocale();
        if (type != null && type.isEnum()) {
            String choices = String.join(", ", Arrays.stream(type.getEnumConstants()).map(String::valueOf).toList());
            return new ApiViolation(field, "request.field.choice",
                    messages.getMessage("request.field.choice", new Object[] {field, String.valueOf(value), choices}, locale));
        }
        return new ApiViolation(field, "request.field.invalid",
                messages.getMessage("request.field.invalid", new Object[] {field, String.valueOf(value)}, locale));
    }

    /**
     * A JSON body with a value that does not fit its field (a missing number or yes/no, a word where a number or date
     * goes, an unknown code), or a path or query value that does not fit its parameter, is named by its field and said in
     * the caller's words, without the JSON reader's or the framework's internals.
     */
    private ApiViolation fieldOf(Exception e) {
        if (e instanceof MethodArgumentTypeMismatchException m) { // a path or query parameter: named by its name
            return notFitting(m.getName(), m.getValue(), m.getRequiredType());
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof tools.jackson.core.JacksonException j && !j.getPath().isEmpty()) {
                StringBuilder path = new StringBuilder();
                for (tools.jackson.core.JacksonException.Reference r : j.getPath()) {
                    if (r.getPropertyName() != null) {
                        path.append(path.isEmpty() ? "" : ".").append(r.getPropertyName());
                    } else if (r.getIndex() >= 0) {
                        path.append('[').append(r.getIndex()).append(']');
                    }
                }
                String field = path.toString();
                Locale locale = LocaleContextHolder.getLocale();
                if (j instanceof tools.jackson.databind.exc.InvalidFormatException f) {
                    return notFitting(field, f.getValue(), f.getTargetType());
                }
                String code = String.valueOf(j.getOriginalMessage()).contains("null") ? "request.field.required" : "request.field.kind";
                return new ApiViolation(field, code, messages.getMessage(code, new Object[] {field}, locale));
            }
        }
        return null;
    }

    /** A required query parameter left out: named, as JSON (the web pages' handler would answer with an HTML page). */
    @ExceptionHandler(org.springframework.web.bind.MissingServletRequestParameterException.class)
    ResponseEntity<ApiError> missingParameter(org.springframework.web.bind.MissingServletRequestParameterException e,
            HttpServletRequest request) {
        String name = e.getParameterName();
        return body(HttpStatus.BAD_REQUEST, request, List.of(new ApiViolation(name, "request.field.required",
                messages.getMessage("request.field.required", new Object[] {name}, LocaleContextHolder.getLocale()))));
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    ResponseEntity<ApiError> denied(Exception e, HttpServletRequest request) {
        return body(HttpStatus.FORBIDDEN, request, List.of(new ApiViolation(null, "access.denied",
                messages.getMessage("access.denied", null, LocaleContextHolder.getLocale()))));
    }

    /** A constraint of the database refused the write (two people doing the same at once): said without the SQL. */
    @ExceptionHandler(org.springframework.dao.DataIntegrityViolationException.class)
    ResponseEntity<ApiError> conflict(Exception e, HttpServletRequest request) {
        org.slf4j.LoggerFactory.getLogger(ApiErrors.class).warn("Refused by a database constraint: {} {}", request.getMethod(),
                request.getRequestURI(), e);
        return body(HttpStatus.CONFLICT, request, List.of(new ApiViolation(null, "request.conflict",
                messages.getMessage("request.conflict", null, LocaleContextHolder.getLocale()))));
    }

    private ApiViolation resolve(Violation v) {
        return new ApiViolation(v.field(), v.code(), Messages.resolve(messages, v, LocaleContextHolder.getLocale()));
    }

    private static String fieldOf(String path) {
        // "register.registration.description.serial" -> "description.serial"
        String[] parts = path.split("\\.", 3);
        return parts.length == 3 ? parts[2] : path;
    }

    private static ResponseEntity<ApiError> body(HttpStatus status, HttpServletRequest request, List<ApiViolation> violations) {
        // JSON also when the refused endpoint produces something else (a CSV export of an unknown batch): without a set
        // type, the error would be negotiated against text/csv, fail, and become a 500
        return ResponseEntity.status(status).contentType(org.springframework.http.MediaType.APPLICATION_JSON).body(new ApiError(status.value(), status.getReasonPhrase(), request.getRequestURI(), violations));
    }
}
