package org.opensalw.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** {@code ?lang=fr} on any page switches the language and, for a signed-in user, remembers it with the user. */
@Configuration(proxyBeanMethods = false)
class LanguageInterceptor implements WebMvcConfigurer, HandlerInterceptor {

    private final UserLocaleResolver resolver;
    private final UserAccounts accounts;

    LanguageInterceptor(UserLocaleResolver resolver, @org.springframework.context.annotation.Lazy UserAccounts accounts) {
        this.resolver = resolver;
        this.accounts = accounts;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).excludePathPatterns("/api/**", "/css/**", "/webjars/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String lang = request.getParameter("lang");
        if (lang != null && UserLocaleResolver.isSupported(lang)) {
            resolver.setLocale(request, response, Locale.forLanguageTag(lang));
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            if (auth != null && auth.isAuthenticated() && !"anonymousUser".equals(auth.getName())) {
                accounts.changeOwnLocale(lang);
            }
        }
        return true;
    }
}
