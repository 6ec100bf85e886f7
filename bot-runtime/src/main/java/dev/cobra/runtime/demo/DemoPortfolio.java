package dev.cobra.runtime.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The demo debtors: one per stage (and one before its due date), in different countries, with invented names,
 * numbers and documents. Due dates are relative to the day of loading in each debtor's own time zone (the zone
 * days past due are counted in), so the stages are right on first start at any hour.
 */
public final class DemoPortfolio {

    /** One demo debtor. {@code documentLast4} is public on purpose: people need it to pass verification. */
    public record DemoDebtor(String id, String stage, String name, String phone, String locale, String timezone,
                             String country, String documentLast4, String product, BigDecimal balance,
                             String currency, long daysPastDue) {
    }

    public static final List<DemoDebtor> DEBTORS = List.of(
            new DemoDebtor("DEMO-EARLY-CO", "early", "Ana Pérez", "+573000000001", "es-CO", "America/Bogota", "CO",
                    "1234", "Tarjeta de crédito", new BigDecimal("1250000"), "COP", 10),
            new DemoDebtor("DEMO-PREDUE-US", "early, before the due date", "John Miller", "+12025550101", "en-US",
                    "America/New_York", "US", "2468", "Credit card", new BigDecimal("420.00"), "USD", -3),
            new DemoDebtor("DEMO-MID-MX", "mid", "Luis Hernández", "+525500000002", "es-MX", "America/Mexico_City",
                    "MX", "5678", "Préstamo personal", new BigDecimal("18500.00"), "MXN", 45),
            new DemoDebtor("DEMO-LATE-ES", "late", "Carmen Ruiz", "+34600000003", "es-ES", "Europe/Madrid", "ES",
                    "9012", "Préstamo al consumo", new BigDecimal("2300.00"), "EUR", 120));

    private DemoPortfolio() {
    }

    /** The debtors in the import JSON shape, so they go through the same validation as any import. */
    public static List<JsonNode> asImportRows(Clock clock) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        return DEBTORS.stream().<JsonNode>map(d -> {
            LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(d.timezone())));
            ObjectNode row = json.objectNode()
                    .put("id", d.id())
                    .put("name", d.name())
                    .put("phone", d.phone())
                    .put("locale", d.locale())
                    .put("timezone", d.timezone())
                    .put("country", d.country())
                    .put("documentLast4", d.documentLast4());
            row.putObject("consent").putObject("whatsapp")
                    .put("optedIn", true)
                    .put("at", today.atStartOfDay().toInstant(ZoneOffset.UTC).toString())
                    .put("source", "demo");
            row.putArray("debts").addObject()
                    .put("id", d.id().replace("DEMO-", "L-"))
                    .put("product", d.product())
                    .put("balance", d.balance())
                    .put("currency", d.currency())
                    .put("dueDate", today.minusDays(d.daysPastDue()).toString());
            return row;
        }).toList();
    }
}
