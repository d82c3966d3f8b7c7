package org.opensalw.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opensalw.TestDatabase;
import org.opensalw.identity.NewUser;
import org.opensalw.identity.Role;
import org.opensalw.identity.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/** The reference data API: files are imported at the address of what they hold, and nowhere else. */
@TestDatabase
class ReferenceApiTests {

    private static final String PASSWORD = "api-reference-password";

    @LocalServerPort
    int port;
    @Autowired
    UserAccounts accounts;
    @Autowired
    References references;

    record Answer(int status, String body) {
    }

    private Answer upload(String user, String path, String csv) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource(csv.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "makers.csv";
            }
        });
        return RestClient.create("http://localhost:" + port).post().uri(path).headers(h -> h.setBasicAuth(user, PASSWORD))
                .contentType(MediaType.MULTIPART_FORM_DATA).body(form)
                .exchange((req, res) -> new Answer(res.getStatusCode().value(), new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8)));
    }

    @Test
    void shouldImportMakersOnlyAtTheMakersAddress() {
        String s = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String admin = "ref-admin-" + s.toLowerCase();
        accounts.createUnchecked(new NewUser(admin, "Reference admin", Set.of(Role.ADMIN), "en", PASSWORD));
        String csv = "code,name,country,aliases,former_names,factory_codes,marking_notes,source\n" + "WIDGET" + s + ",Widget Arms,FR,,,,,\n";

        assertThat(upload(admin, "/api/reference/widgets/import", csv).status()).isEqualTo(404);
        assertThat(references.maker("WIDGET" + s)).as("not taken as a makers file").isEmpty();

        Answer saved = upload(admin, "/api/reference/makers/import", csv);
        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.body()).contains("\"saved\":1");
        assertThat(references.maker("WIDGET" + s)).isPresent();
    }
}
