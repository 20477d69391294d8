package dezero.ndarray;

/**
 * A seedable random generator for arrays (see the implementation notes in the class body).
 */
public final class NdRandom {
    private NdRandom() {
    }
}
