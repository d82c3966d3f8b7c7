/**
 * The shared kernel: small value types every module may use (country codes, paging, user-facing errors).
 * Nothing here has behaviour of its own or reads a table.
 */
package org.opensalw.shared;
