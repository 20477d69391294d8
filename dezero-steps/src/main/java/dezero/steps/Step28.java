package dezero.steps;

import dezero.Variable;

/**
 * Step 28: optimisation by gradient descent. The Rosenbrock function
 * 100 (x1 - x0^2)^2 + (x0 - 1)^2 has its minimum at (1, 1) at the bottom of a long, flat,
 * curved valley. Starting from (0, 2), each of 1,000 iterations steps against the gradient with
 * learning rate 0.001 and prints the point before the step; the point is still far from (1, 1)
 * at the end (the book notes that about 50,000 iterations get there).
 *
 * <p>The book's step imports DeZero's simple core here; the library's {@code Variable} does the
 * same. The update changes the data in place ({@code subi}, Python's {@code -=}), outside the graph.
 */
public final class Step28 {
    private Step28() {
    }

    static Variable rosenbrock(Variable x0, Variable x1) {
        Variable y = x1.sub(x0.pow(2)).pow(2).mul(100).add(x0.sub(1).pow(2));
        return y;
    }

    public static void main(String[] args) {
        Variable x0 = Variable.of(0.0);
        Variable x1 = Variable.of(2.0);
        double lr = 0.001;
        int iters = 1000;

        for (int i = 0; i < iters; i++) {
            System.out.println(x0 + " " + x1);

            Variable y = rosenbrock(x0, x1);

            x0.cleargrad();
            x1.cleargrad();
            y.backward();

            x0.data().subi(x0.grad().data().mul(lr));
            x1.data().subi(x1.grad().data().mul(lr));
        }
    }
}
