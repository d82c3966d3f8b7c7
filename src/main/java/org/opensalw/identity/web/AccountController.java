package org.opensalw.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.UUID;
import org.opensalw.identity.UserAccounts;
import org.opensalw.shared.FormErrors;
import org.opensalw.shared.UserFacingException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in user's own settings: language, password, API tokens. */
@Controller
class AccountController {

    private final UserAccounts accounts;
    private final LocaleResolver locales;
    private final MessageSource messages;

    AccountController(UserAccounts accounts, LocaleResolver locales, MessageSource messages) {
        this.accounts = accounts;
        this.locales = locales;
        this.messages = messages;
    }

    @GetMapping("/account")
    String account(Model model) {
        model.addAttribute("tokens", accounts.ownTokens());
        model.addAttribute("tokenDays", java.util.List.of(30, UserAccounts.TOKEN_DAYS, 180, UserAccounts.TOKEN_MAX_DAYS));
        model.addAttribute("defaultTokenDays", UserAccounts.TOKEN_DAYS);
        return "account/account";
    }

    @PostMapping("/account/language")
    String language(@RequestParam String locale, HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        accounts.changeOwnLocale(locale);
        locales.setLocale(request, response, Locale.forLanguageTag(locale));
        return "redirect:/account";
    }

    @PostMapping("/account/password")
    String password(@RequestParam String currentPassword, @RequestParam String newPassword, Model model, Locale locale) {
        try {
            accounts.changeOwnPassword(currentPassword, newPassword);
            model.addAttribute("notice", messages.getMessage("account.password.changed", null, locale));
        } catch (UserFacingException e) {
            model.addAttribute("errors", FormErrors.of(e, messages, locale));
        }
        return account(model);
    }

    @PostMapping("/account/tokens")
    String createToken(@RequestParam String name, @RequestParam(required = false) String days, Model model, Locale locale) {
        try {
            model.addAttribute("newToken", accounts.createOwnToken(name, days(days)));
        } catch (UserFacingException e) {
            model.addAttribute("errors", FormErrors.of(e, messages, locale));
        }
        return account(model);
    }

    /**
     * The days chosen in the form, taken as text: a value that is no whole number (the list offers only numbers, so a
     * tampered form) is refused on the page as a number out of range is, not with a bare 400 from the binding.
     */
    private static Integer days(String days) {
        if (days == null || days.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(days.trim());
        } catch (NumberFormatException e) {
            throw UserFacingException.invalid("days", "token.days", UserAccounts.TOKEN_MAX_DAYS);
        }
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revokeToken(@PathVariable UUID id) {
        accounts.revokeOwnToken(id);
        return "redirect:/account";
    }
}
