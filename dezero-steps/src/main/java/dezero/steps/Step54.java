package dezero.steps;

import dezero.Config;
import dezero.Variable;
import dezero.functions.F;
import dezero.ndarray.NdArray;
import dezero.ndarray.NdRandom;

/**
 * Step 54: dropout and test mode. During training {@code F.dropout} zeroes a random half of the
 * elements and doubles the others (inverted dropout), so the expected value is unchanged; at test
 * time it must do nothing. {@code Config.train} tells which: {@code Config.testMode()} switches it
 * off for a try-with-resources block, as the book's {@code with test_mode():}.
 */
public final class Step54 {
    private Step54() {
    }

    @SuppressWarnings("try") // the testMode scope is not used inside its block
    public static void main(String[] args) {
        NdRandom.seedGlobal(0); // the reference's recordings start from np.random.seed(0)

        NdArray x = NdArray.ones(5);
        System.out.println(x);

        // when training
        Variable y = F.dropout(new Variable(x));
        System.out.println(y);

        // when testing (predicting)
        try (Config.Scope testMode = Config.testMode()) {
            y = F.dropout(new Variable(x));
            System.out.println(y);
        }
    }
}
