package org.opensalw;

import java.util.Locale;
import org.opensalw.shared.Messages;
import org.opensalw.shared.UserFacingException;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/** Errors on web pages: a page in the user's language that says what was wrong, with the right HTTP status. */
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.LOWEST_PRECEDENCE)
@ControllerAdvice(annotations = Controller.class)
class WebErrors {

    private final MessageSource messages;

    WebErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(UserFacingException.class)
    ModelAndView userFacing(UserFacingException e, Locale locale) {
        HttpStatus status = switch (e.kind()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case INVALID -> HttpStatus.UNPROCESSABLE_CONTENT;
        };
        String message = e.violations().stream().map(v -> Messages.resolve(messages, v, locale)).reduce((a, b) -> a + " " + b).orElse("");
        return page(status, message);
    }

    /**
     * An address whose parameter is not one the page takes (a status or kind typed or edited by hand): the error page
     * names the parameter and what it takes, instead of the framework's JSON.
     */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView badParameter(MethodArgumentTypeMismatchException e, Locale locale) {
        Class<?> type = e.getRequiredType();
        String value = String.valueOf(e.getValue());
        String message = type != null && type.isEnum()
                ? messages.getMessage("request.param.choice", new Object[] {e.getName(), value,
                        String.join(", ", java.util.Arrays.stream(type.getEnumConstants()).map(String::valueOf).toList())}, locale)
                : messages.getMessage("request.param.invalid", new Object[] {e.getName(), value}, locale);
        return page(HttpStatus.BAD_REQUEST, message);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ModelAndView missingParameter(MissingServletRequestParameterException e, Locale locale) {
        return page(HttpStatus.BAD_REQUEST, messages.getMessage("request.param.missing", new Object[] {e.getParameterName()}, locale));
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    ModelAndView denied(Locale locale) {
        return page(HttpStatus.FORBIDDEN, messages.getMessage("access.denied", null, locale));
    }

    private static ModelAndView page(HttpStatus status, String message) {
        ModelAndView mv = new ModelAndView("error");
        mv.setStatus(status);
        mv.addObject("status", status.value());
        mv.addObject("message", message);
        return mv;
    }

}
