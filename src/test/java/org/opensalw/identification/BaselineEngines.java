package org.opensalw.identification;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.opensalw.registry.SerialNumbers;
import org.opensalw.registry.WeaponIdentity;
import org.postgresql.PGConnection;

/** The engines OpenSALW is compared with; each answers weapon numbers (positions in the register list), best first. */
final class BaselineEngines {

    /** Top numbers, and whether the engine presents the first as the weapon (an exact serial). */
    record Answer(int[] ids, boolean confident) {
    }

    interface Engine extends AutoCloseable {
        void build(List<WeaponIdentity> register) throws Exception;

        Answer search(Reading reading) throws Exception;

        long bytes() throws Exception;

        @Override
        default void close() throws Exception {
        }
    }

    private BaselineEngines() {
    }

    /** Exact match on the registry's normalised serial (case, separators, accents, Cyrillic look-alikes, digits of other scripts, zeros padding a number). */
    static final class Exact implements Engine {
        private final Map<String, int[]> bySerial = new HashMap<>();

        @Override
        public void build(List<WeaponIdentity> register) {
            for (int i = 0; i < register.size(); i++) {
                int n = i;
                bySerial.merge(register.get(i).serialNormalised(), new int[] {n}, (a, b) -> {
                    int[] c = java.util.Arrays.copyOf(a, a.length + 1);
                    c[a.length] = b[0];
                    return c;
                });
            }
        }

        @Override
        public Answer search(Reading reading) {
            int[] ids = bySerial.getOrDefault(SerialNumbers.normalise(reading.serial()), new int[0]);
            return new Answer(ids, ids.length > 0);
        }

        @Override
        public long bytes() {
            return -1;
        }
    }

    /** PostgreSQL pg_trgm: {@code serial % :q ORDER BY serial <-> :q LIMIT 10} on a GIN index, default threshold. */
    static final class Trigram implements Engine {
        private final DataSource dataSource;
        private Connection connection;
        private PreparedStatement query;

        Trigram(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        @Override
        public void build(List<WeaponIdentity> register) throws Exception {
            connection = dataSource.getConnection();
            try (var s = connection.createStatement()) {
                s.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm");
                s.execute("DROP TABLE IF EXISTS bench_identification");
                s.execute("CREATE TABLE bench_identification (n int PRIMARY KEY, serial text NOT NULL)");
            }
            var copy = connection.unwrap(PGConnection.class).getCopyAPI();
            int chunk = 200_000;
            for (int from = 0; from < register.size(); from += chunk) {
                StringBuilder rows = new StringBuilder(chunk * 20);
                for (int i = from; i < Math.min(register.size(), from + chunk); i++) {
                    rows.append(i).append('\t').append(register.get(i).serialNormalised()).append('\n');
                }
                copy.copyIn("COPY bench_identification (n, serial) FROM STDIN", new java.io.StringReader(rows.toString()));
            }
            try (var s = connection.createStatement()) {
                s.execute("CREATE INDEX bench_identification_trgm ON bench_identification USING gin (serial gin_trgm_ops)");
                s.execute("ANALYZE bench_identification");
                s.execute("SET plan_cache_mode = force_custom_plan");
            }
            query = connection.prepareStatement("SELECT n, serial = ? FROM bench_identification WHERE serial % ? ORDER BY serial <-> ? LIMIT 10");
        }

        @Override
        public Answer search(Reading reading) throws Exception {
            String q = SerialNumbers.normalise(reading.serial());
            query.setString(1, q);
            query.setString(2, q);
            query.setString(3, q);
            List<Integer> ids = new ArrayList<>();
            boolean exact = false;
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    exact |= ids.isEmpty() && rs.getBoolean(2);
                    ids.add(rs.getInt(1));
                }
            }
            return new Answer(ids.stream().mapToInt(Integer::intValue).toArray(), exact);
        }

        @Override
        public long bytes() throws Exception {
            try (var s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_total_relation_size('bench_identification')")) {
                rs.next();
                return rs.getLong(1);
            }
        }

        @Override
        public void close() throws Exception {
            try (var s = connection.createStatement()) {
                s.execute("DROP TABLE IF EXISTS bench_identification");
            }
            connection.close();
        }
    }

    /** Lucene FuzzyQuery, maxEdits 2 (transpositions count as one edit), on the normalised serial as one term. */
    static final class LuceneFuzzy implements Engine {
        private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
        private IndexSearcher searcher;

        @Override
        public void build(List<WeaponIdentity> register) throws Exception {
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig().setRAMBufferSizeMB(256))) {
                for (int i = 0; i < register.size(); i++) {
                    Document doc = new Document();
                    doc.add(new StringField("serial", register.get(i).serialNormalised(), Field.Store.YES));
                    doc.add(new StoredField("n", i));
                    writer.addDocument(doc);
                }
                writer.forceMerge(1);
            }
            searcher = new IndexSearcher(DirectoryReader.open(directory));
        }

        @Override
        public Answer search(Reading reading) throws Exception {
            String q = SerialNumbers.normalise(reading.serial());
            if (q.isEmpty()) {
                return new Answer(new int[0], false);
            }
            ScoreDoc[] hits = searcher.search(new FuzzyQuery(new Term("serial", q), 2), 10).scoreDocs;
            int[] ids = new int[hits.length];
            boolean exact = false;
            for (int i = 0; i < hits.length; i++) {
                Document d = searcher.storedFields().document(hits[i].doc);
                ids[i] = d.getField("n").numericValue().intValue();
                exact |= i == 0 && q.equals(d.get("serial"));
            }
            return new Answer(ids, exact);
        }

        @Override
        public long bytes() throws java.io.IOException {
            long total = 0;
            for (String file : directory.listAll()) {
                total += directory.fileLength(file);
            }
            return total;
        }
    }
}
