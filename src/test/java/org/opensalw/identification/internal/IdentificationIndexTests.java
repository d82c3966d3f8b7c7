package org.opensalw.identification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opensalw.identification.Candidate;
import org.opensalw.identification.Identified;
import org.opensalw.identification.Reading;
import org.opensalw.reference.WeaponType;
import org.opensalw.registry.SerialNumbers;
import org.opensalw.registry.WeaponId;
import org.opensalw.registry.WeaponIdentity;
import org.opensalw.registry.WeaponStatus;

class IdentificationIndexTests {

    private static final Map<String, String> MAKERS = Map.of("izhmash", "IZHMASH", "kalashnikovconcern", "IZHMASH", "ижмаш", "IZHMASH",
            "norinco", "NORINCO", "66", "NORINCO", "fnherstal", "FN");
    private final IdentificationIndex index = new IdentificationIndex(name -> MAKERS.get(org.opensalw.shared.TextKey.of(name)));

    private WeaponId add(String maker, String serial) {
        WeaponId id = new WeaponId(UUID.randomUUID());
        index.add(new WeaponIdentity(id, WeaponType.ASSAULT_RIFLE, maker, maker, "AKM", "7.62x39mm", "RU", 1975, serial,
                SerialNumbers.normalise(serial), WeaponStatus.LEGALLY_HELD));
        return id;
    }

    private Identified identify(String serial, String maker) {
        return index.identify(Reading.serial(serial).withMaker(maker), 10);
    }

    private void withNoise() {
        for (int i = 0; i < 500; i++) {
            add("NORINCO", String.format("%08d", i * 7919 % 100_000_000));
        }
    }

    @Test
    void shouldFindAnExactSerialConfidently() {
        withNoise();
        WeaponId id = add("IZHMASH", "KA 123456");
        index.freeze();
        Identified found = identify("KA123456", "Izhmash");
        assertThat(found.candidates().get(0).weaponId()).isEqualTo(id);
        assertThat(found.confident()).isTrue();
    }

    @Test
    void shouldFindASerialReadWithLookAlikes() {
        WeaponId id = add("IZHMASH", "KB 105 832");
        index.freeze();
        assertThat(identify("K8-IOS-B3Z", "Izhmash").candidates().get(0).weaponId()).isEqualTo(id);
    }

    @Test
    void shouldReadCyrillicAsLatinAndFindTheMakerByAFormerName() {
        WeaponId id = add("IZHMASH", "КА 4421");
        index.freeze();
        Identified found = identify("KA4421", "Ижмаш");
        assertThat(found.makerCode()).isEqualTo("IZHMASH");
        assertThat(found.candidates().get(0).weaponId()).isEqualTo(id);
        assertThat(found.confident()).isTrue();
    }

    @Test
    void shouldFindAWeaponDespiteLeadingZeros() {
        WeaponId id = add("NORINCO", "00012345");
        index.freeze();
        assertThat(identify("12345", "66").candidates().get(0).weaponId()).isEqualTo(id);
    }

    @Test
    void shouldFindAWeaponReadWithoutTheLettersBetweenDigits() {
        WeaponId id = add("FN", "123AB45678");
        index.freeze();
        assertThat(identify("12345678", "FN Herstal").candidates().get(0).weaponId()).isEqualTo(id);
    }

    @Test
    void shouldFindAWeaponWithUnknownPositionsAndUnreadableEnds() {
        withNoise();
        WeaponId id = add("NORINCO", "56123987");
        index.freeze();
        assertThat(identify("56?23987", "Norinco").candidates().get(0).weaponId()).isEqualTo(id);
        assertThat(identify("5?12?987", "Norinco").candidates().get(0).weaponId()).isEqualTo(id);
        assertThat(identify("*123987", "Norinco").candidates().get(0).weaponId()).isEqualTo(id);
        assertThat(identify("561239*", "Norinco").candidates().get(0).weaponId()).isEqualTo(id);
    }

    @Test
    void shouldFindASovietPatternSerialWhoseUnknownPositionsHideCyrillicLetters() {
        withNoise();
        WeaponId id = add("TULA", "ГН 5054");
        WeaponId twin = add("TULA", "ФФ 4629");
        add("TULA", "EH 7054"); // Latin serials that fit the same readings must not hide the Cyrillic ones
        add("TULA", "H6 4629");
        index.freeze();
        assertThat(identify("?H?054", "Tula").candidates()).extracting(c -> c.weaponId()).contains(id);
        assertThat(identify("??4629", "Tula").candidates()).extracting(c -> c.weaponId()).contains(twin);
    }

    @Test
    void shouldFindAWeaponWithOneCharacterMissingExtraOrSwapped() {
        withNoise();
        WeaponId id = add("NORINCO", "56123987");
        index.freeze();
        assertThat(identify("5612397", "Norinco").candidates().get(0).weaponId()).isEqualTo(id);
        assertThat(identify("561923987", "Norinco").candidates().get(0).weaponId()).isEqualTo(id);
        assertThat(identify("56129387", "Norinco").candidates().get(0).weaponId()).isEqualTo(id);
        assertThat(identify("56129387", "Norinco").confident()).isFalse();
    }

    @Test
    void shouldGiveTwoCandidatesForOneSerialUnderTwoMakersAndRankTheReadMakerFirst() {
        WeaponId izh = add("IZHMASH", "123456");
        WeaponId nor = add("NORINCO", "123456");
        index.freeze();
        Identified found = identify("123456", "Kalashnikov Concern");
        assertThat(found.candidates()).extracting(Candidate::weaponId).containsExactly(izh, nor);
        assertThat(found.candidates().get(1).differs()).contains("maker");
        assertThat(found.candidates().get(1).confident()).isFalse();
    }

    @Test
    void shouldNotConfidentlyMatchAWeaponThatIsNotRegistered() {
        add("NORINCO", "56123987");
        index.freeze();
        assertThat(identify("56123988", "Norinco").confident()).isFalse();
        assertThat(identify("56123987", "Izhmash").confident()).isFalse();
    }

    @Test
    void shouldFindWeaponsRegisteredAfterTheBulkLoadAndFollowTheirStatus() {
        withNoise();
        index.freeze();
        WeaponId id = add("NORINCO", "77123987");
        index.status(id, WeaponStatus.STOLEN);
        Candidate top = identify("77I23987", "Norinco").candidates().get(0);
        assertThat(top.weaponId()).isEqualTo(id);
        assertThat(top.status()).isEqualTo(WeaponStatus.STOLEN);
    }

    @Test
    void shouldNotBeConfidentWhenAnotherRecordOfTheMakerComesClose() {
        WeaponId one = add("NORINCO", "56123987");
        add("NORINCO", "S6123987");
        index.freeze();
        Identified found = identify("56123987", "Norinco");
        assertThat(found.candidates().get(0).weaponId()).isEqualTo(one);
        assertThat(found.confident()).isFalse();
    }
}
