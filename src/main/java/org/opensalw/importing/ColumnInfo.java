package org.opensalw.importing;

/** A documented column of the import file: its name, whether it is required, and what it holds. */
public record ColumnInfo(String name, boolean required, String description, String example) {
}
