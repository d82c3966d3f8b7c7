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
        HttpStatus status = e.kind() == UserFacingException.Kind.NOT_FOUND ? HttpStatus.NOT_FOUND : HttpStatus.UNPROCESSABLE_CONTENT;
        String message = e.violations().stream().map(v -> Messages.resolve(messages, v, locale)).reduce((a, b) -> a + " " + b).orElse("");
        return page(status, message);
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
