package dev.cobra.runtime.persistence;

import org.bson.types.ObjectId;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.NoOpDbRefResolver;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

/**
 * The runtime's Spring Data converter: an {@code _id} in a query is sent as the value the store gave, never guessed
 * into another type.
 *
 * <p>Why: Spring Data turns a String that happens to be 24 hex digits into an ObjectId wherever it maps an
 * {@code _id} of a plain {@code Document} query (spring-data-mongodb issue 4466; no setting turns it off in 4.5).
 * Our stores key many collections by text that outside systems choose (debtor ids, payment references,
 * usernames), so a creditor whose ids are ObjectId hex strings got a debtor stored under an ObjectId by the import's
 * upsert (then read back as a String: a ClassCastException), records inserted under the String and never found by
 * their queries again, and collections that mix String and ObjectId ids, which the embedded database cannot read
 * safely under concurrent load. Stores that key a collection by ObjectId pass ObjectId values themselves.
 */
public final class LiteralIdConverter extends MappingMongoConverter {

    public LiteralIdConverter(MongoMappingContext context) {
        super(NoOpDbRefResolver.INSTANCE, context);
    }

    /** A ready converter on a default mapping context, for tools and tests that build their own template. */
    public static LiteralIdConverter standalone() {
        MongoMappingContext context = new MongoMappingContext();
        context.afterPropertiesSet();
        LiteralIdConverter converter = new LiteralIdConverter(context);
        converter.afterPropertiesSet();
        return converter;
    }

    @Override
    public Object convertId(Object id, Class<?> targetType) {
        if (id instanceof String && targetType == ObjectId.class) {
            return id;
        }
        return super.convertId(id, targetType);
    }
}
