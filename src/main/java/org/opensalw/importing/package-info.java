/**
 * Loading legacy registers: CSV (UTF-8 or Latin-1, comma or semicolon, quoted fields) and .xlsx files are read as
 * streams, each row is checked with the registry's own rules, rejected rows go to an error report (line, column,
 * reason), suspected duplicates are flagged for a person to decide, and the accepted rows reach the register in one
 * bulk transaction when a registrar confirms the batch. Columns: docs/importing.md.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "registry", "reference", "identity"})
package org.opensalw.importing;
