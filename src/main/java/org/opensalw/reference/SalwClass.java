package org.opensalw.reference;

/** ITI para 4: small arms are for individual use, light weapons for use by two or three persons. */
public enum SalwClass {
    SMALL_ARM, LIGHT_WEAPON
}
