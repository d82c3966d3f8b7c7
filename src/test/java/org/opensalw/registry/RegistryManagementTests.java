package org.opensalw.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opensalw.TestDatabase;
import org.opensalw.shared.UserFacingException;
import org.opensalw.shared.Violation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;

/** The register's writes on the real (embedded) PostgreSQL. */
@TestDatabase
@WithMockUser(username = "registrar-test", roles = "REGISTRAR")
class RegistryManagementTests {

    @Autowired
    RegistryManagement registry;

    @Autowired
    RegistryQueries queries;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    org.opensalw.registry.internal.WeaponCounts counts;

    @Test
    void shouldRegisterWithNormalisedSerialAndOpeningHistory() {
        WeaponId id = registry.register(RegistryFixtures.importedRifle("ак-47 0012"));
        WeaponDetails w = queries.weapon(id).orElseThrow();
        assertThat(w.serialAsMarked()).isEqualTo("ак-47 0012");
        assertThat(w.serialNormalised()).isEqualTo("AK470012");
        assertThat(w.status()).isEqualTo(WeaponStatus.LEGALLY_HELD);
        assertThat(w.timeline()).extracting(TimelineEntry::kind).containsExactly(EventKind.REGISTERED, EventKind.IMPORTED);
        assertThat(w.timeline()).allMatch(e -> e.recordedBy().equals("registrar-test"));
    }

