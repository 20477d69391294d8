package dezero.spark;

/**
 * What one training step did and cost, as the driver saw it.
 *
 * @param step          the step number (1 is the first step of a run)
 * @param epoch         the epoch the step's batch belongs to (0 first)
 * @param examples      the global batch size of this step
 * @param loss          the global batch's mean loss before the update
 * @param totalNanos    the whole step on the driver: weights out, gradients in, optimizer update
 *                      (and checkpoint, when one was written)
 * @param gradientNanos from sending the weights to having the summed gradient (the distributed part)
 * @param computeNanos  the longest time one task spent in forward and backward
 * @param updateNanos   the optimizer update on the driver
 */
public record StepStats(long step, int epoch, int examples, double loss, long totalNanos, long gradientNanos,
                        long computeNanos, long updateNanos) {

    /** The distributed part minus the slowest task's compute: what the engine (Spark) adds per step. */
    public long overheadNanos() {
        return Math.max(0, gradientNanos - computeNanos);
    }
}
