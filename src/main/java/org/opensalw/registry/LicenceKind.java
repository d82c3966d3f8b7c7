package org.opensalw.registry;

public enum LicenceKind {
    POSSESSION, CARRY, DEALER, MANUFACTURE, COLLECTOR, BROKER, IMPORT_EXPORT
}
