package org.opensalw.importing;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opensalw.importing.internal.Columns;
import org.opensalw.importing.internal.XlsxTemplate;
import org.opensalw.reference.Country;
import org.opensalw.reference.References;
import org.opensalw.reference.WeaponType;
import org.opensalw.registry.EventKind;
import org.opensalw.registry.HolderKind;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** What a person fills in before importing: the documented columns, in their language, and the CSV and Excel templates. */
@Service
@PreAuthorize("isAuthenticated()")
public class ImportTemplates {

    private final References references;
    private final MessageSource messages;

    ImportTemplates(References references, MessageSource messages) {
        this.references = references;
        this.messages = messages;
    }

    /** The documented columns (docs/importing.md), described in the person's language. */
    public List<ColumnInfo> columns() {
        Locale locale = LocaleContextHolder.getLocale();
        return Columns.ALL.stream().map(c -> new ColumnInfo(c.name(), c.required(),
                messages.getMessage("import.column." + c.name(), null, c.description(), locale), c.example())).toList();
    }

    /** The CSV template: the documented header line and an example row (UTF-8, comma-separated). */
    public String csv() {
        return Columns.template();
    }

    /**
     * The Excel template (docs/importing.md): the documented header and an example row, with drop-down lists of the
     * allowed weapon types, holder kinds, events and country codes, and a sheet describing the columns in the person's
     * language.
     */
    public void writeXlsx(OutputStream out) throws IOException {
        Locale locale = LocaleContextHolder.getLocale();
        List<String> countries = references.countries().stream().map(Country::alpha2).sorted().toList();
        Map<String, List<String>> allowed = new LinkedHashMap<>();
        allowed.put(Columns.WEAPON_TYPE, Arrays.stream(WeaponType.values()).map(Enum::name).toList());
        allowed.put(Columns.COUNTRY, countries);
        allowed.put(Columns.HOLDER_KIND, Arrays.stream(HolderKind.values()).map(Enum::name).toList());
        allowed.put(Columns.HOLDER_COUNTRY, countries);
        allowed.put(Columns.ORIGIN_EVENT, EventKind.ORIGINS.stream().map(Enum::name).toList());
        allowed.put(Columns.ORIGIN_COUNTRY, countries);
        allowed.put(Columns.EVENT, EventKind.LIFECYCLE.stream().map(Enum::name).toList());
        allowed.put(Columns.EVENT_COUNTRY, countries);
        XlsxTemplate.write(out, columns(), allowed, new XlsxTemplate.Labels(text("import.template.sheet.columns", locale),
                text("import.mapping.column", locale), text("import.mapping.requiredMark", locale),
                text("import.template.description", locale), text("import.template.example", locale), text("import.template.allowed", locale)));
    }

    private String text(String code, Locale locale) {
        return messages.getMessage(code, null, locale);
    }
}
