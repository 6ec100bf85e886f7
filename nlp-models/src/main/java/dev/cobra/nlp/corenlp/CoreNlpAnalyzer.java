package dev.cobra.nlp.corenlp;

import dev.cobra.nlp.api.Clause;
import dev.cobra.nlp.api.Entity;
import dev.cobra.nlp.api.TextAnalysis;
import dev.cobra.nlp.api.TextAnalyzer;
import dev.cobra.nlp.clause.ClauseCuts;
import dev.cobra.nlp.clause.PersonCues;
import dev.cobra.nlp.clause.RuleTextAnalyzer;
import dev.cobra.nlp.text.LanguageDetector;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphCoreAnnotations;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import edu.stanford.nlp.util.CoreMap;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/**
 * CoreNLP's Spanish pipeline, only on the Spanish messages where it has something to find (others go to the rules,
 * which answer in microseconds): tokenize, ssplit, mwt and the UD POS tagger;
 * the UD dependency parser on long messages (clauses; short ones are cut at punctuation by rules); the AnCora NER model when the message may name someone
 * (PERSON mentions). English messages, which the Spanish models cannot read, go to {@link RuleTextAnalyzer}.
 *
 * <p>Clauses: a new clause starts at each sentence and at the first word of every predicate attached to another by
 * {@code conj}, {@code parataxis}, {@code advcl}, {@code ccomp} or {@code csubj} ("me quedé sin trabajo" |
 * "pero para el viernes le puedo pagar"), except conjuncts joined by "y" / "o" (one thought carried on) and
 * infinitive and gerund complements ("para pagar todo" stays
 * with its verb), plus the rule cuts at punctuation and joining words ({@link RuleTextAnalyzer#cutPoints}); pieces
 * under {@link ClauseCuts#MIN_WORDS} words join their neighbour.
 *
 * <p>No {@code lemma} annotator: CoreNLP 4.5.10 ships no Spanish lemmatizer (its {@code lemma} annotator is
 * English morphology and returns Spanish words lower-cased, "me" as "I"; docs/nlu.md). Thread-safe (the
 * annotators are); loading takes seconds, so it happens once per JVM ({@link #shared()}).
 */
public final class CoreNlpAnalyzer implements TextAnalyzer {

    public static final String NAME = "corenlp";

    /** Messages with at least this many words are parsed for clauses; shorter ones are one clause. */
    public static final int LONG_MESSAGE_WORDS = 10;

    /** The model files loaded, all of them unpacked from the models-spanish jar at build time (nlp-models/pom.xml). */
    public static final List<String> MODEL_FILES = List.of(
            "edu/stanford/nlp/models/pos-tagger/spanish-ud.tagger",
            "edu/stanford/nlp/models/mwt/spanish/spanish-mwt.tsv",
            "edu/stanford/nlp/models/ner/spanish.ancora.distsim.s512.crf.ser.gz",
            "edu/stanford/nlp/models/parser/nndep/UD_Spanish.gz");

    private static final Set<String> AND_OR = Set.of("y", "e", "o", "u", "ni");
    private static final Set<String> CLAUSE_RELATIONS = Set.of("conj", "parataxis", "advcl", "ccomp", "csubj");
    private static final Pattern NON_FINITE = Pattern.compile(
            "(?:ar|er|ir|ár|ér|ír|ando|iendo|yendo)(?:me|te|le|les|lo|la|los|las|nos|se)*$");
    /** Something a name may follow, or a capitalised word after the first: then NER runs. */
    private static final Pattern NAME_HINT = Pattern.compile(
            "(?iu)\\b(?:soy|habla|llamo|nombre|parte|busca\\w*|conozco|vive|herman[oa]|espos[oa]|hij[oa]|mam[aá]|"
                    + "pap[aá]|familiar|pregunta\\w*)\\b|(?<=\\S\\s{1,3})\\p{Lu}\\p{Ll}");

    private static CompletableFuture<CoreNlpAnalyzer> shared;

    private final StanfordCoreNLP base;
    private final StanfordCoreNLP ner;
    private final StanfordCoreNLP parser;
    private final RuleTextAnalyzer rules = new RuleTextAnalyzer();
    private final PersonCues cues = new PersonCues();

