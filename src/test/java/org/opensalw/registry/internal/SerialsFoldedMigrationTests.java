package org.opensalw.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.opensalw.TestDatabase;
import org.opensalw.identity.Role;
import org.opensalw.identity.SystemActor;
import org.opensalw.registry.RegistryFixtures;
import org.opensalw.registry.RegistryManagement;
import org.opensalw.registry.WeaponId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Migration 83 gives serials stored before it the normalised form the register now computes, and leaves the others. */
@TestDatabase
class SerialsFoldedMigrationTests {

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RegistryManagement registry;

    @Test
    void shouldNormaliseAgainSerialsWithAccentsOtherScriptsDigitsOrPaddingZeros() throws SQLException {
        String tail = UUID.randomUUID().toString().replaceAll("[^a-f]", "").toUpperCase() + "X"; // letters only: nothing to drop
        WeaponId padded = SystemActor.run("migration-test", Role.REGISTRAR, () -> registry.register(RegistryFixtures.importedRifle("PAD-000777-" + tail)));
        WeaponId accented = SystemActor.run("migration-test", Role.REGISTRAR, () -> registry.register(RegistryFixtures.importedRifle("ÉTN-٣٤٥-" + tail)));
        WeaponId plain = SystemActor.run("migration-test", Role.REGISTRAR, () -> registry.register(RegistryFixtures.importedRifle("PLN-345-" + tail)));
        assertThat(normalised(accented)).isEqualTo("ETN345" + tail);
        // as the register stored it before the rule changed
        jdbc.update("UPDATE weapon SET serial_normalised = ? WHERE id = ?", "ÉTN٣٤٥" + tail, accented.value());
        jdbc.update("UPDATE weapon SET serial_normalised = ? WHERE id = ?", "PAD000777" + tail, padded.value());
        assertThat(jdbc.queryForObject("SELECT flyway_schema_history.type FROM flyway_schema_history WHERE version = '83'", String.class))
                .isEqualTo("JDBC");

        try (Connection c = dataSource.getConnection()) {
            assertThat(SerialsFoldedMigration.refold(c)).isGreaterThanOrEqualTo(2);
        }

        assertThat(normalised(accented)).isEqualTo("ETN345" + tail);
        assertThat(normalised(padded)).isEqualTo("PAD777" + tail);
        assertThat(normalised(plain)).isEqualTo("PLN345" + tail);
    }


    private String normalised(WeaponId id) {
        return jdbc.queryForObject("SELECT serial_normalised FROM weapon WHERE id = ?", String.class, id.value());
    }
}
