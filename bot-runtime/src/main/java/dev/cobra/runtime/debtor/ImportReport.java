package dev.cobra.runtime.debtor;

import java.util.List;

/**
 * The answer to a portfolio import (CONTRACTS.md): how many debtors were created, how many updated, and which rows
 * were rejected and why. {@code row} is the 1-based position of the debtor in the JSON array, or its 1-based data
 * line in the CSV (the header line is not counted).
 */
public record ImportReport(int imported, int updated, List<RejectedRow> rejected) {

    public record RejectedRow(int row, String id, List<String> errors) {
    }
}
