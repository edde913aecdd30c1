package org.promoattribution.admin;

/**
 * One row of an imported sheet: its spreadsheet number (the header is row 1) and what it
 * defines, or the reason it defines nothing.
 */
public record SheetRow<T>(int number, T value, String error) {
    public boolean valid() {
        return error == null;
    }
}
