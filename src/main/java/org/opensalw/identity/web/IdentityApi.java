package org.opensalw.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.opensalw.identity.ApiTokenInfo;
import org.opensalw.identity.AuditEntry;
import org.opensalw.identity.AuditFilter;
import org.opensalw.identity.AuditKind;
import org.opensalw.identity.AuditTrail;
import org.opensalw.identity.CurrentUser;
import org.opensalw.identity.NewCredential;
import org.opensalw.identity.NewToken;
import org.opensalw.identity.NewUser;
import org.opensalw.identity.Role;
import org.opensalw.identity.UserAccount;
import org.opensalw.identity.UserAccounts;
import org.opensalw.shared.Page;
import org.opensalw.shared.PageRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Identity and audit", description = "Users, roles, API tokens, the caller's own account, and the audit trail")
class IdentityApi {

    record Me(String username, Set<Role> roles, boolean seesPersonalData) {
    }

    record LocaleChange(String locale) {
    }

    record PasswordChange(String currentPassword, String newPassword) {
    }

    record TokenRequest(String name,
            @io.swagger.v3.oas.annotations.media.Schema(description = "Days the token is valid, 1 to 365; 90 when absent") Integer days) {
    }

    record UserUpdate(Set<Role> roles, boolean enabled) {
    }

    private final UserAccounts accounts;
    private final AuditTrail audit;
    private final CurrentUser currentUser;

    IdentityApi(UserAccounts accounts, AuditTrail audit, CurrentUser currentUser) {
        this.accounts = accounts;
        this.audit = audit;
        this.currentUser = currentUser;
    }

    @GetMapping("/api/me")
    @Operation(summary = "Who the caller is and what roles they hold")
    Me me() {
        return new Me(currentUser.username(), currentUser.roles(), currentUser.seesPersonalData());
    }

    @PutMapping("/api/me/locale")
    @Operation(summary = "Set the caller's interface language: en, fr or es")
    Me locale(@RequestBody LocaleChange change) {
        accounts.changeOwnLocale(change.locale());
        return me();
    }

    @PostMapping("/api/me/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Change the caller's password (10 characters or more)",
            description = "Also ends the caller's other web sessions and revokes all the caller's API tokens.")
    void password(@RequestBody PasswordChange change) {
        accounts.changeOwnPassword(change.currentPassword(), change.newPassword());
    }

    @PostMapping("/api/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create an API token for the caller",
            description = "The token is returned once; only its SHA-256 is kept. Call with HTTP Basic to get a first token,"
                    + " then send 'Authorization: Bearer TOKEN'. It is refused (401) after expiresAt (90 days unless 'days' says"
                    + " otherwise, at most 365), once revoked, once its owner changes their password, and while its owner is"
                    + " disabled. A token cannot create tokens.")
    NewToken createToken(@RequestBody(required = false) TokenRequest request) {
        return accounts.createOwnToken(request == null ? null : request.name(), request == null ? null : request.days());
    }

    @GetMapping("/api/tokens")
    @Operation(summary = "The caller's API tokens (never the tokens themselves)")
    List<ApiTokenInfo> tokens() {
        return accounts.ownTokens();
    }

    @PostMapping("/api/tokens/{id}/revoke")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke one of the caller's API tokens")
    void revoke(@PathVariable UUID id) {
        accounts.revokeOwnToken(id);
    }

    @GetMapping("/api/users")
    @Operation(summary = "List users (ADMIN)")
    List<UserAccount> users() {
        return accounts.list();
    }

    @PostMapping("/api/users")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a user (ADMIN)", description = "Without a password one is generated and returned once; a given"
            + " password has 10 characters or more, as a changed one. A user name equal to an existing one but for capitals is refused.")
    NewCredential createUser(@RequestBody NewUser user) {
        return accounts.create(user);
    }

    @PutMapping("/api/users/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Change a user's roles or disable them (ADMIN)")
    void updateUser(@PathVariable UUID id, @RequestBody UserUpdate update) {
        accounts.update(id, update.roles() == null ? Set.of() : update.roles(), update.enabled());
    }

    @GetMapping("/api/audit")
    @PreAuthorize("hasRole('AUDITOR')") // as the audit trail itself, before the filter is checked
    @Operation(summary = "Browse the audit trail, newest first (AUDITOR)",
            description = "from and to are dates (UTC), both inclusive; a period whose to is before its from is refused (422).")
    Page<AuditEntry> audit(@RequestParam(required = false) String username, @RequestParam(required = false) AuditKind kind,
            @RequestParam(required = false) String subject,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        return audit.search(new AuditFilter(username, kind, subject, from, to), new PageRequest(page, size));
    }

    @GetMapping(value = "/api/audit/export.csv", produces = "text/csv")
    @PreAuthorize("hasRole('AUDITOR')") // as the audit trail itself, before the filter is checked
    @Operation(summary = "Export the audit trail as CSV, oldest first (AUDITOR); the export itself is audited")
    void export(@RequestParam(required = false) String username, @RequestParam(required = false) AuditKind kind,
            @RequestParam(required = false) String subject,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            HttpServletResponse response) throws IOException {
        AuditFilter filter = new AuditFilter(username, kind, subject, from, to); // refused (422) before any CSV is begun
        response.setContentType("text/csv; charset=UTF-8");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        audit.exportCsv(filter, response.getWriter());
    }
}
