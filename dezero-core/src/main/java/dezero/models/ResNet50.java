package dezero.models;

import java.io.IOException;
import java.nio.file.Path;

/**
 * {@link ResNet} with 50 layers (DeZero's {@code ResNet50}).
 *
 * <pre>{@code
 * jshell> var model = new ResNet50();                                  // random, sized at the first call
 * jshell> var trained = new ResNet50(Path.of("resnet50.npz"));        // from ResNet.weightsUrl(50)
 * }</pre>
 */
public class ResNet50 extends ResNet {
    /** Randomly initialised (lazily, at the first call). */
    public ResNet50() {
        super(50);
    }

    /** With the weights of {@code pretrained}, or random when it is null. */
    public ResNet50(Path pretrained) throws IOException {
        super(50, pretrained);
    }
}
