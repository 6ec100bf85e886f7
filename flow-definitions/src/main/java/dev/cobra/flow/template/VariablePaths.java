package dev.cobra.flow.template;

import java.lang.reflect.RecordComponent;
import java.util.Map;

/**
 * Resolves dotted paths like {@code debt.balance} against the variable map the engine supplies. Nested
 * values may be maps or records; a missing segment resolves to null, never to an exception, because a
 * text with an absent optional value must still be sendable.
 */
public final class VariablePaths {

    private VariablePaths() {
    }

    public static Object resolve(Map<String, Object> vars, String path) {
        if (vars == null || path == null || path.isEmpty()) {
            return null;
        }
        Object current = vars;
        for (String segment : path.split("\\.")) {
            current = member(current, segment);
            if (current == null) {
                return null;
            }
        }
        return current;
    }

    private static Object member(Object holder, String name) {
        if (holder instanceof Map<?, ?> map) {
            return map.get(name);
        }
        if (holder != null && holder.getClass().isRecord()) {
            for (RecordComponent component : holder.getClass().getRecordComponents()) {
                if (component.getName().equals(name)) {
                    try {
                        return component.getAccessor().invoke(holder);
                    } catch (ReflectiveOperationException e) {
                        return null;
                    }
                }
            }
        }
        return null;
    }
}
