package dev.cobra.runtime.persistence;

import dev.cobra.runtime.security.Role;
import dev.cobra.runtime.security.StaffUser;
import dev.cobra.runtime.security.StaffUserStore;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
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
class MongoStaffUserStore implements StaffUserStore {

    private static final String COLLECTION = "users";

    private final ReactiveMongoTemplate mongo;

    MongoStaffUserStore(ReactiveMongoTemplate mongo) {
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
                .append("createdAt", Date.from(user.createdAt()));
        return mongo.insert(doc, COLLECTION)
                .thenReturn(user)
                .onErrorMap(DuplicateKeyException.class, e -> new UsernameTakenException(user.username()));
    }

    @Override
    public Mono<Void> updatePasswordHash(String username, String passwordHash) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(username)),
                Update.update("passwordHash", passwordHash), COLLECTION).then();
    }

    private static StaffUser toUser(Document doc) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        List<?> stored = doc.getList("roles", Object.class, List.of());
        for (Object name : stored) {
            Role.parse(String.valueOf(name)).ifPresent(roles::add);
        }
        Date created = doc.getDate("createdAt");
        return new StaffUser(doc.getString("_id"), doc.getString("passwordHash"), roles,
                created == null ? null : created.toInstant());
    }
}
