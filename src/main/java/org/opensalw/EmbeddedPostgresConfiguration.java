package org.opensalw;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With no {@code spring.datasource.url} the application runs its own PostgreSQL, with its data under
 * {@code opensalw.data-dir} (default {@code ./data}) so what users entered survives restarts. It is the
 * same PostgreSQL as in production, so the same SQL runs everywhere.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "spring.datasource.url", matchIfMissing = true, havingValue = "__never__")
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${opensalw.data-dir:./data}") String dataDir,
            @Value("${opensalw.embedded-db.port:0}") int port,
            @Value("${opensalw.embedded-db.fsync:true}") boolean fsync) {
        Path pgDir = Path.of(dataDir, "pg").toAbsolutePath().normalize();
        try {
            Files.createDirectories(pgDir.getParent());
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(pgDir)
                    .setCleanDataDirectory(false)
                    // Spring stops it after the connection pool; its own hook would race the pool on shutdown
                    .setRegisterShutdownHook(false)
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("shared_buffers", "256MB")
                    // a bulk import writes gigabytes of WAL in one transaction: fewer forced checkpoints while it runs
                    .setServerConfig("max_wal_size", "4GB")
                    .setServerConfig("checkpoint_timeout", "15min")
                    .setServerConfig("plan_cache_mode", "force_custom_plan")
                    // zonky turns it off for test speed; a commit must survive a crash of the database process
                    // (a message acknowledged to a peer, a ledger entry), so it waits for its WAL to be written
                    .setServerConfig("synchronous_commit", "on")
                    // zonky starts PostgreSQL with -F (no fsync), which can corrupt the data directory when the machine
                    // loses power; the register is kept for decades, so it is on unless a test or benchmark turns it off
                    .setServerConfig("fsync", fsync ? "on" : "off");
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres pg = builder.start();
            log.info("Embedded PostgreSQL on port {} with data in {}", pg.getPort(), pgDir);
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + pgDir
                    + ". If initdb says it cannot be run as root, run OpenSALW as a normal user"
                    + " (see README, 'Running as root') or set spring.datasource.url.", e);
        }
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres pg, @Value("${opensalw.embedded-db.pool-size:20}") int poolSize) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres"));
        ds.setUsername("postgres");
        ds.setMaximumPoolSize(poolSize);
        ds.setPoolName("opensalw-embedded");
        // one multi-row INSERT per JDBC batch instead of one statement per row (ledger appends, imports)
        ds.addDataSourceProperty("reWriteBatchedInserts", "true");
        return ds;
    }
}
