package dezero.optimizers;

import dezero.Parameter;
import dezero.layers.Layer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Keeps the given layers' parameters (or single parameters) fixed: the hook drops their
 * gradients, and {@link Optimizer#update()} skips parameters without a gradient. (In DeZero this
 * hook crashes the update.)
 *
 * <pre>{@code
 * optimizer.addHook(new FreezeParam(model.layers().get(0)));   // train only the later layers
 * }</pre>
 */
public final class FreezeParam implements Hook {
    private final Set<Parameter> frozen = Collections.newSetFromMap(new IdentityHashMap<>());

    /** Freezes every parameter of each layer (lazily initialised ones too: the Parameter objects exist from construction). */
    public FreezeParam(Layer... layers) {
        for (Layer l : layers) {
            frozen.addAll(l.params());
        }
    }

    public FreezeParam(Parameter... params) {
        Collections.addAll(frozen, params);
    }

    /** The frozen parameters. */
    public List<Parameter> frozen() {
        return new ArrayList<>(frozen);
    }

    @Override
    public void apply(List<Parameter> params) {
        for (Parameter p : params) {
            if (frozen.contains(p)) {
                p.cleargrad();
            }
        }
    }
}
