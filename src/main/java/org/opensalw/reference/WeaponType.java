package org.opensalw.reference;

/**
 * Weapon types as listed in ITI para 4 (a), with the ATT category VIII sub-category under which each is reported
 * (ATT reporting template: VIII.a small arms 1-6, VIII.b light weapons 1-7). Shotguns are not named in ITI para 4
 * and are reported by the ATT template under "others".
 */
public enum WeaponType {
    REVOLVER(SalwClass.SMALL_ARM, "VIII.a.1"),
    SELF_LOADING_PISTOL(SalwClass.SMALL_ARM, "VIII.a.1"),
    RIFLE(SalwClass.SMALL_ARM, "VIII.a.2"),
    CARBINE(SalwClass.SMALL_ARM, "VIII.a.2"),
    SUB_MACHINE_GUN(SalwClass.SMALL_ARM, "VIII.a.3"),
    ASSAULT_RIFLE(SalwClass.SMALL_ARM, "VIII.a.4"),
    LIGHT_MACHINE_GUN(SalwClass.SMALL_ARM, "VIII.a.5"),
    SHOTGUN(SalwClass.SMALL_ARM, "VIII.a.6"),
    OTHER_SMALL_ARM(SalwClass.SMALL_ARM, "VIII.a.6"),
    HEAVY_MACHINE_GUN(SalwClass.LIGHT_WEAPON, "VIII.b.1"),
    UNDER_BARREL_GRENADE_LAUNCHER(SalwClass.LIGHT_WEAPON, "VIII.b.2"),
    MOUNTED_GRENADE_LAUNCHER(SalwClass.LIGHT_WEAPON, "VIII.b.2"),
    HAND_HELD_GRENADE_LAUNCHER(SalwClass.LIGHT_WEAPON, "VIII.b.2"),
    PORTABLE_ANTI_TANK_GUN(SalwClass.LIGHT_WEAPON, "VIII.b.3"),
    RECOILLESS_RIFLE(SalwClass.LIGHT_WEAPON, "VIII.b.4"),
    PORTABLE_ANTI_TANK_LAUNCHER(SalwClass.LIGHT_WEAPON, "VIII.b.5"),
    MORTAR(SalwClass.LIGHT_WEAPON, "VIII.b.6"),
    PORTABLE_ANTI_AIRCRAFT_GUN(SalwClass.LIGHT_WEAPON, "VIII.b.7"),
    PORTABLE_ANTI_AIRCRAFT_LAUNCHER(SalwClass.LIGHT_WEAPON, "VIII.b.7"),
    OTHER_LIGHT_WEAPON(SalwClass.LIGHT_WEAPON, "VIII.b.7");

    private final SalwClass salwClass;
    private final String attSubcategory;

    WeaponType(SalwClass salwClass, String attSubcategory) {
        this.salwClass = salwClass;
        this.attSubcategory = attSubcategory;
    }

    public SalwClass salwClass() {
        return salwClass;
    }

    /** The ATT annual report line (category VIII) under which a transfer of this type is counted. */
    public String attSubcategory() {
        return attSubcategory;
    }
}