    @Test
    void shouldCountTheDashboardByStatusAndTypeFromTheRegister() {
        Dashboard before = queries.dashboard();
        Registration rifle = RegistryFixtures.importedRifle(RegistryFixtures.uniqueSerial());
        registry.register(rifle);
        WeaponId stolen = registry.register(RegistryFixtures.importedRifle(RegistryFixtures.uniqueSerial()));
        registry.recordEvent(stolen, EventCommand.of(EventKind.REPORTED_STOLEN, LocalDate.of(2006, 1, 1)));

        Dashboard after = queries.dashboard();
        assertThat(after.weapons()).isEqualTo(before.weapons() + 2).isEqualTo(jdbc.queryForObject("SELECT count(*) FROM weapon", Long.class));
        assertThat(after.byStatus().get(WeaponStatus.LEGALLY_HELD)).isEqualTo(before.byStatus().getOrDefault(WeaponStatus.LEGALLY_HELD, 0L) + 1);
        assertThat(after.byStatus().get(WeaponStatus.STOLEN)).isEqualTo(before.byStatus().getOrDefault(WeaponStatus.STOLEN, 0L) + 1);
        var type = rifle.description().type();
        assertThat(after.byType().get(type)).isEqualTo(before.byType().getOrDefault(type, 0L) + 2);
        assertThat(after.byStatus().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(after.weapons());
        assertThat(after.byType().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(after.weapons());
        assertThat(after.byStatus()).isEqualTo(countedByStatus());

        // folded into one row per group, the counts stay the same and the rows to sum are fewer
        long rowsBefore = jdbc.queryForObject("SELECT count(*) FROM weapon_count_delta", Long.class);
        assertThat(counts.fold()).isEqualTo(rowsBefore); // tests fold only when asked (TestDatabase)
        Dashboard folded = queries.dashboard();
        assertThat(folded.byStatus()).isEqualTo(after.byStatus());
        assertThat(folded.byType()).isEqualTo(after.byType());
        long groups = jdbc.queryForObject("SELECT count(DISTINCT (status, weapon_type)) FROM weapon", Long.class);
        assertThat(rowsBefore).isGreaterThan(groups);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM weapon_count_delta", Long.class)).isEqualTo(groups);
    }

    /** Weapons by status, counted over the register itself. */
    private java.util.Map<WeaponStatus, Long> countedByStatus() {
        java.util.Map<WeaponStatus, Long> counted = new java.util.EnumMap<>(WeaponStatus.class);
        jdbc.query("SELECT status, count(*) FROM weapon GROUP BY status", rs -> {
            counted.put(WeaponStatus.valueOf(rs.getString(1)), rs.getLong(2));
        });
        return counted;
    }

    @Test
    void shouldRecordTransferAndTheftAndFollowTheHolder() {
        WeaponId id = registry.register(RegistryFixtures.importedRifle(RegistryFixtures.uniqueSerial()));
        HolderId buyer = registry.registerHolder(RegistryFixtures.person("Buyer One"));
        registry.recordEvent(id, EventCommand.of(EventKind.TRANSFERRED, LocalDate.of(2005, 1, 1)).withHolder(buyer.value()).withPlace("Shop", "Dealer", "S-1"));
        registry.recordEvent(id, EventCommand.of(EventKind.REPORTED_STOLEN, LocalDate.of(2006, 1, 1)));
        WeaponDetails w = queries.weapon(id).orElseThrow();
        assertThat(w.status()).isEqualTo(WeaponStatus.STOLEN);
        assertThat(w.holderId()).isEqualTo(buyer.value());
        assertThat(w.location()).isEqualTo("Shop");
    }

    @Test
    void shouldRefuseTransferOfDestroyedWeaponWithAMessageNamingTheDate() {
        WeaponId id = registry.register(RegistryFixtures.importedRifle(RegistryFixtures.uniqueSerial()));
        registry.recordEvent(id, EventCommand.of(EventKind.DESTROYED, LocalDate.of(2010, 5, 6)));
        HolderId buyer = registry.registerHolder(RegistryFixtures.person("Late Buyer"));
        assertThatThrownBy(() -> registry.recordEvent(id, EventCommand.of(EventKind.TRANSFERRED, LocalDate.of(2011, 1, 1)).withHolder(buyer.value())))
                .isInstanceOfSatisfying(UserFacingException.class, e -> {
                    assertThat(e.violations()).extracting(Violation::code).containsExactly("lifecycle.destroyed");
                    assertThat(e.violations().get(0).args()).contains(LocalDate.of(2010, 5, 6));
                });
        assertThatThrownBy(() -> registry.recordEvent(id, EventCommand.of(EventKind.DESTROYED, LocalDate.of(2011, 1, 1))))
                .isInstanceOf(UserFacingException.class);
        assertThat(queries.weapon(id).orElseThrow().timeline()).hasSize(3);
    }

    @Test
    void shouldVoidAMistakeAndRecomputeTheStatus() {
        WeaponId id = registry.register(RegistryFixtures.importedRifle(RegistryFixtures.uniqueSerial()));
        long theft = registry.recordEvent(id, EventCommand.of(EventKind.REPORTED_STOLEN, LocalDate.of(2010, 1, 1)));
        long correction = registry.voidEntry(id, theft, "Reported on the wrong weapon");
        WeaponDetails w = queries.weapon(id).orElseThrow();
        assertThat(w.status()).isEqualTo(WeaponStatus.LEGALLY_HELD);
        TimelineEntry voided = w.timeline().stream().filter(e -> e.seq() == theft).findFirst().orElseThrow();
        assertThat(voided.voided()).isTrue();
        assertThat(voided.voidedBy().seq()).isEqualTo(correction);
        assertThat(voided.voidedBy().reason()).isEqualTo("Reported on the wrong weapon");
        assertThat(voided.voidedBy().recordedBy()).isEqualTo("registrar-test");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM ledger_entry WHERE seq = ?", Long.class, theft)).isEqualTo(1);
    }

    @Test
    void shouldGiveBackTheRegisteredLocationWhenTheEntryThatMovedTheWeaponIsVoided() {
        Registration r = RegistryFixtures.importedRifle(RegistryFixtures.uniqueSerial());
        WeaponId id = registry.register(new Registration(r.description(), r.markings(), r.origin(), null, "Armoury 3"));
        long lost = registry.recordEvent(id, EventCommand.of(EventKind.REPORTED_LOST, LocalDate.of(2010, 1, 1)).withPlace("Roadside", "", ""));
        assertThat(queries.weapon(id).orElseThrow().location()).isEqualTo("Roadside");

        registry.voidEntry(id, lost, "Another weapon was lost");

        assertThat(queries.weapon(id).orElseThrow().location()).as("kept in the REGISTERED record").isEqualTo("Armoury 3");
        long stolen = registry.recordEvent(id, EventCommand.of(EventKind.REPORTED_STOLEN, LocalDate.of(2011, 1, 1)));
        registry.voidEntry(id, stolen, "Not this one either");
        assertThat(queries.weapon(id).orElseThrow().location()).as("a voided entry without a place moved nothing").isEqualTo("Armoury 3");
    }

    @Test
    void shouldRefuseAHolderEditMadeFromAVersionSomeoneChangedSince() {
        HolderId h = registry.registerHolder(RegistryFixtures.person("Edit Race"));
        java.time.Instant opened = queries.holder(h).orElseThrow().updatedAt(); // two registrars open the form
        HolderForm original = RegistryFixtures.person("Edit Race");
        registry.updateHolder(h, new HolderForm(original.kind(), original.name(), original.country(), original.birthDate(),
                original.idDocument(), original.address(), "+33 9 99", null, null), opened);

        assertThatThrownBy(() -> registry.updateHolder(h, new HolderForm(original.kind(), original.name(), original.country(),
                original.birthDate(), original.idDocument(), "2 rue Nouvelle", original.phone(), null, null), opened))
                .isInstanceOfSatisfying(UserFacingException.class, e -> {
                    assertThat(e.kind()).isEqualTo(UserFacingException.Kind.CONFLICT);
                    assertThat(e.violations()).extracting(Violation::field).containsExactly("version");
                });
        HolderDetails now = queries.holder(h).orElseThrow();
        assertThat(now.phone()).as("the first edit is not undone").isEqualTo("+33 9 99");
        assertThat(now.address()).isEqualTo("1 rue Test");
        registry.updateHolder(h, new HolderForm(original.kind(), original.name(), original.country(), original.birthDate(),
                original.idDocument(), "2 rue Nouvelle", now.phone(), null, null), now.updatedAt()); // from the version seen now
        assertThat(queries.holder(h).orElseThrow().address()).isEqualTo("2 rue Nouvelle");
    }

    @Test
    void shouldListTheWeaponsOfAHolderPageByPage() {
        HolderId armoury = registry.registerHolder(new HolderForm(HolderKind.STATE_BODY, "Armoury " + RegistryFixtures.uniqueSerial(), "FR",
                null, null, null, null, null, "police"));
        List<WeaponId> held = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            WeaponId w = registry.register(RegistryFixtures.importedRifle(RegistryFixtures.uniqueSerial()));
            registry.recordEvent(w, EventCommand.of(EventKind.TRANSFERRED, LocalDate.of(2005, 1, 1)).withHolder(armoury.value()));
            held.add(w);
        }
        var first = queries.weapons(new WeaponFilter(null, null, null, null, null, armoury.value()), new org.opensalw.shared.PageRequest(0, 2));
        var second = queries.weapons(new WeaponFilter(null, null, null, null, null, armoury.value()), new org.opensalw.shared.PageRequest(1, 2));
        assertThat(first.hasNext()).isTrue();
        assertThat(second.hasNext()).isFalse();
        assertThat(java.util.stream.Stream.concat(first.items().stream(), second.items().stream()).map(WeaponSummary::id))
                .containsExactlyInAnyOrderElementsOf(held);
    }

    @Test
    void shouldSearchHoldersByTheLettersTypedNotAsWildcards() {
        String p = "Q" + RegistryFixtures.uniqueSerial();
        registry.registerHolder(new HolderForm(HolderKind.COMPANY, p + "50% Arms", "FR", null, null, null, null, "R-" + p + "-1", "dealer"));
        registry.registerHolder(new HolderForm(HolderKind.COMPANY, p + "500 Arms", "FR", null, null, null, null, "R-" + p + "-2", "dealer"));
        registry.registerHolder(new HolderForm(HolderKind.COMPANY, p + "5_0 Arms", "FR", null, null, null, null, "R-" + p + "-3", "dealer"));
        assertThat(queries.holders(p + "50%", null, new org.opensalw.shared.PageRequest(0, 50)).items())
                .extracting(HolderSummary::name).containsExactly(p + "50% Arms");
        assertThat(queries.holders(p + "5_", null, new org.opensalw.shared.PageRequest(0, 50)).items())
                .extracting(HolderSummary::name).containsExactly(p + "5_0 Arms");
    }

    @Test
    void shouldFindHoldersByNameWithoutTheirAccents() {
        String p = RegistryFixtures.uniqueSerial();
        for (String name : List.of("José", "Aïcha", "Zoë")) {
            registry.registerHolder(RegistryFixtures.person(name + " " + p));
        }
        for (String typed : List.of("Jose", "aicha", "zoe", "ZOË")) {
            assertThat(queries.holders(typed + " " + p.toLowerCase(), null, new org.opensalw.shared.PageRequest(0, 50)).items())
                    .as(typed).extracting(HolderSummary::name).singleElement().satisfies(n -> assertThat(n).endsWith(" " + p));
        }
    }

    @Test
    void shouldFindNoWeaponForAnEventOnAnUnknownOneAndRefuseATransferToItsOwnHolder() {
        assertThatThrownBy(() -> registry.recordEvent(new WeaponId(java.util.UUID.randomUUID()),
                EventCommand.of(EventKind.REPORTED_LOST, LocalDate.of(2010, 1, 1))))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.kind()).isEqualTo(UserFacingException.Kind.NOT_FOUND));
        WeaponId id = registry.register(RegistryFixtures.importedRifle(RegistryFixtures.uniqueSerial()));
        HolderId buyer = registry.registerHolder(RegistryFixtures.person("Same Buyer"));
        registry.recordEvent(id, EventCommand.of(EventKind.TRANSFERRED, LocalDate.of(2005, 1, 1)).withHolder(buyer.value()));
        assertThatThrownBy(() -> registry.recordEvent(id, EventCommand.of(EventKind.TRANSFERRED, LocalDate.of(2006, 1, 1))
                .withHolder(buyer.value()))).isInstanceOfSatisfying(UserFacingException.class, e ->
                        assertThat(e.violations()).extracting(Violation::code).containsExactly("event.holder.same"));
    }

    @Test
    void shouldRefuseAVoidThatLeavesAnImpossibleHistory() {
        WeaponId id = registry.register(RegistryFixtures.importedRifle(RegistryFixtures.uniqueSerial()));
        long theft = registry.recordEvent(id, EventCommand.of(EventKind.REPORTED_STOLEN, LocalDate.of(2010, 1, 1)));
        long recovery = registry.recordEvent(id, EventCommand.of(EventKind.RECOVERED, LocalDate.of(2011, 1, 1)));
        assertThatThrownBy(() -> registry.voidEntry(id, theft, "wrong"))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.violations().get(0).args()).contains(recovery));
        assertThatThrownBy(() -> registry.voidEntry(id, theft, " ")).isInstanceOf(UserFacingException.class);
        assertThat(queries.weapon(id).orElseThrow().status()).isEqualTo(WeaponStatus.LEGALLY_HELD);
    }

    @Test
    void shouldRecordNothingOfABatchWithOneRefusedEvent() {
        WeaponId a = registry.register(RegistryFixtures.importedRifle(RegistryFixtures.uniqueSerial()));
        WeaponId b = registry.register(RegistryFixtures.importedRifle(RegistryFixtures.uniqueSerial()));
        long before = jdbc.queryForObject("SELECT count(*) FROM ledger_entry", Long.class);
        assertThatThrownBy(() -> registry.recordEvents(List.of(
                new BatchEvent(a, EventCommand.of(EventKind.REPORTED_LOST, LocalDate.of(2010, 1, 1))),
                new BatchEvent(b, EventCommand.of(EventKind.RECOVERED, LocalDate.of(2010, 1, 1)))), null))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.violations().get(0).field()).startsWith("events[1]"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM ledger_entry", Long.class)).isEqualTo(before);
        assertThat(queries.weapon(a).orElseThrow().status()).isEqualTo(WeaponStatus.LEGALLY_HELD);
    }

    @Test
    void shouldApplyABatchInOrderEvenForOneWeapon() {
        WeaponId a = registry.register(RegistryFixtures.importedRifle(RegistryFixtures.uniqueSerial()));
        registry.recordEvents(List.of(new BatchEvent(a, EventCommand.of(EventKind.REPORTED_LOST, LocalDate.of(2010, 1, 1))),
                new BatchEvent(a, EventCommand.of(EventKind.FOUND, LocalDate.of(2010, 2, 1))),
                new BatchEvent(a, EventCommand.of(EventKind.DESTROYED, LocalDate.of(2010, 3, 1)))), null);
        assertThat(queries.weapon(a).orElseThrow().status()).isEqualTo(WeaponStatus.DESTROYED);
    }

    @Test
    void shouldLicenceAWeaponOnlyUnderAValidLicenceOfItsHolder() {
        WeaponId id = registry.register(RegistryFixtures.importedRifle(RegistryFixtures.uniqueSerial()));
        HolderId owner = registry.registerHolder(RegistryFixtures.person("Licensed Owner"));
        LicenceId licence = registry.issueLicence(owner, new LicenceForm("L-" + RegistryFixtures.uniqueSerial(), LicenceKind.POSSESSION,
                LocalDate.of(2004, 1, 1), LocalDate.of(2030, 1, 1), "Bureau"));
        registry.recordEvent(id, EventCommand.of(EventKind.TRANSFERRED, LocalDate.of(2005, 1, 1)).withHolder(owner.value()));
        registry.recordEvent(id, EventCommand.of(EventKind.LICENSED, LocalDate.of(2005, 1, 2)).withLicence(licence.value()));
        registry.revokeLicence(licence, LocalDate.of(2006, 1, 1), "Conviction");
        assertThatThrownBy(() -> registry.issueLicence(owner, new LicenceForm("X", LicenceKind.POSSESSION, LocalDate.of(2004, 1, 1),
                LocalDate.of(2003, 1, 1), "Bureau"))).isInstanceOf(UserFacingException.class);
        HolderDetails details = queries.holder(owner).orElseThrow();
        assertThat(details.licences()).singleElement().satisfies(l -> assertThat(l.revokedOn()).isEqualTo(LocalDate.of(2006, 1, 1)));
        assertThat(details.history()).extracting(TimelineEntry::kind)
                .containsExactly(EventKind.HOLDER_REGISTERED, EventKind.LICENCE_ISSUED, EventKind.LICENCE_CANCELLED);
        assertThat(details.weapons()).extracting(WeaponSummary::id).contains(id);
    }

    @Test
    void shouldKeepHolderHistoryWhenUpdated() {
        HolderId h = registry.registerHolder(RegistryFixtures.person("Old Name"));
        registry.updateHolder(h, RegistryFixtures.person("New Name"));
        HolderDetails d = queries.holder(h).orElseThrow();
        assertThat(d.name()).isEqualTo("New Name");
        assertThat(d.history()).extracting(TimelineEntry::details).anyMatch(s -> s.contains("name=Old Name"));
    }

    @Test
    void shouldAuditEveryWrite() {
        WeaponId id = registry.register(RegistryFixtures.importedRifle(RegistryFixtures.uniqueSerial()));
        registry.recordEvent(id, EventCommand.of(EventKind.REPORTED_LOST, LocalDate.of(2010, 1, 1)));
        assertThat(jdbc.queryForList("SELECT action FROM audit_entry WHERE subject_id = ? AND username = 'registrar-test' AND kind = 'WRITE' ORDER BY id",
                String.class, id.toString())).containsExactly("weapon.register", "weapon.event");
    }

    @Test
    void shouldStorePhotosWithTheirHashInTheLedger() {
        WeaponId id = registry.register(RegistryFixtures.importedRifle(RegistryFixtures.uniqueSerial()));
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
        var photoId = registry.addPhoto(id, "receiver left side", "image/png", png);
        assertThat(queries.photo(photoId).orElseThrow().content()).isEqualTo(png);
        assertThat(queries.weapon(id).orElseThrow().timeline()).anyMatch(e -> e.kind() == EventKind.PHOTO_ADDED && e.details().contains("sha256="));
        assertThatThrownBy(() -> registry.addPhoto(id, "x", "application/pdf", png)).isInstanceOf(UserFacingException.class);
        // what a file claims to be is not enough: a text file sent as image/png is not a photo
        assertThatThrownBy(() -> registry.addPhoto(id, "x", "image/png", "not a picture".getBytes()))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.violations()).extracting(Violation::code)
                        .containsExactly("photo.content"));
    }

    @Test
    void shouldFilterWeaponsBySerialPrefixAndStatus() {
        String serial = RegistryFixtures.uniqueSerial();
        WeaponId id = registry.register(RegistryFixtures.importedRifle(serial));
        registry.recordEvent(id, EventCommand.of(EventKind.REPORTED_STOLEN, LocalDate.of(2010, 1, 1)));
        var page = queries.weapons(new WeaponFilter(serial.substring(0, 6).toLowerCase(), WeaponStatus.STOLEN, null, null, null, null),
                new org.opensalw.shared.PageRequest(0, 10));
        assertThat(page.items()).extracting(WeaponSummary::id).containsExactly(id);
    }

    @Test
    void shouldGiveEachConcurrentCallerItsOwnOutcomeWhenCommitsAreShared() throws Exception {
        List<WeaponId> weapons = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            weapons.add(registry.register(RegistryFixtures.importedRifle(RegistryFixtures.uniqueSerial())));
        }
        var auth = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(12);
        List<java.util.concurrent.Future<Long>> outcomes = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            WeaponId w = weapons.get(i);
            // every fourth caller asks for something impossible: a recovery of a weapon that was never lost
            EventKind kind = i % 4 == 0 ? EventKind.RECOVERED : EventKind.REPORTED_LOST;
            outcomes.add(pool.submit(() -> {
                org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(auth);
                return registry.recordEvent(w, EventCommand.of(kind, LocalDate.of(2012, 1, 1)));
            }));
        }
        for (int i = 0; i < 12; i++) {
            if (i % 4 == 0) {
                int index = i;
                assertThatThrownBy(() -> outcomes.get(index).get()).hasCauseInstanceOf(UserFacingException.class);
                assertThat(queries.weapon(weapons.get(i)).orElseThrow().status()).isEqualTo(WeaponStatus.LEGALLY_HELD);
            } else {
                long seq = outcomes.get(i).get();
                assertThat(queries.weapon(weapons.get(i)).orElseThrow().timeline()).anyMatch(e -> e.seq() == seq && e.recordedBy().equals("registrar-test"));
                assertThat(queries.weapon(weapons.get(i)).orElseThrow().status()).isEqualTo(WeaponStatus.LOST);
            }
        }
        pool.shutdown();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_entry WHERE action = 'weapon.event' AND subject_id = ?", Long.class,
                weapons.get(0).toString())).isZero();
    }

    @Test
    void shouldRefuseImplausibleDatesOfOriginAndBirth() {
        Registration r = RegistryFixtures.importedRifle(RegistryFixtures.uniqueSerial());
        for (LocalDate slip : List.of(LocalDate.of(20, 3, 4), LocalDate.of(1500, 3, 4))) {
            Registration early = new Registration(new WeaponDescription(r.description().type(), "KALASHNIKOV", null, "AKM", null, null, null,
                    RegistryFixtures.uniqueSerial()), List.of(), EventCommand.of(EventKind.IMPORTED, slip).withCountry("RU"), null, null);
            assertThatThrownBy(() -> registry.register(early)).isInstanceOfSatisfying(UserFacingException.class, e ->
                    assertThat(e.violations()).extracting(Violation::field, Violation::code)
                            .containsExactly(org.assertj.core.groups.Tuple.tuple("origin.occurredOn", "event.date.tooEarly")));
        }
        HolderForm p = RegistryFixtures.person("Born Later");
        for (LocalDate born : List.of(LocalDate.now().plusYears(4), LocalDate.of(1500, 1, 1))) {
            assertThatThrownBy(() -> registry.registerHolder(new HolderForm(p.kind(), p.name(), p.country(), born, p.idDocument(),
                    p.address(), p.phone(), null, null))).isInstanceOfSatisfying(UserFacingException.class, e ->
                            assertThat(e.violations()).extracting(Violation::field).containsExactly("birthDate"));
        }
        HolderId h = registry.registerHolder(p);
        assertThatThrownBy(() -> registry.updateHolder(h, new HolderForm(p.kind(), p.name(), p.country(), LocalDate.now().plusDays(2),
                p.idDocument(), p.address(), p.phone(), null, null))).isInstanceOf(UserFacingException.class);
        assertThat(queries.holder(h).orElseThrow().birthDate()).isEqualTo(p.birthDate());
    }

    @Test
    void shouldRefuseABulkHolderOfAnUnknownCountryAndWriteNothing() {
        java.util.UUID weapon = java.util.UUID.randomUUID();
        HolderForm nowhere = new HolderForm(HolderKind.COMPANY, "Nowhere Arms", "XX", null, null, null, null, "XX-1", "dealer");
        assertThatThrownBy(() -> registry.registerBulk(java.util.UUID.randomUUID(), List.of(new BulkWeapon(weapon,
                RegistryFixtures.importedRifle("BULK-XX-1"), List.of(), new BulkWeapon.BulkHolder(java.util.UUID.randomUUID(), nowhere)))
                .iterator()))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.violations()).extracting(Violation::field)
                        .containsExactly("weapons[0].holder.country"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM weapon WHERE id = ?", Long.class, weapon)).isZero();
    }
}
