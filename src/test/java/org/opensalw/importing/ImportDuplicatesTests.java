package org.opensalw.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opensalw.TestDatabase;
import org.opensalw.identity.Role;
import org.opensalw.identity.SystemActor;
import org.opensalw.registry.EventKind;
import org.opensalw.shared.UserFacingException;
import org.opensalw.shared.Violation;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * Suspected duplicates of imports: in the file, against the register (when the file is read and at confirmation), the same
 * rows again in another file, serials written differently, and a person's decisions on them, one by one or all at once.
 */
@TestDatabase
@WithMockUser(username = "import-registrar", roles = "REGISTRAR")
class ImportDuplicatesTests extends ImportTestSupport {

    @Test
    void shouldCreateNothingNewWhenTheSameFileComesAgain() {
        String t = tag();
        String csv = HEADER + "\nRIFLE,KALASHNIKOV,SKS,,RU,1960," + t + "-1,,,,,,,,,,\nRIFLE,KALASHNIKOV,SKS,,RU,1960," + t + "-2,,,,,,,,,,\n";
        ImportBatch first = load(csv);
        imports.confirm(first.id());
        long weapons = jdbc.queryForObject("SELECT count(*) FROM weapon", Long.class);
        assertThatThrownBy(() -> load(csv)).isInstanceOfSatisfying(UserFacingException.class, e -> {
            assertThat(e.kind()).isEqualTo(UserFacingException.Kind.CONFLICT);
            assertThat(e.violations()).extracting(Violation::code).containsExactly("import.file.already");
        });
        // the same rows in another file (re-saved with semicolons): recognised row by row, nothing new
        ImportBatch again = load("resaved.csv", csv.replace(',', ';').getBytes(StandardCharsets.UTF_8), ImportOptions.of("dd/MM/yyyy"));
        assertThat(again.rowsAlready()).isEqualTo(2);
        assertThat(again.rowsAccepted()).isZero();
        imports.confirm(again.id());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM weapon", Long.class)).isEqualTo(weapons);
    }

    @Test
    void shouldFlagRowsWithoutAKnownMakerByTypeAndSerialAndRecogniseThemInALaterFile() {
        String t = tag();
        String rows = "RIFLE,,,,,," + t + "-1,,,,,,,,,,\n"
                + "RIFLE,,,,,," + t + "/1,,,,,,,,,,\n"   // 3: the same serial written differently, no maker either: flagged
                + "PISTOL,,,,,," + t + "-1,,,,,,,,,,\n"; // 4: another type: another weapon
        ImportBatch first = load(HEADER + "\n" + rows);
        assertThat(first.rowsFlagged()).isEqualTo(1);
        assertThat(imports.flagged(first.id(), true)).singleElement().satisfies(f -> {
            assertThat(f.line()).isEqualTo(3);
            assertThat(f.reason()).contains("line 2", "no", "maker");
        });
        imports.confirm(first.id());
        long weapons = jdbc.queryForObject("SELECT count(*) FROM weapon", Long.class);
        // a corrected copy with one more row: the rows already registered create nothing new
        ImportBatch corrected = load(HEADER + "\n" + rows + "RIFLE,,,,,," + t + "-2,,,,,,,,,,\n");
        assertThat(corrected.rowsAlready()).as("rows 2 and 4, identical to registered ones").isEqualTo(2);
        assertThat(corrected.rowsAccepted()).isEqualTo(1);
        imports.confirm(corrected.id());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM weapon", Long.class)).isEqualTo(weapons + 1);
    }

