package dev.cobra.runtime.testsupport;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;

/**
 * Registered for every test (META-INF/services + junit-platform.properties): when a test fails because a blocking
 * read timed out (a request that never got its answer), prints every thread's stack to the test's output, so an
 * intermittent hang seen once in CI can be traced from the surefire report instead of guessed at.
 */
public class ThreadDumpOnTimeout implements TestExecutionExceptionHandler {

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        if (isTimeout(throwable)) {
            StringBuilder dump = new StringBuilder("=== thread dump at timeout in ")
                    .append(context.getDisplayName()).append(" ===\n");
            for (ThreadInfo info : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
                dump.append('"').append(info.getThreadName()).append("\" ").append(info.getThreadState());
                if (info.getLockName() != null) {
                    dump.append(" on ").append(info.getLockName());
                }
                if (info.getLockOwnerName() != null) {
                    dump.append(" owned by \"").append(info.getLockOwnerName()).append('"');
                }
                dump.append('\n');
                for (StackTraceElement frame : info.getStackTrace()) {
                    dump.append("    at ").append(frame).append('\n');
                }
            }
            System.out.println(dump.append("=== end of thread dump ==="));
        }
        throw throwable;
    }

    private static boolean isTimeout(Throwable throwable) {
        for (Throwable t = throwable; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("Timeout on blocking read")) {
                return true;
            }
        }
        return false;
    }
}