    private CoreNlpAnalyzer() {
        base = new StanfordCoreNLP(properties("tokenize,ssplit,mwt,pos"));
        Properties nerProps = properties("ner");
        nerProps.setProperty("enforceRequirements", "false");
        ner = new StanfordCoreNLP(nerProps);
        Properties parseProps = properties("depparse");
        parseProps.setProperty("enforceRequirements", "false");
        parser = new StanfordCoreNLP(parseProps);
    }

    /** Loads the pipeline now, on the calling thread (seconds). Prefer {@link #shared()}. */
    public static CoreNlpAnalyzer load() {
        return new CoreNlpAnalyzer();
    }

    /**
     * The one analyzer of this JVM, loading on a background daemon thread started by the first call. Join it to
     * wait; {@code getNow(null)} to go on without it.
     */
    public static synchronized CompletableFuture<CoreNlpAnalyzer> shared() {
        if (shared == null) {
            shared = new CompletableFuture<>();
            Thread loader = new Thread(() -> {
                try {
                    shared.complete(load());
                } catch (Throwable t) {
                    shared.completeExceptionally(t);
                }
            }, "corenlp-load");
            loader.setDaemon(true);
            loader.start();
        }
        return shared;
    }

    static Properties properties(String annotators) {
        Properties p = new Properties();
        p.setProperty("annotators", annotators);
        p.setProperty("tokenize.language", "es");
        p.setProperty("mwt.mappingFile", MODEL_FILES.get(1));
        p.setProperty("pos.model", MODEL_FILES.get(0));
        p.setProperty("ner.model", MODEL_FILES.get(2));
        // ner.language stays unset: "es" only adds Spanish number rules (a gazetteer not packaged; amounts are ours)
        p.setProperty("ner.statisticalOnly", "true"); // the CRF alone: no number rules, whose gazetteer is not packaged
        p.setProperty("ner.applyNumericClassifiers", "false");
        p.setProperty("ner.useSUTime", "false");
        p.setProperty("ner.applyFineGrained", "false");
        p.setProperty("ner.buildEntityMentions", "false");
        p.setProperty("depparse.model", MODEL_FILES.get(3));
        p.setProperty("depparse.language", "spanish");
        return p;
    }

    @Override
    public TextAnalysis analyze(String text, String language) {
        if (text == null || text.isBlank() || LanguageDetector.ENGLISH.equals(language)) {
            return rules.analyze(text, language);
        }
        boolean longMessage = ClauseCuts.words(text) >= LONG_MESSAGE_WORDS;
        boolean mayName = NAME_HINT.matcher(text).find();
        if (!longMessage && !mayName) {
            return rules.analyze(text, language); // nothing here for the models: spare the milliseconds
        }
        Annotation annotation = new Annotation(text);
        base.annotate(annotation);
        List<CoreMap> sentences = annotation.get(CoreAnnotations.SentencesAnnotation.class);
        List<Clause> clauses;
        if (longMessage) {
            parser.annotate(annotation);
            TreeSet<Integer> cuts = cuts(sentences);
            cuts.addAll(RuleTextAnalyzer.cutPoints(text)); // the parser adds cuts where chat has no punctuation
            clauses = ClauseCuts.cut(text, cuts);
        } else {
            clauses = rules.analyze(text, language).clauses(); // punctuation is enough for a short message
        }
        List<Entity> persons = new ArrayList<>();
        if (mayName) {
            ner.annotate(annotation);
            persons.addAll(personMentions(text, sentences));
        }
        for (Entity cue : cues.find(text)) {
            if (persons.stream().noneMatch(p -> p.start() < cue.end() && cue.start() < p.end())) {
                persons.add(cue);
            }
        }
        persons.sort(java.util.Comparator.comparingInt(Entity::start));
        return new TextAnalysis(clauses, persons, NAME);
    }

