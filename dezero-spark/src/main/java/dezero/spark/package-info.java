/**
 * Synchronous data-parallel training of DeZero models on Apache Spark.
 *
 * <p><b>What happens in a step.</b> The driver owns the {@link dezero.models.Model} and its
 * {@link dezero.optimizers.Optimizer}. {@link dezero.spark.DataParallelTrainer#step()} draws the step's
 * global batch (data-set positions), sends the model's weights as one {@link dezero.spark.FlatVector},
 * runs one Spark job with a task per partition of the data ({@link dezero.spark.SparkShards}), gets back
 * the sum of the partitions' gradients and runs one optimizer update; the next step sends the updated
 * weights. Executors keep only the architecture ({@link dezero.spark.ModelFactory}, one model per task
 * thread, reused) and the cached examples of their partitions ({@link dezero.spark.ShardData}).
 *
 * <p><b>The global batch.</b> {@code BatchOrder} is a shuffling
 * {@link dezero.datasets.DataLoader} with {@code new NdRandom(seed)} over the positions 0..n-1, so a
 * step's batch is the batch that a single-JVM loop over the same data with the same seed sees. Each
 * partition takes the examples of the batch that it holds (in batch order), applies the mean loss to
 * them and weights it by {@code share / batch size}: the weighted shard losses add up to the global
 * batch's mean loss, so their gradients add up to its gradient.
 *
 * <p><b>Weights out: a broadcast per step.</b> A {@link org.apache.spark.broadcast.Broadcast} is fetched
 * once per executor and shared by its tasks (and spread peer to peer among executors), where weights in
 * the task closure are deserialised by every task; on {@code local[2]} the two measured the same, so the
 * broadcast is the default for its behaviour on clusters, and {@link dezero.spark.SparkShards.Weights#CLOSURE}
 * is there to compare. It is destroyed after its step.
 *
 * <p><b>Gradients in: a tree of fixed shape, not Spark's {@code treeAggregate}, not barrier all-gather.</b>
 * {@link dezero.spark.SparkShards.Reduction#ORDERED_TREE}: with depth 1 the tasks' gradients are collected
 * (Spark returns them in partition order whatever the finishing order) and the driver adds them in
 * partition order; with depth d &gt; 1, groups of consecutive partitions are added first on executors (a
 * shuffle keyed by group, each group added in partition order). Spark's {@code treeAggregate} adds in
 * task completion order, so its result changes in the last bits from run to run
 * ({@link dezero.spark.SparkShards.Reduction#TREE_AGGREGATE} is kept to compare: 21.5 against 24.2 ms of
 * Spark time per step on {@code local[2]}, within the noise).
 * Barrier execution with {@code BarrierTaskContext.allGather} was measured and rejected: it carries
 * strings only (a gradient becomes base64 text, 4/3 of its size, sent through the driver to every task,
 * so P&sup2; gradients of traffic), and in Spark 4.1 every barrier call waits for the coordinator in
 * one-second sleeps: a round measured 1,007 ms, 27 times a whole step; docs/SCALING.md has the figures.
 *
 * <p><b>What is exact and what is not.</b> A sum's shape depends only on the number of partitions and
 * the depth, so a Spark run equals, bit for bit, the same partitions computed and added in one JVM
 * ({@link dezero.spark.LocalShards}), also after a retried task and after a restart from a checkpoint
 * (the tests check all three). Against the plain single-JVM loop on whole batches
 * ({@link dezero.spark.SingleJvmTrainer}) it agrees up to float rounding, because per-partition matrix
 * products and the weighting round differently: after 10 steps the tests measured 1.8e-8 of the largest
 * weight in float32 (under one ulp) and 1e-16 in float64. Exactness assumes executors run the same kernel
 * as the reference (the Vector API kernel, whose module {@code spark-submit} adds, or the plain one on
 * both) and a deterministic forward pass: dropout draws its masks from each executor's generator, and
 * BatchNorm's batch statistics are per partition (as in any data-parallel trainer without synchronised
 * batch norm).
 *
 * <p><b>float32 and float64.</b> Weights and gradients travel in the parameters' dtype (4 bytes a value
 * for float32 models) and are added in it; a model must have one floating dtype.
 *
 * <p><b>Faults.</b> A failed task is retried by Spark ({@code spark.task.maxFailures}) and computes the
 * same gradient again from the same broadcast weights and cached examples; a lost executor's partitions
 * are rebuilt from the RDD's lineage. The driver is the single point of failure: {@link dezero.spark.Checkpoints}
 * writes, every K steps, the model's {@code saveWeights} file, the optimizer's state
 * ({@link dezero.spark.OptimizerState}: Adam's moments and step count, ...) with the step, seed, batch
 * size and data size, and then a {@code LATEST} file naming them (atomic renames throughout);
 * {@link dezero.spark.DataParallelTrainer#resume()} loads them and replays the batch order to the step.
 *
 * <p><b>Java 17.</b> Spark needs {@code --add-opens} options that {@code spark-submit} adds and a plain
 * {@code java} does not; {@link dezero.spark.SparkJvm} relaunches programs with them (and with Spark's
 * jars when run from a build), and the module's tests run with the same list.
 */
package dezero.spark;
