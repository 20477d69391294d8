package dezero;

import java.lang.ref.Reference;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The backward engine: iterative (never recursive, so a 100,000-function chain is fine), a
 * priority queue ordered by decreasing generation and a seen set, so each function runs once
 * and after every function that consumes its output (DeZero step 16).
 */
final class Backprop {
    private Backprop() {
    }

    static void run(Variable root, boolean retainGrad, boolean createGraph) {
        try {
            runFrom(root, retainGrad, createGraph);
        } finally {
            // start's function holds root only weakly, and nothing below uses root itself: without
            // the fence the JIT may let the GC collect it mid-run (seen under load), and its
            // gradient, the seed, would never flow
            Reference.reachabilityFence(root);
        }
    }

    private static void runFrom(Variable root, boolean retainGrad, boolean createGraph) {
        Function start = root.creator();
        if (start == null) {
            return;
        }
        PriorityQueue<Function> queue = new PriorityQueue<>((a, b) -> Integer.compare(b.generation(), a.generation()));
        Set<Function> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        // A function references its output only weakly, and once the consumer that held that output
        // has run (and the caller has dropped the root), nothing else may: the queue keeps each
        // queued function's output, which carries its gradient, strongly reachable until it runs.
        Map<Function, Variable> outputs = new IdentityHashMap<>();
        queue.add(start);
        seen.add(start);
        outputs.put(start, root);
        try (Config.Scope scope = Config.enableBackprop(createGraph)) {
            while (!queue.isEmpty()) {
                Function f = queue.poll();
                Variable out = outputs.remove(f);
                if (out.grad() == null) {
                    continue; // the output received no gradient: nothing flows through f
                }
                Variable[] gxs = f.runBackward(out.grad());
                Variable[] xs = f.inputsInternal();
                if (gxs.length != xs.length) {
                    throw new IllegalStateException(f.name() + ".backward returned " + gxs.length
                            + " gradients for " + xs.length + " inputs");
                }
                for (int i = 0; i < xs.length; i++) {
                    Variable x = xs[i];
                    Variable gx = gxs[i];
                    if (gx == null || x.isConstant()) {
                        continue;
                    }
                    checkShape(f, i, x, gx);
                    x.setGrad(x.grad() == null ? gx : x.grad().add(gx));
                    Function c = x.creator();
                    if (c != null && seen.add(c)) {
                        queue.add(c);
                        outputs.put(c, x);
                    }
                }
                if (!retainGrad) {
                    out.setGrad(null);
                }
            }
        }
    }

    private static void checkShape(Function f, int i, Variable x, Variable gx) {
        if (x.data() == null) {
            return; // data freed on purpose (linearSimple frees its intermediate): nothing to compare with
        }
        int[] xs = x.data().shape();
        int[] gs = gx.data().shape();
        if (!Arrays.equals(xs, gs)) {
            throw new IllegalStateException(f.name() + ".backward returned a gradient of shape "
                    + dezero.ndarray.Shapes.str(gs) + " for input " + i + " of shape " + dezero.ndarray.Shapes.str(xs));
        }
    }

    static void unchainAll(Variable root) {
        Function start = root.creator();
        if (start == null) {
            return;
        }
        ArrayDeque<Function> stack = new ArrayDeque<>();
        Set<Function> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        stack.push(start);
        seen.add(start);
        while (!stack.isEmpty()) {
            Function f = stack.pop();
            for (Variable x : f.inputsInternal()) {
                Function c = x.creator();
                if (c != null) {
                    if (seen.add(c)) {
                        stack.push(c);
                    }
                    x.unchain();
                }
            }
        }
    }
}
