package dev.cobra.runtime.debtor;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cobra.runtime.web.error.ApiException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a portfolio CSV (RFC 4180: comma-separated, double quotes around cells that contain commas, quotes or
 * line breaks, a header row first) into debtor rows in the JSON shape, so JSON and CSV share one validator.
 *
 * <p>Columns (header names, any order, case-insensitive; empty cells mean "not given"):
 * <ul>
 *   <li>{@code id, name, phone, bsuid, email, locale, timezone, country, documentLast4}</li>
 *   <li>{@code consent.<channel>.optedIn}, {@code consent.<channel>.at}, {@code consent.<channel>.source} — any
 *       channel, e.g. {@code consent.whatsapp.optedIn}</li>
 *   <li>{@code debt.id, debt.product, debt.balance, debt.currency, debt.dueDate} for the first debt, and
 *       {@code debt2.*}, {@code debt3.*} … for more ({@code debt1.*} is the same as {@code debt.*})</li>
 * </ul>
 * One line is one debtor, so a rejected line never leaves part of a debtor behind.
 */
public final class DebtorCsvReader {

    /** Larger portfolios are imported in several files; bounds the memory of one request. */
    public static final int MAX_ROWS = 50_000;

    private static final Set<String> DEBTOR_COLUMNS = Set.of("id", "name", "phone", "bsuid", "email", "locale",
            "timezone", "country", "documentlast4");
    private static final Map<String, String> CANONICAL = Map.of("documentlast4", "documentLast4",
            "optedin", "optedIn", "duedate", "dueDate");
    private static final Pattern CONSENT = Pattern.compile("consent\\.([a-z][a-z_]{1,19})\\.(optedin|at|source)");
    private static final Pattern DEBT = Pattern.compile("debt([0-9]{0,2})\\.(id|product|balance|currency|duedate)");

    /** A data line: its 1-based number among data lines (the header is not counted) and the debtor it gives. */
    public record CsvRow(int row, ObjectNode debtor, String error) {
    }

    private interface Column {
    }

    private record Plain(String field) implements Column {
    }

    private record ConsentColumn(String channel, String field) implements Column {
    }

    private record DebtColumn(int index, String field) implements Column {
    }

    public List<CsvRow> read(String csv) {
        List<List<String>> records = parse(csv);
        if (records.isEmpty()) {
            throw ApiException.badRequest("invalid_csv", "The CSV is empty; the first line must name the columns.");
        }
        List<Column> columns = header(records.get(0));
        if (records.size() - 1 > MAX_ROWS) {
            throw new ApiException(org.springframework.http.HttpStatus.PAYLOAD_TOO_LARGE, "too_many_rows",
                    "At most " + MAX_ROWS + " debtors per file; split the file.");
        }
        List<CsvRow> rows = new ArrayList<>(records.size() - 1);
        for (int i = 1; i < records.size(); i++) {
            List<String> cells = records.get(i);
            if (cells.size() != columns.size()) {
                rows.add(new CsvRow(i, null, "expected " + columns.size() + " cells, found " + cells.size()));
                continue;
            }
            rows.add(new CsvRow(i, toDebtor(columns, cells), null));
        }
        return rows;
    }

    private static ObjectNode toDebtor(List<Column> columns, List<String> cells) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode debtor = json.objectNode();
        Map<String, ObjectNode> consent = new TreeMap<>();
        Map<Integer, ObjectNode> debts = new TreeMap<>();
        for (int c = 0; c < columns.size(); c++) {
            String value = cells.get(c).trim();
            if (value.isEmpty()) {
                continue;
            }
            Column column = columns.get(c);
            if (column instanceof Plain plain) {
                debtor.put(plain.field(), value);
            } else if (column instanceof ConsentColumn consentColumn) {
                consent.computeIfAbsent(consentColumn.channel(), k -> json.objectNode())
                        .put(consentColumn.field(), value);
            } else if (column instanceof DebtColumn debtColumn) {
                debts.computeIfAbsent(debtColumn.index(), k -> json.objectNode()).put(debtColumn.field(), value);
            }
        }
        if (!consent.isEmpty()) {
            ObjectNode consentNode = debtor.putObject("consent");
            consent.forEach(consentNode::set);
        }
        ArrayNode debtsNode = debtor.putArray("debts");
        debts.values().forEach(debtsNode::add);
        return debtor;
    }

    private static List<Column> header(List<String> names) {
        List<Column> columns = new ArrayList<>(names.size());
        Set<String> seen = new HashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String raw : names) {
            String name = raw.trim().toLowerCase(Locale.ROOT);
            if (name.startsWith("\uFEFF")) {
                name = name.substring(1); // byte-order mark written by spreadsheet programs
            }
            Column column = column(name);
            if (column == null) {
                unknown.add(raw.trim());
                continue;
            }
            if (!seen.add(String.valueOf(column))) {
                throw ApiException.badRequest("invalid_csv",
                        "Column '" + raw.trim() + "' appears twice in the header.");
            }
            columns.add(column);
        }
        if (!unknown.isEmpty()) {
            throw ApiException.badRequest("invalid_csv", "Unknown columns " + unknown + " in the header. Known: "
                    + "id, name, phone, bsuid, email, locale, timezone, country, documentLast4, "
                    + "consent.<channel>.optedIn|at|source, debt.id|product|balance|currency|dueDate, debt2.* ...");
        }
        if (!seen.contains(String.valueOf(new Plain("id")))) {
            throw ApiException.badRequest("invalid_csv", "The header must have an 'id' column.");
        }
        return columns;
    }

    private static Column column(String name) {
        if (DEBTOR_COLUMNS.contains(name)) {
            return new Plain(CANONICAL.getOrDefault(name, name));
        }
        Matcher consent = CONSENT.matcher(name);
        if (consent.matches()) {
            return new ConsentColumn(consent.group(1), CANONICAL.getOrDefault(consent.group(2), consent.group(2)));
        }
        Matcher debt = DEBT.matcher(name);
        if (debt.matches()) {
            int index = debt.group(1).isEmpty() ? 1 : Integer.parseInt(debt.group(1));
            if (index < 1) {
                return null;
            }
            return new DebtColumn(index, CANONICAL.getOrDefault(debt.group(2), debt.group(2)));
        }
        return null;
    }

    /** RFC 4180 records; blank lines are skipped, CRLF and LF both end a record. */
    static List<List<String>> parse(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean cellStarted = false;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i += 2;
                        continue;
                    }
                    quoted = false;
                } else {
                    cell.append(ch);
                }
                i++;
                continue;
            }
            switch (ch) {
                case '"' -> {
                    quoted = true;
                    cellStarted = true;
                }
                case ',' -> {
                    record.add(cell.toString());
                    cell.setLength(0);
                    cellStarted = true;
                }
                case '\r', '\n' -> {
                    if (ch == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    endRecord(records, record, cell, cellStarted);
                    record = new ArrayList<>();
                    cell.setLength(0);
                    cellStarted = false;
                }
                default -> {
                    cell.append(ch);
                    cellStarted = true;
                }
            }
            i++;
        }
        if (quoted) {
            throw ApiException.badRequest("invalid_csv", "A quoted cell is not closed before the end of the file.");
        }
        endRecord(records, record, cell, cellStarted);
        return records;
    }

    private static void endRecord(List<List<String>> records, List<String> record, StringBuilder cell,
                                  boolean cellStarted) {
        if (!cellStarted && record.isEmpty()) {
            return; // blank line
        }
        record.add(cell.toString());
        records.add(record);
    }
}