    /** Where clauses start: each sentence, and the first word of each clause-level predicate's subtree. */
    private static TreeSet<Integer> cuts(List<CoreMap> sentences) {
        TreeSet<Integer> cuts = new TreeSet<>();
        for (CoreMap sentence : sentences) {
            List<CoreLabel> tokens = sentence.get(CoreAnnotations.TokensAnnotation.class);
            if (tokens.isEmpty()) {
                continue;
            }
            cuts.add(tokens.get(0).beginPosition());
            SemanticGraph graph = sentence.get(SemanticGraphCoreAnnotations.BasicDependenciesAnnotation.class);
            if (graph == null) {
                continue;
            }
            for (SemanticGraphEdge edge : graph.edgeIterable()) {
                IndexedWord head = edge.getDependent();
                if (!CLAUSE_RELATIONS.contains(edge.getRelation().getShortName()) || !isPredicate(graph, head)) {
                    continue;
                }
                String relation = edge.getRelation().getShortName();
                if (!"conj".equals(relation) && !"parataxis".equals(relation)
                        && NON_FINITE.matcher(head.word().toLowerCase(java.util.Locale.ROOT)).find()) {
                    continue;
                }
                if ("conj".equals(relation) && joinedByAnd(graph, head)) {
                    continue; // "y" / "o" carry one thought on ("estoy en el paro y no llego a fin de mes")
                }
                int first = graph.descendants(head).stream().mapToInt(IndexedWord::beginPosition).min()
                        .orElse(head.beginPosition());
                cuts.add(first);
            }
        }
        return cuts;
    }

    private static boolean joinedByAnd(SemanticGraph graph, IndexedWord conjunct) {
        return graph.outgoingEdgeList(conjunct).stream()
                .filter(e -> e.getRelation().getShortName().equals("cc"))
                .map(e -> e.getDependent().word().toLowerCase(java.util.Locale.ROOT))
                .anyMatch(AND_OR::contains);
    }

    /** A verb, or a nominal predicate with a copula or a subject ("soy su hermana"). */
    private static boolean isPredicate(SemanticGraph graph, IndexedWord word) {
        String tag = word.tag();
        if ("VERB".equals(tag) || "AUX".equals(tag)) {
            return true;
        }
        return graph.outgoingEdgeList(word).stream()
                .map(e -> e.getRelation().getShortName())
                .anyMatch(r -> r.equals("cop") || r.equals("nsubj"));
    }

    /**
     * PERSON tokens, widened over the capitalised proper nouns next to them: the news-trained model often tags only
     * part of a name in chat text ("Carlos Pérez" → PERSON on "Pérez" alone). Pieces of one typed word share its
     * offsets, so a span never cuts a word.
     */
    private static List<Entity> personMentions(String text, List<CoreMap> sentences) {
        List<Entity> found = new ArrayList<>();
        for (CoreMap sentence : sentences) {
            List<CoreLabel> tokens = sentence.get(CoreAnnotations.TokensAnnotation.class);
            boolean[] person = new boolean[tokens.size()];
            for (int i = 0; i < tokens.size(); i++) {
                person[i] = "PERSON".equals(tokens.get(i).ner());
            }
            for (int i = 0; i < tokens.size(); i++) {
                if (!person[i]) {
                    continue;
                }
                for (int l = i - 1; l >= 0 && !person[l] && capitalisedProperNoun(tokens.get(l), text); l--) {
                    person[l] = true;
                }
                for (int r = i + 1; r < tokens.size() && !person[r] && capitalisedProperNoun(tokens.get(r), text); r++) {
                    person[r] = true;
                }
            }
            int i = 0;
            while (i < tokens.size()) {
                if (!person[i]) {
                    i++;
                    continue;
                }
                int start = tokens.get(i).beginPosition();
                int end = tokens.get(i).endPosition();
                while (i + 1 < tokens.size() && person[i + 1]) {
                    i++;
                    end = Math.max(end, tokens.get(i).endPosition());
                }
                found.add(person(text, start, end));
                i++;
            }
        }
        return found;
    }

    /**
     * A capitalised proper noun, or a piece of a capitalised word the multi-word-token table split ("Carlos" is
     * read as "Car" + "los", like "darlos"): its pieces keep the offsets of the word as typed.
     */
    private static boolean capitalisedProperNoun(CoreLabel token, String text) {
        if (token.beginPosition() < 0 || token.endPosition() > text.length() || token.beginPosition() >= token.endPosition()) {
            return false;
        }
        boolean capitalised = Character.isUpperCase(text.codePointAt(token.beginPosition()));
        return capitalised && ("PROPN".equals(token.tag()) || token.isMWT());
    }

    private static Entity person(String text, int start, int end) {
        String span = text.substring(start, end);
        return new Entity(Entity.PERSON, span, start, end, span, null);
    }
}
