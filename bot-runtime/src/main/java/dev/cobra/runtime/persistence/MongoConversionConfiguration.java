package dev.cobra.runtime.persistence;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

/**
 * The converter every store's template uses (embedded or external MongoDB): Spring Boot's default, except that
 * ids are sent as given ({@link LiteralIdConverter}). Boot steps back from its own converter when this one exists.
 */
@Configuration(proxyBeanMethods = false)
public class MongoConversionConfiguration {

    @Bean
    LiteralIdConverter literalIdConverter(MongoMappingContext context, MongoCustomConversions conversions) {
        LiteralIdConverter converter = new LiteralIdConverter(context);
        converter.setCustomConversions(conversions);
        return converter;
    }
}
