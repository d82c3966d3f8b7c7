package org.opensalw.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.opensalw.TestDatabase;
import org.opensalw.shared.UserFacingException;
import org.opensalw.shared.Violation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/** A list of makers exchanged between ministries: every bad line is named, and nothing of a bad file is saved. */
@TestDatabase
@WithMockUser(username = "reference-admin", roles = "ADMIN")
class ReferenceFilesTests {

    @Autowired
    ReferenceFiles files;
    @Autowired
    References references;

    @Test
    void shouldNameEachBadLineOfAMakersFileAndSaveNothing() {
        int before = references.makers().size();
        String csv = """
                code,name,country,aliases,former_names,factory_codes,marking_notes,source
                GOODONE,Good One Arms,FR,,,,,https://example.org/good
                SHORTLINE,Short Line Arms
                LONGNAME,%s,FR,,,,,
                SCRIPTED,Scripted Arms,FR,,,,,javascript:alert(1)
                """.formatted("N".repeat(250));

        assertThatThrownBy(() -> files.importMakers(new StringReader(csv))).isInstanceOfSatisfying(UserFacingException.class, e ->
                assertThat(e.violations()).extracting(Violation::field).containsExactly("line 3", "line 4", "line 5"));

        assertThat(references.makers()).hasSize(before);
        assertThat(references.maker("GOODONE")).isEmpty();
    }
}
