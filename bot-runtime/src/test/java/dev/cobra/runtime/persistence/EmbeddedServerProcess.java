package dev.cobra.runtime.persistence;

import de.bwaldvogel.mongo.MongoServer;

import java.nio.file.Path;

/**
 * A stand-alone embedded database for crash tests: {@code main(file, durableWrites)} prints {@code PORT <n>} and
 * serves until killed.
 */
public final class EmbeddedServerProcess {

    private EmbeddedServerProcess() {
    }

    public static void main(String[] args) throws InterruptedException {
        MongoServer server = new MongoServer(DurableH2Backend.open(Path.of(args[0]), Boolean.parseBoolean(args[1])));
        server.bind("127.0.0.1", 0);
        System.out.println("PORT " + server.getLocalAddress().getPort());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
