package dev.cobra.runtime.web.pages;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs one of {@code designer-ui/e2e/*.e2e.mjs} (playwright-core driving Debian's Chromium, never a downloaded
 * browser) against a runtime the calling test started. A script prints {@code e2e: <step>} lines and ends with
 * {@code e2e: PASSED}; anything else fails the test with the script's whole output. Skipped, visibly, only
 * when Chromium, node or the installed npm packages are missing.
 */
public final class BrowserScript {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path DESIGNER_UI = Path.of("..", "designer-ui").toAbsolutePath().normalize();

    private BrowserScript() {
    }

    /** Skips the calling test unless Chromium, node and designer-ui's node_modules are present. */
    public static void assumeAvailable() {
        assumeTrue(Files.isExecutable(CHROMIUM), "Chromium is not installed at /usr/bin/chromium (apt-get install chromium)");
        assumeTrue(commandWorks("node", "--version"), "node is not on the PATH");
        assumeTrue(Files.isDirectory(DESIGNER_UI.resolve("node_modules/playwright-core")),
                "designer-ui/node_modules/playwright-core is missing (run the designer-ui build without -Dskip.npm)");
    }

    /**
     * Runs {@code designer-ui/e2e/<scriptName>} with the given environment and asserts it passed.
     *
     * @return the script's output
     */
    public static String runAndExpectPass(String scriptName, Map<String, String> environment, int timeoutSeconds)
            throws IOException, InterruptedException {
        assumeAvailable();
        Path log = Files.createTempFile(scriptName.replace('.', '-'), ".log");
        ProcessBuilder node = new ProcessBuilder("node", DESIGNER_UI.resolve("e2e").resolve(scriptName).toString())
                .directory(DESIGNER_UI.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        node.environment().put("SCREENSHOT_DIR", System.getProperty("java.io.tmpdir"));
        node.environment().putAll(environment);
        Process process = node.start();
        boolean finished = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = Files.readString(log);
        System.out.println(output);
        assertThat(finished).as("the browser test finished in time; output:%n%s", output).isTrue();
        assertThat(process.exitValue()).as("browser test output:%n%s", output).isZero();
        assertThat(output).contains("e2e: PASSED");
        return output;
    }

    private static boolean commandWorks(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
