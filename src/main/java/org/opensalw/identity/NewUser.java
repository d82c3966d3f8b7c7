package org.opensalw.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;

/** What an administrator gives to create a user; the password is generated unless given (10 characters or more, as any password). */
public record NewUser(
        @NotBlank @Pattern(regexp = "[a-zA-Z0-9._@-]{3,64}", message = "{user.username.pattern}") String username,
        @NotBlank @Size(max = 200) String displayName,
        @NotEmpty Set<Role> roles,
        @Pattern(regexp = "en|fr|es", message = "{user.locale.pattern}") String locale,
        @Size(min = UserAccounts.MIN_PASSWORD_CHARS, max = 200) String password) {
}
