package dezero.functions;

import dezero.ndarray.Index;
import dezero.ndarray.NdArray;
import org.junit.jupiter.api.Test;

import static dezero.functions.FnTest.checkSecondOrder;
import static dezero.functions.FnTest.rand;

/**
 * Ops whose own second derivative is zero (add, sub, neg, shapes, sums, indexing) must still record
 * their backward under createGraph, so a curvature before or after them reaches the inputs: each
 * check puts a cube around the op and compares Hessian-vector products with central differences.
 */
class LinearOpsSecondOrderTest {
    @Test
    void arithmeticWithBroadcasting() {
        checkSecondOrder(xs -> xs[0].add(xs[1]).pow(3), rand(4200, 2, 3), rand(4201, 3));
        checkSecondOrder(xs -> xs[0].sub(xs[1]).pow(3), rand(4202, 2, 1), rand(4203, 1, 3));
        checkSecondOrder(xs -> F.neg(xs[0].pow(3)), rand(4204, 2, 3));
        checkSecondOrder(xs -> F.rsub(xs[0], xs[1]).pow(3), rand(4205, 3), rand(4206, 2, 3));
    }

    @Test
    void shapes() {
        checkSecondOrder(xs -> F.reshape(xs[0].pow(3), 3, 2), rand(4210, 2, 3));
        checkSecondOrder(xs -> F.transpose(xs[0], 2, 0, 1).pow(3), rand(4211, 2, 3, 4));
        checkSecondOrder(xs -> F.broadcastTo(xs[0], 2, 3).pow(3), rand(4212, 3));
        checkSecondOrder(xs -> F.sumTo(xs[0].pow(3), 1, 3).pow(2), rand(4213, 2, 3));
        checkSecondOrder(xs -> F.expandDims(xs[0], -1).pow(3), rand(4214, 2, 3));
    }

    @Test
    void reductionsAndIndexing() {
        checkSecondOrder(xs -> F.sum(xs[0].pow(3), new int[] {0, 2}, true).pow(2), rand(4220, 2, 3, 4));
        checkSecondOrder(xs -> F.mean(xs[0].pow(3), 1).pow(2), rand(4221, 2, 3));
        checkSecondOrder(xs -> F.average(xs[0]).mul(xs[0]).pow(2), rand(4222, 2, 3));
        checkSecondOrder(xs -> F.getItem(xs[0], Index.array(NdArray.array(new long[] {0, 2, 2}))).pow(3),
                rand(4223, 3, 2));
        checkSecondOrder(xs -> F.getItem(xs[0].pow(3), Index.slice(1, 3), Index.at(0)).pow(2), rand(4224, 3, 2));
    }
}
