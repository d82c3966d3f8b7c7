package org.opensalw.importing;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.opensalw.registry.RegistryQueries;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the import tests share: the services, the columns of a full file, and how they load a file and count what it registered. */
abstract class ImportTestSupport {

    static final String HEADER = "weapon_type,maker,model,calibre,country_of_manufacture,year_of_manufacture,serial,national_mark,"
            + "holder_kind,holder_name,holder_document,origin_event,origin_date,origin_country,event,event_date,event_country";

    @Autowired
    org.opensalw.registry.RegistryManagement registry;
    @Autowired
    ImportManagement imports;

    @Autowired
    ImportTemplates templates;

    @Autowired
    RegistryQueries queries;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    javax.sql.DataSource dataSource;

    static String tag() {
        return "I" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    }

    ImportBatch load(String name, byte[] content, ImportOptions options) {
        PreparedFile p = imports.prepare(name, new ByteArrayInputStream(content), options.encoding());
        return imports.run(p.id(), options, null);
    }

    ImportBatch load(String csv) {
        return load("file.csv", csv.getBytes(StandardCharsets.UTF_8), ImportOptions.of("dd/MM/yyyy"));
    }

    List<String[]> errors(UUID batch) {
        StringWriter out = new StringWriter();
        imports.writeErrors(batch, out);
        return out.toString().lines().skip(1).map(l -> l.split(",", 4)).toList();
    }

    long weaponsOfBatch(UUID batch) {
        return jdbc.queryForObject("SELECT count(*) FROM weapon WHERE batch_id = ?", Long.class, batch);
    }
}
