package org.opensalw;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the OpenAPI description says of the API as a whole: how to sign in (HTTP Basic or a bearer token, both
 * offered by the API explorer's "Authorize"), the language of messages, and the shape of every refusal.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    private static final String DESCRIPTION = """
            The JSON API of an OpenSALW node: every action of the pages is here too, under the same roles \
            (ADMIN, REGISTRAR, INVESTIGATOR, AUDITOR, READ_ONLY).

            **Signing in.** Send HTTP Basic (user name and password) or `Authorization: Bearer TOKEN`. Create a token \
            with `POST /api/tokens` (signed in with a password); it lasts 90 days unless you ask for 1 to 365, and ends \
            when revoked or when its owner changes password. Five wrong passwords for one user from one address lock \
            that address out for 15 minutes.

            **Languages.** Messages come in the language of `Accept-Language`: English, French or Spanish.

            **Refusals** are JSON: `{"status":422,"error":"...","path":"...","violations":[{"field":"...","code":"...",\
            "message":"..."}]}`. 400: unreadable request; 401: not signed in; 403: the role may not; 404: unknown id; \
            409: changed meanwhile or already done; 422: a rule refused it, with the field named.

            **Records are never deleted.** Mistakes in the register are voided by a later record, with a reason; every \
            write is in the audit trail with who made it.""";

    @Bean
    OpenAPI openApi() {
        return new OpenAPI()
                .info(new Info().title("OpenSALW API").version("0.1")
                        .description(DESCRIPTION))
                .components(new Components()
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
                        .addSecuritySchemes("token", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("An API token from POST /api/tokens or the 'My account' page")))
                .addSecurityItem(new SecurityRequirement().addList("basic"))
                .addSecurityItem(new SecurityRequirement().addList("token"));
    }
}
