package dev.cobra.flow.shipped;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the shipped flows from the classpath: {@code flows/index.txt} lists one flow id per line (blank lines
 * and {@code #} comments ignored) and {@code flows/<id>.yaml} holds each flow. An index keeps the order
 * stable and works inside jars, where directories cannot be listed.
 */
public final class ShippedFlows {

    static final String INDEX = "flows/index.txt";

    private ShippedFlows() {
    }

    /** @throws IllegalStateException when the index names a flow whose file is missing */
    public static List<ShippedFlow> all() {
        List<ShippedFlow> result = new ArrayList<>();
        for (String line : read(INDEX).split("\\R")) {
            String id = line.strip();
            if (id.isEmpty() || id.startsWith("#")) {
                continue;
            }
            result.add(new ShippedFlow(id, read("flows/" + id + ".yaml")));
        }
        return List.copyOf(result);
    }

    private static String read(String resource) {
        ClassLoader loader = ShippedFlows.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("shipped flow resource missing from the classpath: " + resource);
            }
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                StringBuilder text = new StringBuilder();
                char[] buffer = new char[8192];
                for (int n; (n = reader.read(buffer)) > 0; ) {
                    text.append(buffer, 0, n);
                }
                return text.toString();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