    @Test
    void shouldFlagANationalMarkWrittenInAnotherCaseInTheFileAndInTheRegister() {
        String t = tag();
        imports.confirm(load(HEADER + "\nRIFLE,KALASHNIKOV,SKS,,RU,1960," + t + "-1,NM-" + t + ",,,,,,,,,\n").id());
        ImportBatch b = load(HEADER + "\n"
                + "RIFLE,KALASHNIKOV,SKS,,RU,1960," + t + "-2,nm-" + t.toLowerCase() + ",,,,,,,,,\n"   // the register's mark, in lower case
                + "RIFLE,KALASHNIKOV,SKS,,RU,1960," + t + "-3,XM-" + t + ",,,,,,,,,\n"
                + "RIFLE,KALASHNIKOV,SKS,,RU,1960," + t + "-4,xm-" + t.toLowerCase() + ",,,,,,,,,\n"); // line 3's mark
        assertThat(imports.flagged(b.id(), true)).extracting(FlaggedRow::line).containsExactly(2L, 4L);
    }

    @Test
    void shouldCheckAtConfirmationTheWeaponsRegisteredSinceTheFileWasRead() {
        String t = tag();
        String row1 = "\nASSAULT_RIFLE,Izhmash,AKM,7.62x39mm,RU,1978," + t + "-001,,,,,IMPORTED,12/03/1992,RU,,,";
        String row2 = "\nASSAULT_RIFLE,Izhmash,AKM,7.62x39mm,RU,1978," + t + "-002,,,,,IMPORTED,12/03/1992,RU,,,";
        String row3 = "\nASSAULT_RIFLE,Izhmash,AKM,7.62x39mm,RU,1978," + t + "-003,,,,,IMPORTED,12/03/1992,RU,,,";
        // a file and its corrected copy (another checksum), both read before either is confirmed
        ImportBatch first = load(HEADER + row1 + row2 + "\n");
        ImportBatch corrected = load(HEADER + row1 + row2 + row3 + "\n");
        assertThat(corrected.rowsAccepted()).isEqualTo(3);
        // and a weapon registered by hand meanwhile, with the serial of row 3 written another way
        registry.register(new org.opensalw.registry.Registration(new org.opensalw.registry.WeaponDescription(
                org.opensalw.reference.WeaponType.ASSAULT_RIFLE, "KALASHNIKOV", null, "AKM", "7.62x39mm", "RU", 1978, t + " 003"),
                List.of(), org.opensalw.registry.EventCommand.of(org.opensalw.registry.EventKind.IMPORTED, java.time.LocalDate.of(1992, 3, 12))
                        .withCountry("RU"), null, null));
        imports.confirm(first.id());

        ImportBatch second = imports.confirm(corrected.id());

        assertThat(weaponsOfBatch(corrected.id())).as("nothing registered twice").isZero();
        assertThat(second.rowsAlready()).as("rows 1 and 2: identical to rows the first batch registered").isEqualTo(2);
        assertThat(imports.flagged(corrected.id(), true)).singleElement().satisfies(f -> {
            assertThat(f.line()).isEqualTo(4);
            assertThat(f.reason()).contains("Same maker and serial as weapon");
        });
        assertThat(second.timings()).contains("3 rows matched weapons registered since the file was read");
    }

    @Test
    void shouldCheckAtConfirmationEvenTheRowsDecidedToBeOtherWeapons() {
        String t = tag().replaceAll("[0-9]", "Q"); // no digit of the tag joins the number below
        String row = "\nASSAULT_RIFLE,Izhmash,AKM,7.62x39mm,RU,1978," + t + "-77,,,,,IMPORTED,12/03/1992,RU,,,";
        // line 3: the same serial written another way, a year apart (so not the same row)
        ImportBatch waiting = load(HEADER + row + row.replace(t + "-77", t + " 077").replace(",1978,", ",1979,") + "\n");
        assertThat(imports.reviewAll(waiting.id(), FlagSource.FILE, "DISTINCT")).as("line 3: another weapon than line 2").isEqualTo(1);
        // another copy of the file is confirmed meanwhile: the weapon of line 2 is now in the register
        imports.confirm(load("copy.csv", (HEADER + row + "\n").getBytes(StandardCharsets.UTF_8), ImportOptions.of("dd/MM/yyyy")).id());

        ImportBatch confirmed = imports.confirm(waiting.id());

        assertThat(weaponsOfBatch(waiting.id())).as("neither registered twice").isZero();
        assertThat(confirmed.rowsAlready()).isEqualTo(1);
        assertThat(imports.flagged(waiting.id(), true)).singleElement().satisfies(f -> {
            assertThat(f.line()).isEqualTo(3);
            assertThat(f.reason()).contains("in the register");
            assertThat(f.reviewedBy()).as("the earlier decision was about line 2 only").isNull();
        });
    }

