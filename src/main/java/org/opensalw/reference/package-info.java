/**
 * Reference data every register leans on: countries with UN M49 regions, weapon makers (aliases, former names,
 * factory codes) and models, and the SALW categories of the ITI and the ATT. Shipped as data files with their
 * sources, loaded at start, editable by administrators.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "identity"})
package org.opensalw.reference;
