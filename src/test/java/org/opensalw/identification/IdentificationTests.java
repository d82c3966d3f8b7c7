package org.opensalw.identification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opensalw.TestDatabase;
import org.opensalw.reference.WeaponType;
import org.opensalw.registry.EventCommand;
import org.opensalw.registry.EventKind;
import org.opensalw.registry.MarkingKind;
import org.opensalw.registry.Registration;
import org.opensalw.registry.RegistryManagement;
import org.opensalw.registry.RegistryQueries;
import org.opensalw.registry.SerialNumbers;
import org.opensalw.registry.WeaponDescription;
import org.opensalw.registry.WeaponFilter;
import org.opensalw.registry.WeaponId;
import org.opensalw.registry.WeaponStatus;
import org.opensalw.shared.PageRequest;
import org.opensalw.shared.UserFacingException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

@TestDatabase
@WithMockUser(roles = {"REGISTRAR", "INVESTIGATOR"})
class IdentificationTests {

    @Autowired
    Identification identification;
    @Autowired
    RegistryManagement registry;
    @Autowired
    RegistryQueries queries;

    private WeaponId register(String maker, String serial) {
        return registry.register(new Registration(new WeaponDescription(WeaponType.ASSAULT_RIFLE, maker, null, "AKM", "7.62x39mm", "RU",
                1978, serial), List.of(), EventCommand.of(EventKind.IMPORTED, LocalDate.of(2001, 5, 2)).withCountry("RU"), null, null));
    }

    private Candidate top(Reading reading) {
        return identification.identify(reading).candidates().stream().findFirst().orElse(null);
    }

    @Test
    void shouldFindANewlyRegisteredWeaponFromAMisreadSerialAndAFormerMakerName() {
        WeaponId id = register("KALASHNIKOV", "ID 070 1234");
        Reading reading = Reading.serial("1DO7O1Z34").withMaker("Izhmash");
        await().pollInSameThread().atMost(Duration.ofSeconds(30)).until(() -> top(reading) != null && top(reading).weaponId().equals(id));
        assertThat(top(reading).differs()).isEmpty();
        assertThat(top(reading).serialMarks()).contains(SerialDifference.LOOK_ALIKE);
    }

    @Test
    void shouldFindASerialMarkedWithAccentsAndOtherDigitsFromWhatALatinKeyboardTypes() {
        String s = java.util.UUID.randomUUID().toString().substring(0, 6);
        WeaponId id = register("KALASHNIKOV", "ÉTN-٣٤٥ " + s);
        Reading typed = Reading.serial("ETN-345 " + s);
        await().pollInSameThread().atMost(Duration.ofSeconds(30)).until(() -> top(typed) != null && top(typed).weaponId().equals(id));
    }

    @Test
    void shouldRecordTheRecoveryOnTheMatchedRecordAndFollowItsStatus() {
        WeaponId id = register("KALASHNIKOV", "MR 55 8811");
        Reading reading = Reading.serial("MR55881?").withMaker("Kalashnikov");
        await().pollInSameThread().atMost(Duration.ofSeconds(30)).until(() -> top(reading) != null && top(reading).weaponId().equals(id));
        identification.recordAsMatched(id, new Recovery(EventKind.SEIZED, LocalDate.now(), "Border post East", "CASE-7", null, null));
        assertThat(queries.weapon(id).orElseThrow().status()).isEqualTo(WeaponStatus.IN_STATE_CUSTODY);
        await().pollInSameThread().atMost(Duration.ofSeconds(30)).until(() -> top(reading).status() == WeaponStatus.IN_STATE_CUSTODY);
    }

