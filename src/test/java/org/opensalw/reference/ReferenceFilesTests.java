package org.opensalw.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opensalw.TestDatabase;
import org.opensalw.shared.UserFacingException;
import org.opensalw.shared.Violation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * A list of makers exchanged between ministries: every bad line is named, nothing of a bad file is saved, and a blank
 * cell keeps what the list has.
 */
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

    private static final String MAKERS_HEADER = "code,name,country,aliases,former_names,factory_codes,marking_notes,source\n";
    private static final String MODELS_HEADER = "maker_code,name,type,calibre,serial_format,source\n";

    private static String code(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8).toUpperCase().replace('-', '_');
    }

    private Maker maker(String code) {
        return references.saveMaker(new MakerForm(code, "Kept Arms", "RU", List.of("Alias of " + code, "KA"), List.of("Old Kept Works"),
                List.of("arrow in triangle"), "Marks the receiver.", "https://example.org/kept"));
    }

    @Test
    void shouldKeepAMakersAliasesNamesAndMarksWhereItsCellsAreBlank() {
        String code = code("KEEP");
        maker(code);

        assertThat(files.importMakers(new StringReader(MAKERS_HEADER + code + ",Overwritten!,RU,,,,,\n"))).isEqualTo(1);

        Maker kept = references.maker(code).orElseThrow();
        assertThat(kept.name()).isEqualTo("Overwritten!");
        assertThat(kept.aliases()).containsExactly("Alias of " + code, "KA");
        assertThat(kept.formerNames()).containsExactly("Old Kept Works");
        assertThat(kept.factoryCodes()).containsExactly("arrow in triangle");
        assertThat(kept.markingNotes()).isEqualTo("Marks the receiver.");
        assertThat(kept.source()).isEqualTo("https://example.org/kept");
        assertThat(references.findMakerByAnyName("alias of " + code)).map(Maker::code).contains(code);

        files.importMakers(new StringReader(MAKERS_HEADER + code + ",,,New Alias,,,,\n"));
        assertThat(references.maker(code).orElseThrow()).satisfies(m -> {
            assertThat(m.name()).as("a blank name keeps the name").isEqualTo("Overwritten!");
            assertThat(m.country()).isEqualTo("RU");
            assertThat(m.aliases()).as("a filled cell replaces").containsExactly("New Alias");
            assertThat(m.factoryCodes()).containsExactly("arrow in triangle");
        });
    }

    @Test
    void shouldKeepAModelsTypeCalibreAndFormatWhereItsCellsAreBlank() {
        String code = code("KEEPM");
        maker(code);
        references.saveModel(new ModelForm(code, "KM-1", WeaponType.SELF_LOADING_PISTOL, "9x18mm", "AA 9999", "https://example.org/km1"));

        assertThat(files.importModels(new StringReader(MODELS_HEADER + code + ",km-1,,,,\n"))).isEqualTo(1);

        assertThat(references.models(code)).singleElement().satisfies(m -> {
            assertThat(m.name()).as("the model of that name, as stored").isEqualTo("KM-1");
            assertThat(m.type()).isEqualTo(WeaponType.SELF_LOADING_PISTOL);
            assertThat(m.calibre()).isEqualTo("9x18mm");
            assertThat(m.serialFormat()).isEqualTo("AA 9999");
            assertThat(m.source()).isEqualTo("https://example.org/km1");
        });
    }

    @Test
    void shouldRefuseACodeGivenTwiceNamingBothLines() {
        String code = code("TWICE");
        String makers = MAKERS_HEADER + code + ",First Arms,FR,,,,,\n" + code + ",Second Arms,FR,,,,,\n";

        assertThatThrownBy(() -> files.importMakers(new StringReader(makers))).isInstanceOfSatisfying(UserFacingException.class, e ->
                assertThat(e.violations()).singleElement().satisfies(v -> {
                    assertThat(v.field()).isEqualTo("line 3");
                    assertThat(v.code()).isEqualTo("reference.import.duplicate");
                    assertThat(v.args()).containsExactly(3L, code, 2L);
                }));
        assertThat(references.maker(code)).isEmpty();

        maker(code);
        String models = MODELS_HEADER + code + ",TW-1,SELF_LOADING_PISTOL,,,\n" + code + ",tw-1,RIFLE,,,\n";
        assertThatThrownBy(() -> files.importModels(new StringReader(models))).isInstanceOfSatisfying(UserFacingException.class, e ->
                assertThat(e.violations()).extracting(Violation::field, Violation::code)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("line 3", "reference.import.duplicate")));
        assertThat(references.models(code)).isEmpty();
    }

    @Test
    void shouldNameEveryLineWithAnUnknownCountry() {
        String first = code("NOWHERE");
        String second = code("NOWHERE");
        String csv = MAKERS_HEADER + first + ",Nowhere Arms,QQ,,,,,\n" + second + ",Elsewhere Arms,XX,,,,,\n";

        assertThatThrownBy(() -> files.importMakers(new StringReader(csv))).isInstanceOfSatisfying(UserFacingException.class, e ->
                assertThat(e.violations()).extracting(Violation::field, Violation::code).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("line 2", "reference.import.country"),
                        org.assertj.core.groups.Tuple.tuple("line 3", "reference.import.country")));
        assertThat(references.maker(first)).isEmpty();
    }
}
