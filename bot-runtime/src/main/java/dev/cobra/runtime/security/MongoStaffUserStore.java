package dev.cobra.runtime.security;

import dev.cobra.runtime.persistence.CollectionOwner;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Staff users in the collection {@code users}, keyed by username ({@code _id}, so unique by construction). */
@Repository
@CollectionOwner("users")
public class MongoStaffUserStore implements StaffUserStore {

    private static final String COLLECTION = "users";

    private final ReactiveMongoTemplate mongo;

    public MongoStaffUserStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Mono<StaffUser> findByUsername(String username) {
        return mongo.findOne(Query.query(Criteria.where("_id").is(username)), Document.class, COLLECTION)
                .map(MongoStaffUserStore::toUser);
    }

    @Override
    public Flux<StaffUser> findAll() {
        return mongo.find(new Query().with(Sort.by("_id")), Document.class, COLLECTION)
                .map(MongoStaffUserStore::toUser);
    }

    @Override
    public Mono<StaffUser> create(StaffUser user) {
        Document doc = new Document("_id", user.username())
                .append("passwordHash", user.passwordHash())
                .append("roles", user.roles().stream().map(Role::name).sorted().toList())
                .append("createdAt", Date.from(user.createdAt()))
                .append("name", user.name())
                .append("queues", user.queues())
                .append("disabled", user.disabled())
                .append("mustChangePassword", user.mustChangePassword());
        return mongo.insert(doc, COLLECTION)
                .thenReturn(user)
                .onErrorMap(DuplicateKeyException.class, e -> new UsernameTakenException(user.username()));
    }

    @Override
    public Mono<Void> updatePasswordHash(String username, String passwordHash) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(username)),
                Update.update("passwordHash", passwordHash), COLLECTION).then();
    }

    @Override
    public Mono<StaffUser> setPassword(String username, String passwordHash, boolean mustChange) {
        return modify(username, new Update().set("passwordHash", passwordHash).set("mustChangePassword", mustChange));
    }

    @Override
    public Mono<StaffUser> update(String username, String name, Set<Role> roles, List<String> queues, Boolean disabled) {
        Update update = new Update();
        if (name != null) {
            update.set("name", name);
        }
        if (roles != null) {
            update.set("roles", roles.stream().map(Role::name).sorted().toList());
        }
        if (queues != null) {
            update.set("queues", queues);
        }
        if (disabled != null) {
            update.set("disabled", disabled);
        }
        return update.getUpdateObject().isEmpty() ? findByUsername(username) : modify(username, update);
    }

    private Mono<StaffUser> modify(String username, Update update) {
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(username)), update,
                FindAndModifyOptions.options().returnNew(true), Document.class, COLLECTION).map(MongoStaffUserStore::toUser);
    }

    private static StaffUser toUser(Document doc) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        List<?> stored = doc.getList("roles", Object.class, List.of());
        for (Object name : stored) {
            Role.parse(String.valueOf(name)).ifPresent(roles::add);
        }
        Date created = doc.getDate("createdAt");
        return new StaffUser(doc.getString("_id"), doc.getString("passwordHash"), roles,
                created == null ? null : created.toInstant(), doc.getString("name"),
                doc.getList("queues", String.class, List.of()), doc.getBoolean("disabled", false),
                doc.getBoolean("mustChangePassword", false));
    }
}