    @Test
    void shouldRegisterAnUnregisteredWeaponWithANationalMark() {
        Reading reading = new Reading("ZZ-9441", "Norinco", "Type 56", "7.62x39mm", WeaponType.ASSAULT_RIFLE, null, null);
        WeaponId id = identification.recordAsUnregistered(reading, new Recovery(EventKind.FOUND, LocalDate.now(), "River district", null, null, null));
        var weapon = queries.weapon(id).orElseThrow();
        assertThat(weapon.status()).isEqualTo(WeaponStatus.IN_STATE_CUSTODY);
        assertThat(weapon.makerCode()).isEqualTo("NORINCO");
        assertThat(weapon.markings()).anySatisfy(m -> {
            assertThat(m.kind()).isEqualTo(MarkingKind.NATIONAL);
            assertThat(m.text()).startsWith("NM-");
        });
    }

    @Test
    void shouldRefuseToGiveARecoveredWeaponANationalMarkAnotherWeaponCarries() {
        String mark = "NAT-XYZ-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        Recovery found = new Recovery(EventKind.FOUND, LocalDate.now(), "River district", null, null, mark);
        String s = java.util.UUID.randomUUID().toString().substring(0, 6);
        WeaponId first = identification.recordAsUnregistered(new Reading("NMA-" + s, "Norinco", "Type 56", null,
                WeaponType.ASSAULT_RIFLE, null, null), found);
        assertThatThrownBy(() -> identification.recordAsUnregistered(new Reading("NMB-" + s, "Norinco", "Type 56", null,
                WeaponType.ASSAULT_RIFLE, null, null), found)).isInstanceOfSatisfying(UserFacingException.class, e -> {
                    assertThat(e.violations()).hasSize(1);
                    assertThat(e.violations().get(0).field()).isEqualTo("nationalMark");
                    assertThat(e.violations().get(0).code()).isEqualTo("marking.national.taken");
                    assertThat(e.violations().get(0).args()).contains(first.value());
                });
        // the same maker and serial as a registered weapon: refused, naming it, unless the registrar says it is another
        Reading same = new Reading("NMA " + s, "Norinco", "Type 56", null, WeaponType.ASSAULT_RIFLE, null, null);
        Recovery again = new Recovery(EventKind.FOUND, LocalDate.now(), "River district", null, null, null);
        assertThatThrownBy(() -> identification.recordAsUnregistered(same, again)).isInstanceOfSatisfying(UserFacingException.class,
                e -> assertThat(e.violations()).extracting(org.opensalw.shared.Violation::code).containsExactly("weapon.serial.duplicate"));
        assertThat(identification.recordAsUnregistered(same, again, true)).isNotEqualTo(first);
    }

    @Test
    void shouldRefuseToRegisterAReadingWithUnreadCharactersAsTheSerial() {
        for (String partial : List.of("WC?8813", "*WD77881", "WE_5512")) {
            Reading reading = new Reading(partial, "Norinco", "Type 56", "7.62x39mm", WeaponType.ASSAULT_RIFLE, null, null);
            assertThatThrownBy(() -> identification.recordAsUnregistered(reading,
                    new Recovery(EventKind.FOUND, LocalDate.now(), "River district", null, null, null)))
                    .isInstanceOfSatisfying(UserFacingException.class, e -> {
                        assertThat(e.violations()).hasSize(1);
                        assertThat(e.violations().get(0).field()).isEqualTo("serial");
                        assertThat(e.violations().get(0).code()).isEqualTo("identification.serial.wildcard");
                    });
            // what would have been registered: the reading without its unread characters, another serial
            assertThat(queries.weapons(new WeaponFilter(SerialNumbers.normalise(partial), null, null, null, null, null), new PageRequest(0, 10))
                    .items()).isEmpty();
        }
    }

    @Test
    void shouldRefuseARecoveryThatIsNotFoundSeizedOrSurrendered() {
        WeaponId id = register("KALASHNIKOV", "RF 1");
        assertThatThrownBy(() -> identification.recordAsMatched(id, new Recovery(EventKind.EXPORTED, LocalDate.now(), null, null, null, null)))
                .isInstanceOf(UserFacingException.class);
    }
}