    @Test
    void shouldFlagSuspectedDuplicatesForAPersonToDecideAndNeverMergeThem() {
        String t = tag();
        ImportBatch first = load(HEADER + "\nRIFLE,KALASHNIKOV,SKS,,RU,1960," + t + "-1,,,,,,,,,,\n");
        imports.confirm(first.id());
        ImportBatch b = load(HEADER + "\n"
                + "ASSAULT_RIFLE,Izhmash,AKM,,RU,1970,\"" + t + " 1\",,,,,,,,,,\n"   // same maker, serial written differently: register
                + "RIFLE,TULA_TOZ,SKS,,RU,1961," + t + "-7,,,,,,,,,,\n"
                + "RIFLE,TULA_TOZ,SKS,,RU,1961," + t + "/7,,,,,,,,,,\n"              // same as line 3 of the file
                + "RIFLE,,,,,,," + t + "-NM,,,,,,,,,\n"
                + "RIFLE,,,,,,," + t + "-NM,,,,,,,,,\n");                            // same national mark as line 5
        assertThat(b.rowsFlagged()).isEqualTo(3);
        assertThat(b.rowsAccepted()).isEqualTo(2);
        List<FlaggedRow> flagged = imports.flagged(b.id(), true);
        assertThat(flagged).extracting(FlaggedRow::line).containsExactly(2L, 4L, 6L);
        assertThat(flagged.get(0).matchedWeapon()).isNotNull();
        assertThat(flagged.get(0).reason()).contains("in the register");
        assertThat(flagged.get(1).reason()).contains("line 3");
        assertThat(flagged.get(2).reason()).contains("national mark").contains("line 5");
        // a reviewer reading French sees the reasons in French, whoever uploaded the file
        org.springframework.context.i18n.LocaleContextHolder.setLocale(java.util.Locale.FRENCH);
        try {
            assertThat(imports.flagged(b.id(), true).get(1).reason()).isEqualTo("Même fabricant et même numéro de série que la ligne 3 (" + t + "-7)");
        } finally {
            org.springframework.context.i18n.LocaleContextHolder.resetLocaleContext();
        }

        imports.review(b.id(), 2, "DUPLICATE");
        imports.review(b.id(), 4, "DISTINCT");
        imports.confirm(b.id());
        assertThat(weaponsOfBatch(b.id())).as("two accepted and one declared distinct").isEqualTo(3);
        imports.review(b.id(), 6, "DISTINCT"); // decided after confirmation: registered then
        assertThat(weaponsOfBatch(b.id())).isEqualTo(4);
        assertThat(imports.batch(b.id()).weaponsRegistered()).isEqualTo(4);
        assertThatThrownBy(() -> imports.review(b.id(), 2, "DISTINCT")).isInstanceOf(UserFacingException.class);
        assertThat(SystemActor.run("auditor", Role.AUDITOR, () -> queries.verifyLedger()).intact()).isTrue();
    }

