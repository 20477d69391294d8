package dezero.models;

import java.io.IOException;
import java.nio.file.Path;

/**
 * {@link ResNet} with 152 layers (DeZero's {@code ResNet152}).
 *
 * <pre>{@code
 * jshell> var model = new ResNet152();                                  // random, sized at the first call
 * jshell> var trained = new ResNet152(Path.of("resnet152.npz"));        // from ResNet.weightsUrl(152)
 * }</pre>
 */
public class ResNet152 extends ResNet {
    /** Randomly initialised (lazily, at the first call). */
    public ResNet152() {
        super(152);
    }

    /** With the weights of {@code pretrained}, or random when it is null. */
    public ResNet152(Path pretrained) throws IOException {
        super(152, pretrained);
    }
}
