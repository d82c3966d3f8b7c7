package org.opensalw.reference;

import java.util.List;

/** A weapon manufacturer as it may be marked: its names over time and the codes it stamps instead of a name. */
public record Maker(String code, String name, String country, List<String> aliases, List<String> formerNames,
        List<String> factoryCodes, String markingNotes, String source, String editedBy) {

    /** Every name under which the maker may appear on a weapon or in a legacy register. */
    public List<String> allNames() {
        var names = new java.util.ArrayList<String>();
        names.add(name);
        names.add(code);
        names.addAll(aliases);
        names.addAll(formerNames);
        names.addAll(factoryCodes);
        return names;
    }
}
