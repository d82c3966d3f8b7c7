package org.opensalw.identification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opensalw.TestDatabase;
import org.opensalw.identification.Alert;
import org.opensalw.identification.Reading;
import org.opensalw.identification.WatchList;
import org.opensalw.identity.Role;
import org.opensalw.identity.UserAccounts;
import org.opensalw.reference.WeaponType;
import org.opensalw.registry.EventCommand;
import org.opensalw.registry.EventKind;
import org.opensalw.registry.Registration;
import org.opensalw.registry.RegistryManagement;
import org.opensalw.registry.RegistryQueries;
import org.opensalw.registry.WeaponDescription;
import org.opensalw.registry.WeaponId;
import org.opensalw.registry.WeaponStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * Several instances share one database, and registry events reach only the instance that published them. Here the
 * other instance is an index and a checker built as at its start and then reached by none of this instance's events:
 * what it knows of the writes made here, it has from the database.
 */
@TestDatabase
@WithMockUser(roles = {"REGISTRAR", "INVESTIGATOR"})
class FollowingOtherInstancesTests {

    @Autowired
    RegistryManagement registry;
    @Autowired
    RegistryQueries queries;
    @Autowired
    WatchList watchList;
    @Autowired
    MakerDirectory makers;
    @Autowired
    WatchListStore store;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    Clock clock;
    @Autowired
    UserAccounts accounts;
    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactionManager;

    private WeaponId register(String serial) {
        return registry.register(new Registration(new WeaponDescription(WeaponType.ASSAULT_RIFLE, "KALASHNIKOV", null, "AKM", "7.62x39mm", "RU",
                1981, serial), List.of(), EventCommand.of(EventKind.IMPORTED, LocalDate.of(2002, 6, 3)).withCountry("RU"), null, null));
    }

    private WeaponId registerStolen(String serial) {
        WeaponId id = register(serial);
        registry.recordEvent(id, EventCommand.of(EventKind.REPORTED_STOLEN, LocalDate.now()));
        return id;
    }

    private RegisterFollower otherFollower() {
        return new RegisterFollower(new IdentificationIndex(makers::code), queries);
    }

    private WatchListChecker otherChecker(RegisterFollower follower, long readyWaitMillis) {
        return new WatchListChecker(follower, makers, store, queries, events, clock, accounts, List.of(Role.INVESTIGATOR), readyWaitMillis,
                transactionManager);
    }

    @Test
    void shouldFollowWeaponsRegisteredAndReportedStolenOnAnotherInstance() {
        RegisterFollower follower = otherFollower();
        follower.build();
        WeaponId id = register("FO 5550101");
        assertThat(follower.index().contains(id)).isFalse();

        follower.catchUp();
        assertThat(follower.index().contains(id)).isTrue();

        registry.recordEvent(id, EventCommand.of(EventKind.REPORTED_STOLEN, LocalDate.now()));
        follower.catchUp();
        assertThat(follower.index().identify(Reading.serial("FO 5550101"), 5).candidates())
                .filteredOn(c -> c.weaponId().equals(id)).singleElement()
                .satisfies(c -> assertThat(c.status()).isEqualTo(WeaponStatus.STOLEN));
    }

    @Test
    void shouldAlertOnAStolenReportAndAListImportedOnAnotherInstance() {
        RegisterFollower follower = otherFollower();
        WatchListChecker checker = otherChecker(follower, 5_000);
        follower.build();
        checker.run(null);
        WeaponId stolen = registerStolen("FO 6670202");
        watchList.importList("other instance " + UUID.randomUUID(), new StringReader("""
                reference,serial,maker,model,calibre,type,reported_by,report_kind,reported_on
                FO-1,FO-6670202,KALASHNIKOV,AKM,7.62x39mm,ASSAULT_RIFLE,KE,STOLEN,2025-01-10
                """));
        // read with a look-alike (O for 0); registered, not recovered, so this instance's own checker leaves it alone
        WeaponId recovered = register("FO 667O202");
        long recovery = queries.ledgerHead();

        List<Alert> raised = checker.check(recovered, null, recovery);

        assertThat(raised).extracting(Alert::origin).containsExactlyInAnyOrder("REGISTER", "IMPORTED");
        assertThat(raised).filteredOn(a -> a.origin().equals("REGISTER")).singleElement()
                .satisfies(a -> assertThat(a.matchedWeaponId()).isEqualTo(stolen));
    }

    @Test
    void shouldLeaveACheckOutstandingUntilTheIndexesAreLoaded() {
        WeaponId stolen = registerStolen("FO 7780303");
        WeaponId recovered = register("FO 778O303");
        long recovery = queries.ledgerHead();
        // as at a restart: events still outstanding are delivered again before the index is built and the lists loaded
        RegisterFollower follower = otherFollower();
        WatchListChecker checker = otherChecker(follower, 200);

        assertThatThrownBy(() -> checker.check(recovered, null, recovery)).isInstanceOf(IllegalStateException.class);
        assertThat(watchList.alerts(false)).noneMatch(a -> a.weaponId().equals(recovered));

        follower.build();
        checker.run(null);
        assertThat(checker.check(recovered, null, recovery)).singleElement()
                .satisfies(a -> assertThat(a.matchedWeaponId()).isEqualTo(stolen));
    }
}
