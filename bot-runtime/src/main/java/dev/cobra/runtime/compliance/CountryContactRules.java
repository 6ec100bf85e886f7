package dev.cobra.runtime.compliance;

import dev.cobra.runtime.persistence.CollectionOwner;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The contact policy of each country: the defaults of PRODUCT.md's contact-law table, replaced per country by
 * what an ADMIN saved (collection {@value #COLLECTION}, one document per country code; a saved policy replaces
 * the default whole). Countries without a policy of their own use {@code DEFAULT}.
 */
@CollectionOwner("contact_policies")
public class CountryContactRules {

    private static final String COLLECTION = "contact_policies";
    public static final String DEFAULT = "DEFAULT";

    private static final Map<String, CountryPolicy> DEFAULTS = defaults();

    private final ReactiveMongoTemplate mongo;

    public CountryContactRules(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The policy in force for a debtor's country (case-insensitive), falling back to {@code DEFAULT}. */
    public Mono<CountryPolicy> forCountry(String country) {
        String code = country == null || country.isBlank() ? DEFAULT : country.trim().toUpperCase(Locale.ROOT);
        return mongo.findById(code, Document.class, COLLECTION).map(CountryContactRules::fromDocument)
                .switchIfEmpty(Mono.defer(() -> {
                    CountryPolicy builtIn = DEFAULTS.get(code);
                    if (builtIn != null) {
                        return Mono.just(builtIn);
                    }
                    return code.equals(DEFAULT) ? Mono.just(DEFAULTS.get(DEFAULT))
                            : forCountry(DEFAULT).map(fallback -> rename(fallback, code));
                }));
    }

    /** Every policy in force: the defaults overlaid with the saved ones. */
    public Mono<List<CountryPolicy>> all() {
        return Flux.fromIterable(new ArrayList<>(DEFAULTS.keySet()))
                .concatWith(mongo.findAll(Document.class, COLLECTION).map(doc -> doc.getString("_id")))
                .distinct()
                .concatMap(this::forCountry)
                .collectList();
    }

    public Mono<CountryPolicy> save(CountryPolicy policy) {
        return mongo.save(toDocument(policy), COLLECTION).map(CountryContactRules::fromDocument);
    }

    /** Back to the built-in default (only for countries that have one). */
    public Mono<Void> reset(String country) {
        return mongo.remove(Query.query(Criteria.where("_id").is(country)), COLLECTION).then();
    }

    public static CountryPolicy builtIn(String country) {
        return DEFAULTS.get(country);
    }

    private static CountryPolicy rename(CountryPolicy policy, String country) {
        return new CountryPolicy(country, policy.zone(), policy.hours(), policy.skipHolidays(), policy.maxPerDay(),
                policy.maxPerWeek(), policy.oneChannelPerWeek(), policy.source());
    }

    private static Map<String, CountryPolicy> defaults() {
        Map<String, CountryPolicy> map = new LinkedHashMap<>();
        Map<DayOfWeek, CountryPolicy.Window> co = days(window("07:00", "19:00"), DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
                DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
        co.put(DayOfWeek.SATURDAY, window("08:00", "15:00"));
        map.put("CO", new CountryPolicy("CO", "America/Bogota", co, true, 1, 0, true, "Ley 2300 de 2023"));
        map.put("MX", new CountryPolicy("MX", "America/Mexico_City", days(window("07:00", "22:00"), DayOfWeek.values()),
                false, 1, 0, false, "CONDUSEF rules for collection agencies (2014); 1/day product default"));
        map.put("US", new CountryPolicy("US", "America/New_York", days(window("08:00", "21:00"), DayOfWeek.values()),
                false, 0, 0, false, "Reg F, 12 CFR 1006"));
        map.put("ES", new CountryPolicy("ES", "Europe/Madrid", days(window("09:00", "21:00"), DayOfWeek.MONDAY,
                DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY),
                false, 1, 0, false, "consumer-law reference; GDPR; Mon-Fri and 1/day product defaults"));
        map.put(DEFAULT, new CountryPolicy(DEFAULT, "UTC", days(window("08:00", "20:00"), DayOfWeek.MONDAY,
                DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY, DayOfWeek.SATURDAY),
                false, 1, 0, false, "product default"));
        return Map.copyOf(map);
    }

    private static CountryPolicy.Window window(String from, String to) {
        return new CountryPolicy.Window(LocalTime.parse(from), LocalTime.parse(to));
    }

    private static Map<DayOfWeek, CountryPolicy.Window> days(CountryPolicy.Window window, DayOfWeek... days) {
        Map<DayOfWeek, CountryPolicy.Window> map = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : days) {
            map.put(day, window);
        }
        return map;
    }

    static Document toDocument(CountryPolicy policy) {
        Document hours = new Document();
        policy.hours().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> hours.append(
                e.getKey().name(), new Document("from", e.getValue().from().toString())
                        .append("to", e.getValue().to().toString())));
        return new Document("_id", policy.country()).append("zone", policy.zone()).append("hours", hours)
                .append("skipHolidays", policy.skipHolidays()).append("maxPerDay", policy.maxPerDay())
                .append("maxPerWeek", policy.maxPerWeek()).append("oneChannelPerWeek", policy.oneChannelPerWeek())
                .append("source", policy.source());
    }

    static CountryPolicy fromDocument(Document doc) {
        Map<DayOfWeek, CountryPolicy.Window> hours = new EnumMap<>(DayOfWeek.class);
        Document stored = doc.get("hours", Document.class);
        if (stored != null) {
            stored.forEach((day, value) -> {
                if (value instanceof Document w) {
                    hours.put(DayOfWeek.valueOf(day), window(w.getString("from"), w.getString("to")));
                }
            });
        }
        String zone = doc.getString("zone");
        return new CountryPolicy(doc.getString("_id"), zone == null ? ZoneId.of("UTC").getId() : zone, hours,
                Boolean.TRUE.equals(doc.getBoolean("skipHolidays")), doc.getInteger("maxPerDay", 0),
                doc.getInteger("maxPerWeek", 0), Boolean.TRUE.equals(doc.getBoolean("oneChannelPerWeek")),
                doc.getString("source"));
    }
}
