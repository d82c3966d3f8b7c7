package org.opensalw.registry.web;

import static java.util.Map.entry;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;

/**
 * The labels that name the fields of the registry's forms, so that a refusal listed above a form names its field as
 * the form does, in the reader's language ("Year of manufacture:", "Date :"), not by the field's id.
 */
final class FieldLabels {

    static final Map<String, String> WEAPON = Map.ofEntries(entry("type", "weapon.type"), entry("makerCode", "weapon.maker"),
            entry("makerAsMarked", "weapon.makerAsMarked"), entry("model", "weapon.model"), entry("calibre", "weapon.calibre"),
            entry("serial", "weapon.serial.asMarked"), entry("countryOfManufacture", "weapon.countryOfManufacture"),
            entry("yearOfManufacture", "weapon.yearOfManufacture"), entry("location", "weapon.location"), entry("holderId", "weapon.holder"),
            entry("origin.kind", "weapon.origin.kind"), entry("origin.occurredOn", "event.date"), entry("occurredOn", "event.date"),
            entry("origin.place", "event.place"), entry("origin.actor", "event.actor"), entry("origin.reference", "event.reference"),
            entry("origin.country", "event.country.origin"), entry("origin.notes", "event.notes"), entry("text", "marking.text"),
            entry("marking.IMPORT.country", "marking.country"), entry("marking.IMPORT.year", "marking.year"));

    static final Map<String, String> EVENT = Map.ofEntries(entry("kind", "event.kind"), entry("occurredOn", "event.date"),
            entry("place", "event.place"), entry("actor", "event.actor"), entry("reference", "event.reference"),
            entry("notes", "event.notes"), entry("holderId", "event.holder.new"), entry("country", "marking.country"),
            entry("licenceId", "event.licence"), entry("marking", "marking.text"), entry("marking.kind", "marking.kind"),
            entry("marking.text", "marking.text"), entry("marking.country", "marking.country"), entry("marking.year", "marking.year"),
            entry("text", "marking.text"), entry("year", "marking.year"));

    static final Map<String, String> HOLDER = Map.ofEntries(entry("kind", "holder.kind"), entry("name", "holder.name"),
            entry("country", "holder.country"), entry("birthDate", "holder.birthDate"), entry("idDocument", "holder.idDocument"),
            entry("address", "holder.address"), entry("phone", "holder.phone"), entry("registrationNumber", "holder.registrationNumber"),
            entry("role", "holder.role"), entry("number", "licence.number"), entry("validFrom", "licence.validFrom"),
            entry("validUntil", "licence.validUntil"), entry("issuingAuthority", "licence.authority"), entry("revokedOn", "licence.revokedOn.label"),
            entry("reason", "licence.reason"), entry("licenceId", "licence.number"));

    private FieldLabels() {
    }

    /**
     * For each refused field of the form that has a label, the label as it starts the refusal ("Name:" in English, "Nom :"
     * in French); fields without one (the whole form, a hidden field) are left out, their refusal is shown alone.
     */
    static Map<String, String> of(Map<String, String> errors, Map<String, String> labels, MessageSource messages, Locale locale) {
        Map<String, String> named = new LinkedHashMap<>();
        for (String field : errors.keySet()) {
            String key = labels.get(field);
            if (key == null && field.matches("marking\\.[A-Z_]+\\.text")) { // the registration form's markings, one per kind
                key = field.substring(0, field.length() - ".text".length());
            }
            if (key != null) {
                named.put(field, messages.getMessage("form.field", new Object[] {messages.getMessage(key, null, field, locale)}, locale));
            }
        }
        return named;
    }
}
