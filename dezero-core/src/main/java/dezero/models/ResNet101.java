package dezero.models;

import java.io.IOException;
import java.nio.file.Path;

/**
 * {@link ResNet} with 101 layers (DeZero's {@code ResNet101}).
 *
 * <pre>{@code
 * jshell> var model = new ResNet101();                                  // random, sized at the first call
 * jshell> var trained = new ResNet101(Path.of("resnet101.npz"));        // from ResNet.weightsUrl(101)
 * }</pre>
 */
public class ResNet101 extends ResNet {
    /** Randomly initialised (lazily, at the first call). */
    public ResNet101() {
        super(101);
    }

    /** With the weights of {@code pretrained}, or random when it is null. */
    public ResNet101(Path pretrained) throws IOException {
        super(101, pretrained);
    }
}
