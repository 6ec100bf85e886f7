package dev.cobra.runtime.persistence;

import com.mongodb.ConnectionString;
import de.bwaldvogel.mongo.MongoServer;
import dev.cobra.runtime.config.BotProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.mongo.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The embedded default: when no {@code spring.data.mongodb.uri} is set, an in-process MongoDB wire server
 * (mongo-java-server, H2 MVStore file under {@code bot.data-dir}) is bound to a free loopback port and the
 * real reactive driver connects to it over TCP, exactly as it would to a real MongoDB. Acknowledged writes are
 * committed to the file before the reply ({@link DurableH2Backend}); shutdown closes the store cleanly.
 */
@Configuration(proxyBeanMethods = false)
// An empty value counts as unset, so `SPRING_DATA_MONGODB_URI=` in an env file keeps the default.
@ConditionalOnExpression("'${spring.data.mongodb.uri:}'.isEmpty()")
public class EmbeddedMongoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoConfiguration.class);
    static final String DATABASE = "cobra";
    /** A fresh secret per process: the embedded server serves only the driver of the process that started it. */
    static final String CLIENT_KEY = "cobra-" + java.util.HexFormat.of().formatHex(
            randomBytes());

    /** The owners' work queues, collected once every bean exists (see {@link EmbeddedQueues}). */
    @Bean
    EmbeddedQueues embeddedWorkQueues(org.springframework.beans.factory.ObjectProvider<WorkQueues> owners) {
        return new EmbeddedQueues(owners);
    }

    @Bean(destroyMethod = "shutdown")
    MongoServer embeddedMongoServer(BotProperties properties, EmbeddedQueues workQueues) {
        Path dir = properties.dataDir().toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create bot.data-dir " + dir, e);
        }
        Path file = dir.resolve("cobra.mv");
        MongoServer server = new MongoServer(DurableH2Backend.open(file, properties.durableWrites())
                .workQueues(workQueues).requireClientKey(CLIENT_KEY));
        // Loopback only, a random port, and only connections presenting this process's key are served.
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        log.info("mongo.embedded.started file={} port={} durableWrites={}", file, address.getPort(),
                properties.durableWrites());
        return server;
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[16];
        new java.security.SecureRandom().nextBytes(bytes);
        return bytes;
    }

    @Bean
    MongoConnectionDetails embeddedMongoConnectionDetails(MongoServer embeddedMongoServer) {
        InetSocketAddress address = embeddedMongoServer.getLocalAddress();
        ConnectionString uri = new ConnectionString(
                "mongodb://127.0.0.1:" + address.getPort() + "/" + DATABASE + "?appName=" + CLIENT_KEY);
        return () -> uri;
    }
}
