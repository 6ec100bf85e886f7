package dev.cobra.runtime.channel.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cobra.runtime.persistence.CollectionOwner;
import dev.cobra.runtime.persistence.DebtorRecords;
import dev.cobra.runtime.persistence.ErasureSweep;
import org.bson.Document;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import java.util.Map;

/**
 * Downloads inbound media (a payment receipt, usually) through the Graph API media endpoint
 * ({@code GET /{media-id}} gives a short-lived URL, fetched with the same bearer token), stores the file under
 * {@code bot.data-dir/media/whatsapp/} and records it in {@value #COLLECTION}, attached to the debtor and the
 * conversation.
 */
@CollectionOwner("whatsapp_media")
public class WhatsAppMediaStore implements DebtorRecords {

    private static final String COLLECTION = "whatsapp_media";

    private static final Map<String, String> EXTENSIONS = Map.of(
            "image/jpeg", "jpg", "image/png", "png", "image/webp", "webp", "application/pdf", "pdf",
            "audio/ogg", "ogg", "video/mp4", "mp4", "text/plain", "txt");

    private final WebClient client;
    private final WhatsAppProperties properties;
    private final ReactiveMongoTemplate mongo;
    private final Path directory;

    public WhatsAppMediaStore(WebClient.Builder webClients, WhatsAppProperties properties, ReactiveMongoTemplate mongo,
                              Path dataDir) {
        this.client = webClients.clone().build();
        this.properties = properties;
        this.mongo = mongo;
        this.directory = dataDir.resolve("media").resolve("whatsapp");
    }

    /** Downloads and records the media of a message; emits the stored record. */
    public Mono<Document> download(WhatsAppInbound message, String debtorId) {
        String bearer = "Bearer " + properties.accessToken();
        return client.get().uri(properties.graphApiUrl() + "/" + message.mediaId())
                .header(HttpHeaders.AUTHORIZATION, bearer)
                .retrieve().bodyToMono(JsonNode.class)
                .flatMap(meta -> {
                    String url = meta.path("url").asText(null);
                    if (url == null) {
                        return Mono.error(new IllegalStateException("media metadata without url"));
                    }
                    long size = meta.path("file_size").asLong(0);
                    if (size > properties.maxMediaBytes()) {
                        return Mono.error(new IllegalStateException("media larger than whatsapp.max-media-bytes"));
                    }
                    String mime = meta.path("mime_type").asText(message.mimeType());
                    Path file = directory.resolve(safeName(message.wamid()) + "." + extension(mime));
                    Flux<DataBuffer> bytes = client.get().uri(url).header(HttpHeaders.AUTHORIZATION, bearer)
                            .retrieve().bodyToFlux(DataBuffer.class);
                    return Mono.fromCallable(() -> Files.createDirectories(directory))
                            .subscribeOn(Schedulers.boundedElastic())
                            .then(DataBufferUtils.write(bytes, file, StandardOpenOption.CREATE,
                                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE))
                            .then(Mono.fromCallable(() -> Files.size(file)).subscribeOn(Schedulers.boundedElastic()))
                            .flatMap(stored -> record(message, debtorId, file, mime, stored, meta.path("sha256").asText(null)));
                });
    }

    private Mono<Document> record(WhatsAppInbound message, String debtorId, Path file, String mime, long size,
                                  String sha256) {
        Document document = new Document("_id", message.wamid())
                .append("mediaId", message.mediaId())
                .append("debtorId", debtorId)
                .append("from", message.userKey())
                .append("type", message.type())
                .append("mimeType", mime)
                .append("filename", message.filename())
                .append("path", directory.getParent().getParent().relativize(file).toString())
                .append("size", size)
                .append("sha256", sha256)
                .append("storedAt", Date.from(Instant.now()));
        return mongo.save(document, COLLECTION);
    }

    /** Links the media to the conversation once the turn told us which one it is. */
    public Mono<Void> attachToConversation(String wamid, String conversationId) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(wamid)),
                new Update().set("conversationId", conversationId), COLLECTION).then();
    }

    public Mono<Document> find(String wamid) {
        return mongo.findById(wamid, Document.class, COLLECTION);
    }

    public Path directory() {
        return directory;
    }

    private static String extension(String mime) {
        if (mime == null) {
            return "bin";
        }
        String base = mime.split(";")[0].trim().toLowerCase(Locale.ROOT);
        return EXTENSIONS.getOrDefault(base, "bin");
    }

    private static String safeName(String wamid) {
        return wamid.replaceAll("[^A-Za-z0-9_.=-]", "_");
    }

    /** The debtor's media files and records are deleted. */
    @Override
    public Mono<Map<String, Long>> erase(Erasure e) {
        Query query = Query.query(new Criteria().orOperator(Criteria.where("debtorId").is(e.debtorId()),
                Criteria.where("from").in(e.channelKeys())));
        Path dataDir = directory.getParent().getParent().normalize();
        return mongo.find(query, Document.class, COLLECTION)
                .concatMap(doc -> Mono.fromCallable(() -> {
                    String path = doc.getString("path");
                    if (path != null) {
                        Path file = dataDir.resolve(path).normalize();
                        if (file.startsWith(dataDir)) {
                            Files.deleteIfExists(file);
                        }
                    }
                    return doc;
                }).subscribeOn(Schedulers.boundedElastic()))
                .then(mongo.remove(query, COLLECTION))
                .flatMap(r -> ErasureSweep.sweep(mongo, COLLECTION, e).map(n -> r.getDeletedCount() + n))
                .map(n -> ErasureSweep.counted(Map.of(), COLLECTION, n));
    }
}
