package dezero.steps;

import dezero.Variable;

/**
 * Step 23: a package. The framework of steps 1-22 moves into the library ({@code dezero.Variable},
 * {@code dezero.Function}, {@code dezero.functions.F}, ...), and from here on the step programs
 * import it instead of defining it, as the book's import {@code dezero}. Java numbers work on
 * either side of an operator method: (x + 3)^2 is {@code x.add(3).pow(2)}.
 */
public final class Step23 {
    private Step23() {
    }

    public static void main(String[] args) {
        Variable x = Variable.of(1.0);
        Variable y = x.add(3).pow(2);
        y.backward();

        System.out.println(y);
        System.out.println(x.grad());
    }
}
