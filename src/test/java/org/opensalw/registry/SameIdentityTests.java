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
import org.springframework.transaction.PlatformTransactionManager;

/** ITI para 8 e: what identifies a weapon (a national mark; its maker and serial) is not silently given to a second one. */
@TestDatabase
@WithMockUser(username = "registrar-test", roles = "REGISTRAR")
class SameIdentityTests {

    @Autowired
    RegistryManagement registry;

    @Autowired
    RegistryQueries queries;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void shouldRefuseASecondWeaponOfTheSameMakerAndSerialUnlessTheRegistrarConfirmsItIsAnother() {
        String serial = RegistryFixtures.uniqueSerial();
        WeaponId first = registry.register(RegistryFixtures.importedRifle("AB-" + serial));
        Registration again = RegistryFixtures.importedRifle("ab " + serial.toLowerCase()); // the same serial written another way

        assertThatThrownBy(() -> registry.register(again)).isInstanceOfSatisfying(UserFacingException.class, e -> {
            assertThat(e.violations()).extracting(Violation::field).containsExactly("serial");
            assertThat(e.violations()).extracting(Violation::code).containsExactly("weapon.serial.duplicate");
            assertThat(e.violations().get(0).args()).contains(first.value(), "KALASHNIKOV");
        });
        assertThat(jdbc.queryForObject("SELECT count(*) FROM weapon WHERE serial_normalised = ?", Long.class, SerialNumbers.normalise("AB" + serial))).isEqualTo(1);

        WeaponId second = registry.register(new Registration(again.description(), again.markings(), again.origin(), null, null, true));
        assertThat(second).isNotEqualTo(first);
        assertThat(queries.weapon(second).orElseThrow().timeline().get(0).details()).contains("distinctFrom=" + first.value());
    }

    @Test
    void shouldRefuseANationalMarkThatAnotherWeaponCarriesWhenRegisteringOrMarking() {
        String mark = "NAT-" + RegistryFixtures.uniqueSerial() + "-0001";
        WeaponId marked = registry.register(withNationalMark(mark));

        assertThatThrownBy(() -> registry.register(withNationalMark(" " + mark.toLowerCase() + " ")))
                .isInstanceOfSatisfying(UserFacingException.class, e -> {
                    assertThat(e.violations()).extracting(Violation::field).containsExactly("markings[0].text");
                    assertThat(e.violations()).extracting(Violation::code).containsExactly("marking.national.taken");
                    assertThat(e.violations().get(0).args()).contains(marked.value());
                });
        WeaponId other = registry.register(RegistryFixtures.importedRifle(RegistryFixtures.uniqueSerial()));
        EventCommand marking = EventCommand.of(EventKind.MARKED, LocalDate.of(2012, 1, 1))
                .withMarking(new MarkingInput(MarkingKind.NATIONAL, mark, null, 2012));
        assertThatThrownBy(() -> registry.recordEvent(other, marking)).isInstanceOfSatisfying(UserFacingException.class, e -> {
            assertThat(e.violations()).extracting(Violation::field).containsExactly("marking.text");
            assertThat(e.violations()).extracting(Violation::code).containsExactly("marking.national.taken");
        });
        // nor can two weapons of one batch be given the same new mark
        String fresh = "NAT-" + RegistryFixtures.uniqueSerial();
        WeaponId third = registry.register(RegistryFixtures.importedRifle(RegistryFixtures.uniqueSerial()));
        EventCommand freshMark = EventCommand.of(EventKind.MARKED, LocalDate.of(2012, 1, 1))
                .withMarking(new MarkingInput(MarkingKind.NATIONAL, fresh, null, 2012));
        assertThatThrownBy(() -> registry.recordEvents(List.of(new BatchEvent(other, freshMark), new BatchEvent(third, freshMark)), null))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.violations()).extracting(Violation::field)
                        .containsExactly("events[1].marking.text"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM weapon_marking WHERE kind = 'NATIONAL' AND upper(text) = upper(?)",
                Long.class, mark)).isEqualTo(1);
    }

    @Test
    void shouldFreeANationalMarkWhoseMarkingWasVoided() {
        String mark = "NAT-" + RegistryFixtures.uniqueSerial() + "-V";
        WeaponId wrong = registry.register(RegistryFixtures.importedRifle(RegistryFixtures.uniqueSerial()));
        EventCommand marking = EventCommand.of(EventKind.MARKED, LocalDate.of(2012, 1, 1))
                .withMarking(new MarkingInput(MarkingKind.NATIONAL, mark, null, 2012));
        long seq = registry.recordEvent(wrong, marking);
        registry.voidEntry(wrong, seq, "marked the wrong weapon");
        WeaponId right = registry.register(RegistryFixtures.importedRifle(RegistryFixtures.uniqueSerial()));
        registry.recordEvent(right, marking); // the voided marking holds the mark no longer
        assertThat(jdbc.queryForObject("SELECT weapon_id FROM weapon_marking WHERE text = ? ORDER BY id DESC LIMIT 1", java.util.UUID.class, mark))
                .isEqualTo(right.value());
    }

    private static Registration withNationalMark(String mark) {
        Registration r = RegistryFixtures.importedRifle(RegistryFixtures.uniqueSerial());
        return new Registration(r.description(), List.of(new MarkingInput(MarkingKind.NATIONAL, mark, null, 2020)), r.origin(), null, null);
    }

    @Test
    void shouldLetOnlyOneOfSimultaneousRegistrationsOfTheSameSerialThrough() throws Exception {
        String serial = RegistryFixtures.uniqueSerial();
        var auth = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        var transactions = new org.springframework.transaction.support.TransactionTemplate(transactionManager);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        var start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<WeaponId>> tries = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            boolean ownTransaction = i % 2 == 0; // in a caller's transaction, or in the register's shared commits
            String written = i < 2 ? serial : serial.toLowerCase();
            tries.add(pool.submit(() -> {
                org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(auth);
                start.await();
                Registration r = RegistryFixtures.importedRifle(written);
                return ownTransaction ? transactions.execute(tx -> registry.register(r)) : registry.register(r);
            }));
        }
        start.countDown();
        int registered = 0;
        for (var t : tries) {
            try {
                t.get(60, java.util.concurrent.TimeUnit.SECONDS);
                registered++;
            } catch (java.util.concurrent.ExecutionException refused) {
                assertThat(refused.getCause()).isInstanceOfSatisfying(UserFacingException.class,
                        e -> assertThat(e.violations()).extracting(Violation::code).containsExactly("weapon.serial.duplicate"));
            }
        }
        pool.shutdown();
        assertThat(registered).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM weapon WHERE serial_normalised = ?", Long.class, SerialNumbers.normalise(serial)))
                .isEqualTo(1);
    }
}
