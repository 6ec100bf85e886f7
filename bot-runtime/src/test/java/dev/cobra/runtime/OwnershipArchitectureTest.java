package dev.cobra.runtime;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.cobra.runtime.compliance.ContactPolicy;
import dev.cobra.runtime.debtor.DebtorDirectory;
import dev.cobra.runtime.persistence.CollectionOwner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One owner per record (docs/architecture.md, "Storage rules"): a MongoDB collection is read and written by the one
 * store class annotated {@link CollectionOwner} with its name; everything else calls that store. The persistence
 * package is the database infrastructure (embedded server, bulk writer, index creation, erasure sweep) and may use
 * the driver, but names no collection. Rules that must never be skipped are required beans.
 */
class OwnershipArchitectureTest {

    private static final String ROOT = "dev.cobra.runtime";
    private static final String PERSISTENCE = ROOT + ".persistence";
    /** The MongoDB APIs that read or write documents. */
    private static final List<String> DRIVER_TYPES = List.of(
            "org.springframework.data.mongodb.core.ReactiveMongoTemplate",
            "org.springframework.data.mongodb.core.ReactiveMongoOperations",
            "org.springframework.data.mongodb.core.MongoTemplate",
            "com.mongodb.reactivestreams.client.MongoCollection",
            "com.mongodb.reactivestreams.client.MongoDatabase",
            "com.mongodb.reactivestreams.client.MongoClient");
    /** The embedded storage engine's classes (persistence package): they know no application collection. */
    private static final java.util.function.Predicate<String> STORAGE_ENGINE = simpleName ->
            simpleName.startsWith("Embedded") || simpleName.startsWith("DurableH2Backend");

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);
    }

    @Test
    void onlyCollectionOwnersAndTheDatabaseInfrastructureUseTheMongoDriver() {
        ArchRule rule = noClasses()
                .that().areNotAnnotatedWith(CollectionOwner.class)
                .and().resideOutsideOfPackage(PERSISTENCE)
                .should().callMethodWhere(com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                        com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner(
                                com.tngtech.archunit.base.DescribedPredicate.describe("a MongoDB driver type",
                                        (JavaClass owner) -> DRIVER_TYPES.contains(owner.getName())))))
                .because("a collection is read and written only through the store that owns it");
        rule.check(classes);
    }

    @Test
    void everyCollectionHasExactlyOneOwner() {
        Map<String, List<String>> owners = owners();
        owners.forEach((collection, classesOwning) -> assertThat(classesOwning)
                .as("owners of collection %s", collection).hasSize(1));
        assertThat(owners).as("the platform's collections").containsKeys("debtors", "conversations", "messages",
                "promises", "payments", "payment_links", "plan_requests", "conversation_events", "campaigns",
                "campaign_contacts", "contact_audit", "consent_ledger", "whatsapp_outbox", "whatsapp_inbound");
    }

    @Test
    void collectionNameConstantsArePrivateToTheirOwner() throws Exception {
        List<String> exposed = new ArrayList<>();
        for (JavaClass owner : classes.that(com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates
                .annotatedWith(CollectionOwner.class))) {
            Set<String> names = Set.of(owner.reflect().getAnnotation(CollectionOwner.class).value());
            for (JavaField field : owner.getFields()) {
                if (!field.getModifiers().contains(JavaModifier.STATIC) || !field.getRawType().isEquivalentTo(String.class)
                        || !field.getModifiers().contains(JavaModifier.FINAL)) {
                    continue;
                }
                Field reflected = field.reflect();
                reflected.setAccessible(true);
                if (names.contains(reflected.get(null)) && !Modifier.isPrivate(reflected.getModifiers())) {
                    exposed.add(owner.getSimpleName() + "." + field.getName());
                }
            }
        }
        assertThat(exposed).as("collection name constants visible outside their owner").isEmpty();
    }

    /**
     * A class that may touch the database (an owner, or the persistence infrastructure) names no collection it does
     * not own: a store cannot reach into another store's collection by its name.
     */
    @Test
    void noDatabaseClassNamesAnotherOwnersCollection() throws IOException {
        Map<String, List<String>> owners = owners();
        Path sources = Path.of("src/main/java");
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String text = Files.readString(file);
                boolean databaseClass = text.contains("@CollectionOwner") || text.contains("package " + PERSISTENCE + ";");
                if (!databaseClass) {
                    continue;
                }
                String simpleName = file.getFileName().toString().replace(".java", "");
                owners.forEach((collection, owning) -> {
                    if (namesCollection(text, collection) && owning.stream().noneMatch(o -> o.equals(simpleName))) {
                        violations.add(simpleName + " names \"" + collection + "\" (owned by " + owning + ")");
                    }
                });
            }
        }
        assertThat(violations).isEmpty();
    }

    /**
     * The collection name passed to the driver: as the last argument of a call ({@code find(q, Document.class,
     * "promises")}), to {@code getCollection}/{@code indexOps}, or as a constant's value. A document field that
     * happens to share the name ({@code .set("payments", ...)}) is not one.
     */
    private static boolean namesCollection(String source, String collection) {
        String literal = java.util.regex.Pattern.quote("\"" + collection + "\"");
        return java.util.regex.Pattern.compile("(,\\s*" + literal + "\\s*\\)|(getCollection|indexOps|dropCollection)\\(\\s*"
                + literal + "|String\\s+\\w+\\s*=\\s*" + literal + ")").matcher(source).find();
    }

    /** Contact policy and portfolio lookups cannot be skipped: no bean takes them as optional. */
    @Test
    void theContactPolicyAndTheDebtorDirectoryAreRequiredEverywhere() {
        List<String> optional = new ArrayList<>();
        for (JavaClass type : classes) {
            Class<?> reflected;
            try {
                reflected = type.reflect();
            } catch (RuntimeException | LinkageError e) {
                continue;
            }
            Stream.concat(Arrays.stream(reflected.getDeclaredConstructors()).flatMap(c -> Arrays.stream(c.getGenericParameterTypes())),
                            Stream.concat(Arrays.stream(reflected.getDeclaredFields()).map(Field::getGenericType),
                                    Arrays.stream(reflected.getDeclaredMethods()).flatMap(m -> Arrays.stream(m.getGenericParameterTypes()))))
                    .filter(t -> t instanceof ParameterizedType p
                            && (p.getRawType() == ObjectProvider.class || p.getRawType() == Optional.class)
                            && (p.getActualTypeArguments()[0] == ContactPolicy.class
                            || p.getActualTypeArguments()[0] == DebtorDirectory.class))
                    .forEach(t -> optional.add(type.getSimpleName() + ": " + t.getTypeName()));
        }
        assertThat(optional).as("optional contact policy or debtor directory").isEmpty();
    }

    private static Map<String, List<String>> owners() {
        Map<String, List<String>> owners = new HashMap<>();
        for (JavaClass owner : classes.that(com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates
                .annotatedWith(CollectionOwner.class))) {
            for (String collection : owner.reflect().getAnnotation(CollectionOwner.class).value()) {
                owners.computeIfAbsent(collection, k -> new ArrayList<>()).add(owner.getSimpleName());
            }
        }
        return owners;
    }

    /**
     * Issue 17 step 4: the embedded storage engine (classes Embedded* and DurableH2Backend, nested ones included)
     * holds no application collection's name among the string constants of its compiled classes; what it indexes is
     * declared by the owners ({@code WorkQueues}). Read from the class files' constant pools, so a name hidden in a
     * map, a switch or a concatenation counts too.
     */
    @Test
    void theEmbeddedStorageEngineNamesNoApplicationCollection() throws IOException {
        Set<String> collections = owners().keySet();
        List<String> violations = new ArrayList<>();
        List<JavaClass> engine = classes.stream()
                .filter(c -> c.getPackageName().equals(PERSISTENCE))
                .filter(c -> STORAGE_ENGINE.test(c.getName().substring(PERSISTENCE.length() + 1)))
                .toList();
        assertThat(engine).as("storage engine classes found").extracting(JavaClass::getSimpleName)
                .contains("EmbeddedQueueIndex", "EmbeddedCollection", "DurableH2Backend");
        for (JavaClass type : engine) {
            String resource = "/" + type.getName().replace('.', '/') + ".class";
            try (var in = OwnershipArchitectureTest.class.getResourceAsStream(resource)) {
                assertThat(in).as(resource).isNotNull();
                for (String constant : ClassConstants.strings(in.readAllBytes())) {
                    if (collections.contains(constant)) {
                        violations.add(type.getName() + " holds \"" + constant + "\"");
                    }
                }
            }
        }
        assertThat(violations).isEmpty();
    }
}
