package org.opensalw.reference;

/** A weapon model of a maker, with its type, calibre and typical serial format (A = letter, 9 = digit). */
public record Model(long id, String makerCode, String name, WeaponType type, String calibre, String serialFormat,
        String source, String editedBy) {
}
