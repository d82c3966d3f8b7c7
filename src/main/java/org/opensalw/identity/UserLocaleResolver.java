package org.opensalw.identity;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The interface language: the signed-in user's choice (kept with the user, copied into the session at login),
 * else a cookie, else the browser's Accept-Language among English, French and Spanish.
 */
@Component("localeResolver")
class UserLocaleResolver implements LocaleResolver {

    static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.FRENCH, Locale.forLanguageTag("es"));
    private static final String SESSION_KEY = "opensalw.locale";
    private static final String COOKIE = "opensalw-lang";

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SESSION_KEY) instanceof String tag) {
            return Locale.forLanguageTag(tag);
        }
        if (request.getCookies() != null) {
            for (Cookie c : request.getCookies()) {
                if (COOKIE.equals(c.getName()) && isSupported(c.getValue())) {
                    return Locale.forLanguageTag(c.getValue());
                }
            }
        }
        String header = request.getHeader("Accept-Language");
        if (header != null && !header.isBlank()) {
            try {
                Locale best = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
                if (best != null) {
                    return best;
                }
            } catch (IllegalArgumentException ignored) {
                // a malformed header falls back to English
            }
        }
        return Locale.ENGLISH;
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        String tag = locale == null || !isSupported(locale.getLanguage()) ? "en" : locale.getLanguage();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.setAttribute(SESSION_KEY, tag);
        }
        if (response != null) {
            Cookie cookie = new Cookie(COOKIE, tag);
            cookie.setPath("/");
            cookie.setMaxAge(365 * 24 * 3600);
            cookie.setHttpOnly(true);
            response.addCookie(cookie);
        }
    }

    static boolean isSupported(String tag) {
        return "en".equals(tag) || "fr".equals(tag) || "es".equals(tag);
    }
}