    @Test
    void shouldFlagSerialsThatDifferOnlyByPaddingZerosOrAccents() {
        String t = tag().replaceAll("[0-9]", "Q"); // no digit of the tag joins the numbers below
        // a year apart, so the row is a suspected duplicate for a person, not the same row imported again
        imports.confirm(load(HEADER + "\nRIFLE,KALASHNIKOV,SKS,,RU,1959," + t + "-0077,,,,,,,,,,\n").id());
        ImportBatch b = load(HEADER + "\n"
                + "RIFLE,KALASHNIKOV,SKS,,RU,1960," + t + "-77,,,,,,,,,,\n"          // the register's, its zeros lost in a spreadsheet
                + "RIFLE,KALASHNIKOV,SKS,,RU,1960," + t + "-00042,,,,,,,,,,\n"
                + "RIFLE,KALASHNIKOV,SKS,,RU,1960," + t + "-42,,,,,,,,,,\n"          // line 3, unpadded
                + "RIFLE,KALASHNIKOV,SKS,,RU,1960,É" + t + "-٥٥,,,,,,,,,,\n"
                + "RIFLE,KALASHNIKOV,SKS,,RU,1960,E" + t + "-55,,,,,,,,,,\n"         // line 5 as typed on a Latin keyboard
                + "RIFLE,KALASHNIKOV,SKS,,RU,1960," + t + "-4200,,,,,,,,,,\n");      // another number
        List<FlaggedRow> flagged = imports.flagged(b.id(), true);
        assertThat(flagged).extracting(FlaggedRow::line).containsExactly(2L, 4L, 6L);
        assertThat(flagged.get(0).reason()).contains("in the register");
        assertThat(flagged.get(1).reason()).contains("line 3 (" + t + "-00042)");
        assertThat(flagged.get(2).reason()).contains("line 5 (É" + t + "-٥٥)");
    }

    @Test
    void shouldDecideAllTheRowsFlaggedInOnePlaceAtOnceBeforeConfirmation() {
        String t = tag();
        imports.confirm(load(HEADER + "\nRIFLE,KALASHNIKOV,SKS,,RU,1959," + t + "-R1,,,,,,,,,,\n"
                + "RIFLE,KALASHNIKOV,SKS,,RU,1959," + t + "-R2,,,,,,,,,,\n").id());
        ImportBatch b = load(HEADER + "\n"
                + "RIFLE,KALASHNIKOV,SKS,,RU,1960," + t + "-R1,,,,,,,,,,\n"     // in the register
                + "RIFLE,KALASHNIKOV,SKS,,RU,1960," + t + "-R2,,,,,,,,,,\n"     // in the register
                + "RIFLE,KALASHNIKOV,SKS,,RU,1960," + t + "-F1,,,,,,,,,,\n"
                + "RIFLE,KALASHNIKOV,SKS,,RU,1960," + t + "-F1,,,,,,,,,,\n"     // line 4 again
                + "RIFLE,KALASHNIKOV,SKS,,RU,1960," + t + "/F1,,,,,,,,,,\n"     // line 4 again
                + "RIFLE,KALASHNIKOV,SKS,,RU,1960," + t + "-N1,,,,,,,,,,\n");
        assertThat(imports.openFlags(b.id())).containsEntry(FlagSource.FILE, 2L).containsEntry(FlagSource.REGISTER, 2L);

        assertThat(imports.reviewAll(b.id(), FlagSource.FILE, "DUPLICATE")).isEqualTo(2);

        assertThat(imports.openFlags(b.id())).containsEntry(FlagSource.FILE, 0L).containsEntry(FlagSource.REGISTER, 2L);
        assertThat(jdbc.queryForList("SELECT reviewed_by FROM import_row WHERE batch_id = ? AND line IN (5, 6)", String.class, b.id()))
                .containsOnly("import-registrar");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_entry WHERE action = 'import.reviewAll' AND subject_id = ?",
                Long.class, b.id().toString())).isEqualTo(1);
        assertThatThrownBy(() -> imports.reviewAll(b.id(), FlagSource.FILE, "MAYBE")).isInstanceOf(UserFacingException.class);
        imports.confirm(b.id());
        assertThat(weaponsOfBatch(b.id())).as("lines 4 and 7; the rest decided or waiting").isEqualTo(2);
        assertThatThrownBy(() -> imports.reviewAll(b.id(), FlagSource.REGISTER, "DISTINCT")).as("after confirmation, one by one")
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.violations().get(0).code()).isEqualTo("import.reviewAll.status"));
    }
}
