package dev.cobra.flow.expr;

import dev.cobra.flow.template.VariablePaths;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parsed condition such as {@code debt.daysPastDue > 90 && !verified}.
 *
 * <p>Grammar: {@code or := and ('||' and)*}, {@code and := unary ('&&' unary)*},
 * {@code unary := '!' unary | comparison}, {@code comparison := value (op value)?} with op one of
 * {@code == != < <= > >=}, {@code value := number | 'string' | true | false | null | path | '(' or ')'}.
 *
 * <p>Semantics, chosen so that flows never fail at run time: a missing path is {@code null}; numbers compare
 * by value whatever their Java type; a date compares with a date or an ISO date string; ordering against
 * {@code null} is false; a lone value is true when it is {@code true}, a non-zero number or a non-empty text.
 * Instances are immutable and thread-safe.
 */
public final class ConditionExpression {

    private final String source;
    private final Node root;
    private final Set<String> paths;

    private ConditionExpression(String source, Node root, Set<String> paths) {
        this.source = source;
        this.root = root;
        this.paths = Collections.unmodifiableSet(paths);
    }

    /** @throws ConditionSyntaxException when the text is not a valid expression */
    public static ConditionExpression parse(String text) {
        if (text == null || text.isBlank()) {
            throw new ConditionSyntaxException("empty expression", 0);
        }
        Parser parser = new Parser(text);
        Node root = parser.parseOr();
        parser.skipSpaces();
        if (parser.position < text.length()) {
            throw new ConditionSyntaxException("unexpected '" + text.substring(parser.position) + "'", parser.position);
        }
        return new ConditionExpression(text, root, parser.paths);
    }

    public boolean evaluate(Map<String, Object> vars) {
        return truthy(root.value(vars));
    }

    /** The variable paths the expression reads, for validation. */
    public Set<String> paths() {
        return paths;
    }

    @Override
    public String toString() {
        return source;
    }

    @FunctionalInterface
    private interface Node {
        Object value(Map<String, Object> vars);
    }

    private static final class Parser {
        private final String text;
        private int position;
        private final Set<String> paths = new LinkedHashSet<>();

        Parser(String text) {
            this.text = text;
        }

        Node parseOr() {
            List<Node> operands = new ArrayList<>(List.of(parseAnd()));
            while (take("||")) {
                operands.add(parseAnd());
            }
            if (operands.size() == 1) {
                return operands.get(0);
            }
            return vars -> operands.stream().anyMatch(node -> truthy(node.value(vars)));
        }

        Node parseAnd() {
            List<Node> operands = new ArrayList<>(List.of(parseUnary()));
            while (take("&&")) {
                operands.add(parseUnary());
            }
            if (operands.size() == 1) {
                return operands.get(0);
            }
            return vars -> operands.stream().allMatch(node -> truthy(node.value(vars)));
        }

        Node parseUnary() {
            skipSpaces();
            if (peek('!') && !text.startsWith("!=", position)) {
                position++;
                Node operand = parseUnary();
                return vars -> !truthy(operand.value(vars));
            }
            return parseComparison();
        }

        Node parseComparison() {
            Node left = parseValue();
            for (String op : List.of("==", "!=", "<=", ">=", "<", ">")) {
                if (take(op)) {
                    Node right = parseValue();
                    return vars -> compare(op, left.value(vars), right.value(vars));
                }
            }
            return left;
        }

        Node parseValue() {
            skipSpaces();
            if (position >= text.length()) {
                throw new ConditionSyntaxException("a value is missing at the end", position);
            }
            char c = text.charAt(position);
            if (c == '(') {
                position++;
                Node inner = parseOr();
                if (!take(")")) {
                    throw new ConditionSyntaxException("')' expected", position);
                }
                return inner;
            }
            if (c == '\'' || c == '"') {
                int end = text.indexOf(c, position + 1);
                if (end < 0) {
                    throw new ConditionSyntaxException("unclosed string", position);
                }
                String literal = text.substring(position + 1, end);
                position = end + 1;
                return vars -> literal;
            }
            if (Character.isDigit(c) || (c == '-' && position + 1 < text.length() && Character.isDigit(text.charAt(position + 1)))) {
                int start = position++;
                while (position < text.length() && (Character.isDigit(text.charAt(position)) || text.charAt(position) == '.')) {
                    position++;
                }
                try {
                    BigDecimal number = new BigDecimal(text.substring(start, position));
                    return vars -> number;
                } catch (NumberFormatException e) {
                    throw new ConditionSyntaxException("bad number '" + text.substring(start, position) + "'", start);
                }
            }
            if (Character.isLetter(c) || c == '_') {
                int start = position;
                while (position < text.length() && (Character.isLetterOrDigit(text.charAt(position))
                        || text.charAt(position) == '_' || text.charAt(position) == '.')) {
                    position++;
                }
                String word = text.substring(start, position);
                switch (word) {
                    case "true":
                        return vars -> Boolean.TRUE;
                    case "false":
                        return vars -> Boolean.FALSE;
                    case "null":
                        return vars -> null;
                    default:
                        if (word.endsWith(".") || word.contains("..")) {
                            throw new ConditionSyntaxException("bad path '" + word + "'", start);
                        }
                        paths.add(word);
                        return vars -> VariablePaths.resolve(vars, word);
                }
            }
            throw new ConditionSyntaxException("unexpected '" + c + "'", position);
        }

        boolean take(String token) {
            skipSpaces();
            if (text.startsWith(token, position)) {
                position += token.length();
                return true;
            }
            return false;
        }

        boolean peek(char c) {
            return position < text.length() && text.charAt(position) == c;
        }

        void skipSpaces() {
            while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
                position++;
            }
        }
    }

    static boolean truthy(Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Number) {
            return decimal(value).signum() != 0;
        }
        if (value instanceof CharSequence text) {
            return !text.isEmpty();
        }
        return true;
    }

    private static boolean compare(String op, Object left, Object right) {
        if (op.equals("==")) {
            return same(left, right);
        }
        if (op.equals("!=")) {
            return !same(left, right);
        }
        Integer order = order(left, right);
        if (order == null) {
            return false;
        }
        return switch (op) {
            case "<" -> order < 0;
            case "<=" -> order <= 0;
            case ">" -> order > 0;
            default -> order >= 0;
        };
    }

    private static boolean same(Object left, Object right) {
        if (left == null || right == null) {
            return left == right;
        }
        Integer order = order(left, right);
        if (order != null && !(left instanceof String && right instanceof String)) {
            return order == 0;
        }
        return text(left).equals(text(right));
    }

    /** Comparison result for numbers, dates and texts; null when the two cannot be ordered. */
    private static Integer order(Object left, Object right) {
        if (left == null || right == null) {
            return null;
        }
        if (isNumeric(left) && isNumeric(right)) {
            return decimal(left).compareTo(decimal(right));
        }
        if (left instanceof LocalDate || right instanceof LocalDate) {
            LocalDate a = date(left);
            LocalDate b = date(right);
            return a == null || b == null ? null : a.compareTo(b);
        }
        if (left instanceof Boolean || right instanceof Boolean) {
            return null;
        }
        return text(left).compareTo(text(right));
    }

    private static boolean isNumeric(Object value) {
        return value instanceof Number;
    }

    private static BigDecimal decimal(Object value) {
        return value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
    }

    private static LocalDate date(Object value) {
        if (value instanceof LocalDate d) {
            return d;
        }
        try {
            return LocalDate.parse(value.toString());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String text(Object value) {
        return value instanceof Enum<?> e ? e.name() : value.toString();
    }
}
