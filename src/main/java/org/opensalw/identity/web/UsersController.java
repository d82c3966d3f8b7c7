package org.opensalw.identity.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.opensalw.identity.NewUser;
import org.opensalw.identity.Role;
import org.opensalw.identity.UserAccounts;
import org.opensalw.shared.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The administrator's user list: create users (the password is generated and shown once), change roles, disable. */
@Controller
class UsersController {

    private final UserAccounts accounts;
    private final MessageSource messages;

    UsersController(UserAccounts accounts, MessageSource messages) {
        this.accounts = accounts;
        this.messages = messages;
    }

    @GetMapping("/admin/users")
    String users(Model model) {
        model.addAttribute("users", accounts.list());
        model.addAttribute("roles", Role.values());
        return "admin/users";
    }

    @PostMapping("/admin/users")
    String create(@RequestParam String username, @RequestParam String displayName,
            @RequestParam(required = false) List<Role> roles, @RequestParam(defaultValue = "en") String locale,
            Model model, Locale userLocale) {
        try {
            model.addAttribute("created", accounts.create(new NewUser(username.trim(), displayName.trim(),
                    roles == null ? Set.of() : EnumSet.copyOf(roles), locale, null)));
        } catch (RuntimeException e) {
            model.addAttribute("errors", FormErrors.of(e, messages, userLocale));
        }
        return users(model);
    }

    @PostMapping("/admin/users/{id}")
    String update(@PathVariable UUID id, @RequestParam(required = false) List<Role> roles,
            @RequestParam(defaultValue = "false") boolean enabled, Model model, Locale userLocale) {
        try {
            accounts.update(id, roles == null ? Set.of() : roles.stream().collect(Collectors.toUnmodifiableSet()), enabled);
        } catch (RuntimeException e) {
            model.addAttribute("errors", FormErrors.of(e, messages, userLocale));
            return users(model);
        }
        return "redirect:/admin/users";
    }
}
