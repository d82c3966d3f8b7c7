package org.opensalw.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.opensalw.TestDatabase;
import org.opensalw.identity.Role;
import org.opensalw.identity.SystemActor;
import org.opensalw.registry.EventKind;
import org.opensalw.registry.WeaponDetails;
import org.opensalw.registry.WeaponId;
import org.opensalw.registry.WeaponStatus;
import org.opensalw.shared.UserFacingException;
import org.opensalw.shared.Violation;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

/** Imports on the real (embedded) PostgreSQL: each kind of file and row, voiding, confirmation, access (duplicates: ImportDuplicatesTests). */
@TestDatabase
@WithMockUser(username = "import-registrar", roles = "REGISTRAR")
class ImportTests extends ImportTestSupport {

    @Test
    void shouldImportAGoodFileWithHoldersAndHistoryAndConfirmItIntoTheRegister() {
        String t = tag();
        ImportBatch b = load(HEADER + "\n"
                + "ASSAULT_RIFLE,Izhmash,AKM,7.62x39mm,RU,1978," + t + "-001,,STATE_BODY,National Police,REG-1,IMPORTED,12/03/1992,RU,,,\n"
                + "SELF_LOADING_PISTOL,GLOCK,17,9x19mm,AT,1995," + t + "-002,,STATE_BODY,National Police,REG-1,IMPORTED,01/02/1996,AT,REPORTED_STOLEN,05/06/2010,\n"
                + "RIFLE,,,,,,," + t + "-NM,,,,FOUND,03/04/2005,,,,\n");
        assertThat(b.status()).isEqualTo(BatchStatus.LOADED);
        assertThat(b.rowsRead()).isEqualTo(3);
        assertThat(b.rowsAccepted()).isEqualTo(3);
        assertThat(b.rowsRejected()).isZero();
        assertThat(weaponsOfBatch(b.id())).as("nothing reaches the register before confirmation").isZero();

        ImportBatch confirmed = imports.confirm(b.id());
        assertThat(confirmed.status()).isEqualTo(BatchStatus.CONFIRMED);
        assertThat(confirmed.weaponsRegistered()).isEqualTo(3);
        assertThat(confirmed.holdersRegistered()).as("two rows, one holder").isEqualTo(1);
        assertThat(weaponsOfBatch(b.id())).isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM holder WHERE batch_id = ?", Long.class, b.id())).isEqualTo(1);
        UUID stolen = jdbc.queryForObject("SELECT id FROM weapon WHERE serial_as_marked = ?", UUID.class, t + "-002");
        WeaponDetails w = queries.weapon(new WeaponId(stolen)).orElseThrow();
        assertThat(w.status()).isEqualTo(WeaponStatus.STOLEN);
        assertThat(w.makerCode()).isEqualTo("GLOCK");
        assertThat(w.timeline()).extracting(e -> e.kind()).containsExactly(EventKind.REGISTERED, EventKind.IMPORTED, EventKind.REPORTED_STOLEN);
        assertThat(w.timeline()).allMatch(e -> e.recordedBy().equals("import-registrar"));
        assertThat(jdbc.queryForObject("SELECT maker_code FROM weapon WHERE serial_as_marked = ?", String.class, t + "-001"))
                .as("maker found through its alias").isEqualTo("KALASHNIKOV");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM weapon_marking m JOIN weapon w ON w.id = m.weapon_id WHERE w.batch_id = ? AND m.kind = 'NATIONAL'",
                Long.class, b.id())).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM ledger_entry WHERE batch_id = ?", Long.class, b.id())).isEqualTo(1 + 3 + 3 + 1);
        assertThat(jdbc.queryForList("SELECT action FROM audit_entry WHERE subject_id = ?", String.class, b.id().toString()))
                .contains("import.start", "import.read", "import.confirm", "weapon.registerBulk");
        assertThat(SystemActor.run("auditor", Role.AUDITOR, () -> queries.verifyLedger()).intact()).isTrue();
        assertThat(imports.history(b.id())).extracting(h -> h.status()).containsExactly(BatchStatus.RUNNING, BatchStatus.LOADED, BatchStatus.CONFIRMED);
        // the dashboard's kept counts follow a bulk confirmation (COPY) as they follow single writes
        assertThat(SystemActor.run("auditor", Role.AUDITOR, () -> queries.dashboard()).weapons())
                .isEqualTo(jdbc.queryForObject("SELECT count(*) FROM weapon", Long.class));
    }

    @Test
    void shouldRejectEachKindOfBadRowWithLineColumnAndReasonAndKeepTheGoodOnes() {
        String t = tag();
        int nextYear = LocalDate.now().getYear() + 1;
        ImportBatch b = load(HEADER + "\n"
                + "ASSAULT_RIFLE,KALASHNIKOV,AKM,,RU,1978," + t + "-OK,,,,,IMPORTED,12/03/1992,RU,,,\n"       // 2 good
                + "SPACE_GUN,KALASHNIKOV,AKM,,RU,1978," + t + "-A,,,,,,,,,,\n"                                 // 3 type
                + "RIFLE,No Such Works,X,,,," + t + "-B,,,,,,,,,,\n"                                            // 4 maker
                + "RIFLE,KALASHNIKOV,X,,,," + t + "-C,,,,,IMPORTED,1992-03-12,RU,,,\n"                          // 5 date format
                + "RIFLE,KALASHNIKOV,X,,,,,,,,,,,,,,\n"                                                         // 6 no serial, no mark
                + "RIFLE,KALASHNIKOV,X,,,," + nextYear + ",\n"                                                // 7 too few columns
                + "RIFLE,KALASHNIKOV,X,,RU,1990," + t + "-D,,,,,IMPORTED,12/03/1992,,,,\n"                      // 8 import without country
                + "RIFLE,KALASHNIKOV,X,,RU,1990," + t + "-E,,,,,IMPORTED,12/03/1992,RU,RECOVERED,01/01/2000,\n" // 9 impossible history
                + "RIFLE,KALASHNIKOV,X,,RU,1990," + t + "-F,,,,,IMPORTED,12/03/1992,RU,REPORTED_LOST,01/01/1991,\n" // 10 event before the last
                + "RIFLE,KALASHNIKOV,X,,RU,1990," + t + "-G,,,,,IMPORTED,12/03/1985,RU,,,\n"                    // 11 before manufacture
                + "RIFLE,KALASHNIKOV,X,,XX,1990," + t + "-H,,,,,,,,,,\n"                                        // 12 country
                + "RIFLE,KALASHNIKOV,X,,RU," + nextYear + "," + t + "-I,,,,,,,,,,\n"                             // 13 year in the future
                + "RIFLE,KALASHNIKOV,X,,RU,1990," + t + "-J,,PERSON,,,,,,,,\n");                                  // 14 holder without name
        assertThat(b.status()).isEqualTo(BatchStatus.LOADED);
        assertThat(b.rowsRead()).isEqualTo(13);
        assertThat(b.rowsAccepted()).isEqualTo(1);
        assertThat(b.rowsRejected()).isEqualTo(12);
        List<String[]> errors = errors(b.id());
        assertThat(errors).anySatisfy(e -> assertThat(e).startsWith("3", "weapon_type").satisfies(x -> assertThat(x[2]).contains("SPACE_GUN")));
        assertThat(errors).anySatisfy(e -> assertThat(e).startsWith("4", "maker"));
        assertThat(errors).anySatisfy(e -> assertThat(e).startsWith("5", "origin_date").satisfies(x -> assertThat(x[2]).contains("dd/MM/yyyy")));
        assertThat(errors).anySatisfy(e -> assertThat(e).startsWith("6", "serial"));
        assertThat(errors).anySatisfy(e -> assertThat(e).startsWith("7", "").satisfies(x -> assertThat(x[2]).contains("8 values", "17")));
        assertThat(errors).anySatisfy(e -> assertThat(e).startsWith("8", "origin_country"));
        assertThat(errors).anySatisfy(e -> assertThat(e).startsWith("9", "event"));
        assertThat(errors).anySatisfy(e -> assertThat(e).startsWith("10", "event_date"));
        assertThat(errors).anySatisfy(e -> assertThat(e).startsWith("11", "origin_date"));
        assertThat(errors).anySatisfy(e -> assertThat(e).startsWith("12", "country_of_manufacture"));
        assertThat(errors).anySatisfy(e -> assertThat(e).startsWith("13", "year_of_manufacture"));
        assertThat(errors).anySatisfy(e -> assertThat(e).startsWith("14", "holder_name"));
        long weaponsBefore = jdbc.queryForObject("SELECT count(*) FROM weapon", Long.class);
        imports.confirm(b.id());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM weapon", Long.class)).isEqualTo(weaponsBefore + 1);
    }

    @Test
    void shouldRejectPlacesAndDocumentsLongerThanTheRegistersFormsTake() {
        String t = tag();
        String longText = "x".repeat(301);
        ImportBatch b = load("weapon_type,maker,model,serial,location,holder_kind,holder_name,holder_document,origin_event,origin_date,"
                + "origin_country,origin_place,event,event_date,event_place\n"
                + "RIFLE,KALASHNIKOV,X," + t + "-1," + "y".repeat(300) + ",,,,IMPORTED,12/03/1992,RU," + "z".repeat(300) + ",,,\n" // 2 at the limits
                + "RIFLE,KALASHNIKOV,X," + t + "-2," + longText + ",,,,,,,,,,\n"                                                 // 3 location
                + "RIFLE,KALASHNIKOV,X," + t + "-3,,PERSON,Ann," + "d".repeat(101) + ",,,,,,,\n"                                  // 4 document
                + "RIFLE,KALASHNIKOV,X," + t + "-4,,,,,IMPORTED,12/03/1992,RU," + longText + ",,,\n"                             // 5 origin place
                + "RIFLE,KALASHNIKOV,X," + t + "-5,,,,,IMPORTED,12/03/1992,RU,,SEIZED,01/01/2000," + longText + "\n");           // 6 event place
        assertThat(b.rowsAccepted()).isEqualTo(1);
        List<String[]> errors = errors(b.id());
        assertThat(errors).anySatisfy(e -> assertThat(e).startsWith("3", "location"));
        assertThat(errors).anySatisfy(e -> assertThat(e).startsWith("4", "holder_document"));
        assertThat(errors).anySatisfy(e -> assertThat(e).startsWith("5", "origin_place"));
        assertThat(errors).anySatisfy(e -> assertThat(e).startsWith("6", "event_place"));
    }

    @Test
    void shouldRefuseAnEventsDateCountryOrPlaceGivenWithoutItsKindRatherThanDropThem() {
        String t = tag();
        ImportBatch b = load(HEADER + "\n"
                + "RIFLE,KALASHNIKOV,X,,RU,1990," + t + "-1,,,,,,12/03/1992,,,,\n"           // 2 origin date, no origin event
                + "RIFLE,KALASHNIKOV,X,,RU,1990," + t + "-2,,,,,IMPORTED,12/03/1992,RU,,,SN\n" // 3 event country, no event
                + "RIFLE,KALASHNIKOV,X,,RU,1990," + t + "-3,,,,,,,,,,\n");                    // 4 nothing of either: fine
        assertThat(b.rowsAccepted()).isEqualTo(1);
        List<String[]> errors = errors(b.id());
        assertThat(errors).anySatisfy(e -> assertThat(e).startsWith("2", "origin_event").satisfies(x -> assertThat(x[2]).contains("origin_date")));
        assertThat(errors).anySatisfy(e -> assertThat(e).startsWith("3", "event").satisfies(x -> assertThat(x[2]).contains("event_country")));
        // the report is written in the language of the person who downloads it, whoever uploaded the file
        org.springframework.context.i18n.LocaleContextHolder.setLocale(java.util.Locale.FRENCH);
        try {
            assertThat(errors(b.id())).anySatisfy(e -> assertThat(e[2]).contains("origin_date est rempli mais origin_event est vide"));
        } finally {
            org.springframework.context.i18n.LocaleContextHolder.resetLocaleContext();
        }
    }

    @Test
    void shouldNameTheHolderAnEarlierFileRegisteredInsteadOfRegisteringItAgain() {
        String t = tag();
        // weapon_type,maker,model,calibre,country,year,serial,national_mark,holder_kind,holder_name,holder_document,...
        ImportBatch first = load(HEADER + "\n"
                + "RIFLE,KALASHNIKOV,SKS,,RU,1960," + t + "-1,,PERSON,José Ñandú " + t + ",D-" + t + ",,,,,,\n"
                + "RIFLE,KALASHNIKOV,SKS,,RU,1960," + t + "-2,,STATE_BODY,Police " + t + ",,,,,,,\n"
                + "RIFLE,KALASHNIKOV,SKS,,RU,1960," + t + "-3,,PERSON,Ann " + t + ",,,,,,,\n");
        imports.confirm(first.id());
        assertThat(imports.batch(first.id()).holdersRegistered()).isEqualTo(3);
        var byHand = registry.registerHolder(new org.opensalw.registry.HolderForm(org.opensalw.registry.HolderKind.COMPANY, "Armurerie Éclair " + t,
                "SN", null, "", "", "", "RC-" + t, "DEALER"));
        ImportBatch second = load(HEADER + "\n"
                + "RIFLE,KALASHNIKOV,SKS,,RU,1960," + t + "-4,,PERSON,JOSÉ ÑANDÚ " + t + ",d-" + t + ",,,,,,\n" // the same person
                + "RIFLE,KALASHNIKOV,SKS,,RU,1960," + t + "-5,,STATE_BODY,Police " + t + ",,,,,,,\n"            // the same body
                + "RIFLE,KALASHNIKOV,SKS,,RU,1960," + t + "-6,,PERSON,Ann " + t + ",,,,,,,\n"                   // no document: maybe another Ann
                + "RIFLE,KALASHNIKOV,SKS,,RU,1960," + t + "-7,,COMPANY,armurerie eclair " + t + ",RC-" + t + ",,,,,,\n"); // registered by hand
        imports.confirm(second.id());
        assertThat(imports.batch(second.id()).holdersRegistered()).as("only the Ann without a document is new").isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT holder_id FROM weapon WHERE serial_as_marked = ?", java.util.UUID.class, t + "-7"))
                .isEqualTo(byHand.value());
        assertThat(jdbc.queryForObject("SELECT count(DISTINCT holder_id) FROM weapon WHERE serial_as_marked IN (?, ?)", Long.class,
                t + "-1", t + "-4")).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(DISTINCT holder_id) FROM weapon WHERE serial_as_marked IN (?, ?)", Long.class,
                t + "-2", t + "-5")).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(DISTINCT holder_id) FROM weapon WHERE serial_as_marked IN (?, ?)", Long.class,
                t + "-3", t + "-6")).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM holder WHERE lower(name) = lower(?)", Long.class, "Police " + t)).isEqualTo(1);
        org.springframework.context.i18n.LocaleContextHolder.setLocale(java.util.Locale.FRENCH);
        try {
            assertThat(imports.history(second.id())).last().satisfies(h -> assertThat(h.reason()).isEqualTo("4 armes, 1 détenteurs enregistrés"));
        } finally {
            org.springframework.context.i18n.LocaleContextHolder.resetLocaleContext();
        }
    }

    @Test
    void shouldRejectATruncatedLastLineAndKeepTheRowsBeforeIt() {
        String t = tag();
        ImportBatch cutInValue = load(HEADER + "\nRIFLE,KALASHNIKOV,SKS,,RU,1960," + t + "-1,,,,,,,,,,\nRIFLE,KALASHNIKOV,SK");
        assertThat(cutInValue.rowsAccepted()).isEqualTo(1);
        assertThat(cutInValue.rowsRejected()).isEqualTo(1);
        assertThat(errors(cutInValue.id())).singleElement().satisfies(e -> {
            assertThat(e[0]).isEqualTo("3");
            assertThat(e[2]).contains("cut");
        });
        ImportBatch cutInQuote = load(HEADER + "\nRIFLE,KALASHNIKOV,SKS,,RU,1960," + t + "-2,,,,,,,,,,\nRIFLE,\"KALASHNI");
        assertThat(cutInQuote.status()).isEqualTo(BatchStatus.LOADED);
        assertThat(cutInQuote.rowsAccepted()).isEqualTo(1);
        assertThat(errors(cutInQuote.id())).singleElement().satisfies(e -> assertThat(e[2]).contains("file ends inside"));
    }

    @Test
    void shouldFailAFileWithABrokenQuoteInTheMiddleAndNameItsLine() {
        String t = tag();
        String good = "\nRIFLE,KALASHNIKOV,SKS,,RU,1960," + t + "-%d,,,,,,,,,,";
        // a quoted value followed by more text: the parser cannot go on
        ImportBatch closedThenText = load(HEADER + good.formatted(1) + "\nRIFLE,\"KALASHNIKOV\" folding,SKS,,RU,1960," + t + "-2,,,,,,,,,,"
                + good.formatted(3) + good.formatted(4));
        assertThat(closedThenText.status()).isEqualTo(BatchStatus.FAILED);
        assertThat(closedThenText.message()).contains("Line 3", "quote");
        // a stray opening quote: the rest of the file would be read as one value, the rows after it lost
        StringBuilder file = new StringBuilder(HEADER).append(good.formatted(10)).append("\nRIFLE,\"KALASHNIKOV,SKS,,RU,1960,").append(t).append("-11,,,,,,,,,,");
        for (int i = 12; i < 30; i++) {
            file.append(good.formatted(i));
        }
        ImportBatch strayQuote = load(file.toString());
        assertThat(strayQuote.status()).isEqualTo(BatchStatus.FAILED);
        assertThat(strayQuote.message()).contains("Line 3");
        assertThatThrownBy(() -> imports.confirm(strayQuote.id())).isInstanceOf(UserFacingException.class);
    }

    @Test
    void shouldReadDatesWithoutLeadingZerosButNoImpossibleOnes() {
        String t = tag();
        ImportBatch b = load(HEADER + "\nASSAULT_RIFLE,Izhmash,AKM,7.62x39mm,RU,1978," + t + "-1,,,,,IMPORTED,1/3/1992,RU,,,"
                + "\nASSAULT_RIFLE,Izhmash,AKM,7.62x39mm,RU,1978," + t + "-2,,,,,IMPORTED,31/02/1992,RU,,,\n");
        assertThat(b.rowsAccepted()).isEqualTo(1);
        assertThat(errors(b.id())).singleElement().satisfies(e -> assertThat(e[1]).isEqualTo("origin_date"));
    }

    @Test
    void shouldNameTheLineOfTheFileWhereABadRowStartsAndSkipRowsOfSeparatorsOnly() {
        String t = tag();
        ImportBatch b = load(HEADER
                + "\nASSAULT_RIFLE,Izhmash,AKM,7.62x39mm,RU,1978," + t + "-1,,PERSON,\"Ets Dupont\nSecond line of the name\",D-1,IMPORTED,12/03/1992,RU,,,"
                + "\n"
                + "\n,,,,,,,,,,,,,,,,"
                + "\nCANNON,Izhmash,AKM,7.62x39mm,RU,1978," + t + "-2,,,,,IMPORTED,12/03/1992,RU,,,\n");
        assertThat(b.rowsAccepted()).isEqualTo(1);
        assertThat(b.rowsRejected()).as("the row of separators is no row").isEqualTo(1);
        assertThat(errors(b.id())).singleElement().satisfies(e -> {
            assertThat(e[0]).as("line 6 of the file (record 3)").isEqualTo("6");
            assertThat(e[1]).isEqualTo("weapon_type");
        });
    }

    @Test
    void shouldWriteCellsThatLookLikeFormulasAsTextInTheErrorReport() {
        String t = tag();
        ImportBatch b = load(HEADER + "\n=HYPERLINK(\"http://x\"),Izhmash,AKM,7.62x39mm,RU,1978," + t + "-1,,,,,IMPORTED,12/03/1992,RU,,,\n");
        StringWriter out = new StringWriter();
        imports.writeErrors(b.id(), out);
        assertThat(out.toString()).contains("'=HYPERLINK").doesNotContain(",=HYPERLINK").doesNotContain(",\"=HYPERLINK");
    }

    @Test
    void shouldReadLatin1WhenStatedAndRefuseItAsUtf8() {
        String t = tag();
        String csv = HEADER + "\nRIFLE,KALASHNIKOV,SKS,,RU,1960," + t + "-1,,COMPANY,Société Générale d'Armes,,,,,,,\n";
        byte[] latin1 = csv.getBytes(Charset.forName("ISO-8859-1"));
        ImportBatch asUtf8 = load("latin.csv", latin1, ImportOptions.of("dd/MM/yyyy"));
        assertThat(asUtf8.status()).isEqualTo(BatchStatus.FAILED);
        assertThat(asUtf8.message()).contains("UTF-8").contains("ISO-8859-1");
        imports.voidBatch(asUtf8.id(), "wrong encoding stated");
        ImportBatch asLatin1 = load("latin.csv", latin1, new ImportOptions("ISO-8859-1", null, "dd/MM/yyyy", Map.of()));
        assertThat(asLatin1.status()).isEqualTo(BatchStatus.LOADED);
        imports.confirm(asLatin1.id());
        assertThat(jdbc.queryForObject("SELECT name FROM holder WHERE batch_id = ?", String.class, asLatin1.id())).isEqualTo("Société Générale d'Armes");
    }

    @Test
    void shouldReadSemicolonsQuotesAndMappedHeaders() {
        String t = tag();
        String csv = "Type;Fabricant;Modèle;Numéro de série;Date d'import;Pays;Origine\n"
                + "RIFLE;KALASHNIKOV;\"SKS; late\";" + t + "-1;12.03.1992;RU;IMPORTED\n";
        PreparedFile p = imports.prepare("fr.csv", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "UTF-8");
        assertThat(p.delimiter()).isEqualTo(';');
        assertThat(p.suggestedMapping()).containsEntry("weapon_type", "Type").containsEntry("maker", "Fabricant")
                .containsEntry("serial", "Numéro de série");
        ImportBatch b = imports.run(p.id(), new ImportOptions("UTF-8", null, "dd.MM.yyyy",
                Map.of("origin_date", "Date d'import", "origin_country", "Pays", "origin_event", "Origine", "model", "Modèle")), null);
        assertThat(b.rowsAccepted()).as(String.valueOf(errors(b.id()).stream().map(Arrays::toString).toList())).isEqualTo(1);
        imports.confirm(b.id());
        assertThat(jdbc.queryForObject("SELECT model FROM weapon WHERE batch_id = ?", String.class, b.id())).isEqualTo("SKS; late");
        assertThat(jdbc.queryForObject("SELECT last_event_on FROM weapon WHERE batch_id = ?", LocalDate.class, b.id())).isEqualTo(LocalDate.of(1992, 3, 12));
    }

    @Test
    void shouldRefuseAStartWithoutDateFormatOrWithAMissingRequiredColumn() {
        PreparedFile p = imports.prepare("x.csv", new ByteArrayInputStream("Kind,Number\nRIFLE,1\n".getBytes(StandardCharsets.UTF_8)), "UTF-8");
        assertThat(p.missingRequired()).contains("weapon_type", "serial");
        assertThatThrownBy(() -> imports.start(p.id(), new ImportOptions("UTF-8", null, null, Map.of("serial", "Nope"))))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.violations()).extracting(Violation::code)
                        .contains("import.dateFormat.required", "import.mapping.unknownHeader", "import.mapping.missing"));
    }

    @Test
    void shouldRefuseAStartThatMapsAHolderNameWithoutItsKindOrAnEventsDateWithoutTheEvent() {
        PreparedFile p = imports.prepare("partners-" + tag() + ".csv", new ByteArrayInputStream(
                "weapon_type,serial,holder_name,origin_date\nRIFLE,1,Ann,01/02/2000\n".getBytes(StandardCharsets.UTF_8)), "UTF-8");
        assertThatThrownBy(() -> imports.start(p.id(), ImportOptions.of("dd/MM/yyyy")))
                .isInstanceOfSatisfying(UserFacingException.class, e -> {
                    assertThat(e.violations()).extracting(Violation::field).containsExactlyInAnyOrder("mapping.holder_kind", "mapping.origin_event");
                    assertThat(e.violations()).extracting(Violation::code).containsOnly("import.mapping.neededWith");
                });
    }

    @Test
    void shouldReadAnXlsxWorkbookWithRealDateCells() throws Exception {
        String t = tag();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            var sheet = wb.createSheet("Register");
            String[] header = HEADER.split(",");
            var h = sheet.createRow(0);
            for (int i = 0; i < header.length; i++) {
                h.createCell(i).setCellValue(header[i]);
            }
            var dateStyle = wb.createCellStyle();
            dateStyle.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("m/d/yy"));
            for (int r = 1; r <= 3; r++) {
                var row = sheet.createRow(r);
                row.createCell(0).setCellValue("ASSAULT_RIFLE");
                row.createCell(1).setCellValue("Kalashnikov");
                row.createCell(4).setCellValue("RU");
                row.createCell(5).setCellValue(1980 + r);
                row.createCell(6).setCellValue(t + "-" + r);
                row.createCell(11).setCellValue("IMPORTED");
                var d = row.createCell(12);
                d.setCellValue(LocalDate.of(1999, 12, r));
                d.setCellStyle(dateStyle);
                row.createCell(13).setCellValue("RU");
            }
            wb.write(out);
        }
        ImportBatch b = load("register.xlsx", out.toByteArray(), ImportOptions.of("dd/MM/yyyy"));
        assertThat(b.format()).isEqualTo("XLSX");
        assertThat(b.rowsAccepted()).as(String.valueOf(errors(b.id()).stream().map(Arrays::toString).toList())).isEqualTo(3);
        imports.confirm(b.id());
        assertThat(jdbc.queryForList("SELECT last_event_on FROM weapon WHERE batch_id = ? ORDER BY serial_as_marked", LocalDate.class, b.id()))
                .containsExactly(LocalDate.of(1999, 12, 1), LocalDate.of(1999, 12, 2), LocalDate.of(1999, 12, 3));
        assertThat(jdbc.queryForList("SELECT year_of_manufacture FROM weapon WHERE batch_id = ? ORDER BY serial_as_marked", Integer.class, b.id()))
                .containsExactly(1981, 1982, 1983);
    }

    @Test
    void shouldRefuseAWorkbookSerialStoredAsANumberThatLostItsLastDigits() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            var sheet = wb.createSheet("Register");
            String[] header = HEADER.split(",");
            var h = sheet.createRow(0);
            for (int i = 0; i < header.length; i++) {
                h.createCell(i).setCellValue(header[i]);
            }
            double[] serials = {123456789012345678d, 4711d + tag().hashCode() % 1000};
            for (int r = 1; r <= serials.length; r++) {
                var row = sheet.createRow(r);
                row.createCell(0).setCellValue("RIFLE");
                row.createCell(1).setCellValue("Kalashnikov");
                row.createCell(6).setCellValue(serials[r - 1]); // typed as numbers, as spreadsheets do with digits
            }
            wb.write(out);
        }
        ImportBatch b = load("numbers-" + tag() + ".xlsx", out.toByteArray(), ImportOptions.of("dd/MM/yyyy"));
        assertThat(b.rowsRejected()).isEqualTo(1);
        assertThat(errors(b.id())).singleElement().satisfies(e -> assertThat(e).startsWith("2", "serial")
                .satisfies(x -> assertThat(x[2]).contains("1.23457E+17", "too long")));
        assertThat(b.rowsAccepted()).as("a short number is a serial as typed").isEqualTo(1);
    }

    @Test
    void shouldVoidAnUnconfirmedBatchWithAReasonAndKeepIt() {
        String t = tag();
        String csv = HEADER + "\nRIFLE,KALASHNIKOV,SKS,,RU,1960," + t + "-1,,,,,,,,,,\n";
        ImportBatch b = load(csv);
        assertThatThrownBy(() -> imports.voidBatch(b.id(), " ")).isInstanceOf(UserFacingException.class);
        imports.voidBatch(b.id(), "Wrong file: the 2019 export");
        ImportBatch voided = imports.batch(b.id());
        assertThat(voided.status()).isEqualTo(BatchStatus.VOIDED);
        assertThat(voided.voidReason()).isEqualTo("Wrong file: the 2019 export");
        assertThat(voided.voidedBy()).isEqualTo("import-registrar");
        assertThatThrownBy(() -> imports.confirm(b.id())).isInstanceOf(UserFacingException.class);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM import_row WHERE batch_id = ?", Long.class, b.id())).isEqualTo(1);
        // once voided, the same file can be imported again
        ImportBatch again = load(csv);
        imports.confirm(again.id());
        assertThatThrownBy(() -> imports.voidBatch(again.id(), "too late")).isInstanceOfSatisfying(UserFacingException.class,
                e -> assertThat(e.violations()).extracting(Violation::code).containsExactly("import.void.status"));
    }

    @Test
    void shouldImportItsOwnExcelTemplateAndDescribeTheColumnsInTheUsersLanguage() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        org.springframework.context.i18n.LocaleContextHolder.setLocale(java.util.Locale.FRENCH);
        try {
            templates.writeXlsx(out);
            assertThat(templates.columns()).filteredOn(c -> c.name().equals("serial")).singleElement()
                    .satisfies(c -> assertThat(c.description()).startsWith("Numéro de série"));
        } finally {
            org.springframework.context.i18n.LocaleContextHolder.resetLocaleContext();
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            var register = wb.getSheetAt(0);
            assertThat(register.getRow(0).getCell(0).getStringCellValue()).isEqualTo("weapon_type");
            // drop-down lists: weapon type, holder kind, the two events and four country columns
            assertThat(register.getDataValidations()).hasSize(8);
            assertThat(register.getDataValidations()).anySatisfy(v -> {
                assertThat(v.getRegions().getCellRangeAddress(0).getFirstColumn()).isZero();
                assertThat(v.getValidationConstraint().getFormula1()).isEqualTo("lists!$A$2:$A$21");
            });
            assertThat(wb.getSheetAt(1).getSheetName()).isEqualTo("colonnes");
            assertThat(wb.getSheetAt(1).getRow(8).getCell(0).getStringCellValue()).isEqualTo("serial");
            assertThat(wb.getSheetAt(1).getRow(8).getCell(2).getStringCellValue()).startsWith("Numéro de série");
            assertThat(wb.isSheetHidden(2)).isTrue();
        }
        // filled in as it comes, it imports: the example row is accepted (or flagged if an earlier test registered it)
        ImportBatch b = load("opensalw-import-template.xlsx", out.toByteArray(), ImportOptions.of("dd/MM/yyyy"));
        assertThat(b.status()).isEqualTo(BatchStatus.LOADED);
        assertThat(b.rowsRead()).isEqualTo(1);
        assertThat(b.rowsRejected()).as(errors(b.id()).toString()).isZero();
        imports.voidBatch(b.id(), "template check");
    }

    @Test
    void shouldCancelARunningImportAndKeepItOutOfTheRegister() throws Exception {
        java.nio.file.Path file = java.nio.file.Path.of("target", "cancel-" + UUID.randomUUID() + ".csv");
        ImportBenchmark.generate(file, 300_000);
        PreparedFile p = imports.prepare(file, "UTF-8");
        ImportBatch started = imports.start(p.id(), ImportOptions.of("dd/MM/yyyy"));
        while (imports.batch(started.id()).rowsRead() == 0) {
            Thread.sleep(20);
        }
        ImportBatch running = imports.batch(started.id());
        assertThat(running.status()).isEqualTo(BatchStatus.RUNNING);
        assertThat(running.rowsPerSecond()).isPositive();
        assertThat(running.percent()).isNotNull();
        imports.cancel(started.id());
        ImportBatch cancelled = imports.batch(started.id());
        for (int i = 0; i < 300 && cancelled.status() == BatchStatus.RUNNING; i++) {
            Thread.sleep(100);
            cancelled = imports.batch(started.id());
        }
        assertThat(cancelled.status()).isEqualTo(BatchStatus.CANCELLED);
        assertThat(cancelled.rowsRead()).isLessThan(300_000);
        assertThatThrownBy(() -> imports.confirm(started.id())).isInstanceOf(UserFacingException.class);
        assertThat(weaponsOfBatch(started.id())).isZero();
        imports.voidBatch(started.id(), "cancelled on purpose");
        assertThat(imports.history(started.id())).extracting(h -> h.status())
                .containsExactly(BatchStatus.RUNNING, BatchStatus.CANCELLED, BatchStatus.VOIDED);
        java.nio.file.Files.deleteIfExists(file);
    }

    @Test
    @WithMockUser(username = "reader", roles = "READ_ONLY")
    void shouldRefuseImportsToReadOnlyUsers() {
        assertThatThrownBy(() -> imports.prepare("x.csv", new ByteArrayInputStream(HEADER.getBytes(StandardCharsets.UTF_8)), "UTF-8"))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> imports.batches()).isInstanceOf(AuthorizationDeniedException.class);
    }

    @Test
    void shouldSayWhyABackgroundConfirmationFailedInTheReadersLanguage() {
        String t = tag();
        ImportBatch b = load(HEADER + "\n" + "ASSAULT_RIFLE,Izhmash,AKM,7.62x39mm,RU,1978," + t + "-001,,,,,IMPORTED,12/03/1992,RU,,,\n");
        // a row the register refuses when it checks it again (as if the reference data had changed since the reading)
        jdbc.update("UPDATE import_row SET country = 'QQ' WHERE batch_id = ?", b.id());
        imports.startConfirmation(b.id());
        org.awaitility.Awaitility.await().pollInSameThread().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> imports.batch(b.id()).status() == BatchStatus.LOADED);
        assertThat(weaponsOfBatch(b.id())).isZero();
        String english = imports.batch(b.id()).message();
        org.springframework.context.i18n.LocaleContextHolder.setLocale(java.util.Locale.FRENCH);
        try {
            String french = imports.batch(b.id()).message();
            assertThat(french).isEqualTo("« QQ » n'est pas un code pays connu (ISO 3166-1 alpha-2).");
        } finally {
            org.springframework.context.i18n.LocaleContextHolder.resetLocaleContext();
        }
        assertThat(english).isEqualTo("'QQ' is not a known country code (ISO 3166-1 alpha-2).");
    }

    @Test
    void shouldConfirmInTheBackgroundAsThePersonWhoAsked() {
        String t = tag();
        ImportBatch b = load(HEADER + "\n" + "ASSAULT_RIFLE,Izhmash,AKM,7.62x39mm,RU,1978," + t + "-001,,,,,IMPORTED,12/03/1992,RU,,,\n");
        assertThat(imports.startConfirmation(b.id()).status()).isEqualTo(BatchStatus.CONFIRMING);
        org.awaitility.Awaitility.await().pollInSameThread().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> imports.batch(b.id()).status() == BatchStatus.CONFIRMED);
        assertThat(weaponsOfBatch(b.id())).isEqualTo(1);
        assertThat(imports.batch(b.id()).confirmedBy()).isEqualTo("import-registrar");
        assertThat(jdbc.queryForList("SELECT DISTINCT recorded_by FROM ledger_entry WHERE batch_id = ?", String.class, b.id()))
                .containsExactly("import-registrar");
        assertThat(imports.history(b.id())).extracting(h -> h.status())
                .containsExactly(BatchStatus.RUNNING, BatchStatus.LOADED, BatchStatus.CONFIRMING, BatchStatus.CONFIRMED);
    }

    @Test
    void shouldPutBackAConfirmationWhoseProcessDiedAndLeaveARunningOneAlone() throws Exception {
        String t = tag();
        ImportBatch b = load(HEADER + "\n" + "ASSAULT_RIFLE,Izhmash,AKM,7.62x39mm,RU,1978," + t + "-001,,,,,IMPORTED,12/03/1992,RU,,,\n");
        try (java.sql.Connection elsewhere = dataSource.getConnection()) { // the lock a confirmation holds while it runs
            elsewhere.setAutoCommit(false);
            try (java.sql.Statement st = elsewhere.createStatement()) {
                st.executeQuery("SELECT pg_advisory_xact_lock(hashtextextended('" + b.id() + "', 3))").close();
            }
            // marked long ago, as a confirmation that has been running for an hour (or was left by a killed process)
            jdbc.update("UPDATE import_batch SET status = 'CONFIRMING', heartbeat_at = now() - interval '1 hour' WHERE id = ?", b.id());
            imports.markInterrupted(java.time.Duration.ofSeconds(60));
            assertThat(imports.batch(b.id()).status()).as("still running somewhere").isEqualTo(BatchStatus.CONFIRMING);
            elsewhere.rollback();
        }
        assertThat(imports.markInterrupted(java.time.Duration.ofSeconds(60))).contains(b.id());
        ImportBatch reloaded = imports.batch(b.id());
        assertThat(reloaded.status()).isEqualTo(BatchStatus.LOADED);
        assertThat(reloaded.message()).contains("can be confirmed again");
        org.springframework.context.i18n.LocaleContextHolder.setLocale(java.util.Locale.FRENCH); // written by no one: read in the reader's language
        try {
            assertThat(imports.batch(b.id()).message()).contains("peut être confirmé de nouveau");
        } finally {
            org.springframework.context.i18n.LocaleContextHolder.resetLocaleContext();
        }
        assertThat(weaponsOfBatch(b.id())).isZero();
        assertThat(imports.confirm(b.id()).status()).isEqualTo(BatchStatus.CONFIRMED);
        assertThat(weaponsOfBatch(b.id())).isEqualTo(1);
    }

    @Test
    void shouldRefuseASecondConfirmationWhileOneIsRunning() {
        String t = tag();
        ImportBatch running = load(HEADER + "\n" + "ASSAULT_RIFLE,Izhmash,AKM,7.62x39mm,RU,1978," + t + "-001,,,,,IMPORTED,12/03/1992,RU,,,\n");
        ImportBatch waiting = load(HEADER + "\n" + "ASSAULT_RIFLE,Izhmash,AKM,7.62x39mm,RU,1978," + t + "-002,,,,,IMPORTED,12/03/1992,RU,,,\n");
        jdbc.update("UPDATE import_batch SET status = 'CONFIRMING', heartbeat_at = now() WHERE id = ?", running.id());
        try {
            assertThatThrownBy(() -> imports.startConfirmation(waiting.id())).isInstanceOfSatisfying(UserFacingException.class,
                    e -> assertThat(e.violations()).extracting(Violation::code).containsExactly("import.confirm.busy"));
            assertThat(imports.batch(waiting.id()).status()).isEqualTo(BatchStatus.LOADED);
        } finally {
            jdbc.update("UPDATE import_batch SET status = 'LOADED' WHERE id = ?", running.id());
        }
    }
}
