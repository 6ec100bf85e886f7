package dev.cobra.runtime.load;

/** What the harness reads from the runtime it drives while a phase runs: CPU used so far and heap in use. */
interface MeasuredRuntime {

    /** CPU seconds used so far; NaN when the runtime cannot tell. */
    double cpuSeconds() throws Exception;

    /** Heap in use now, in MB; -1 when the runtime cannot tell. */
    double heapUsedMb();
}
