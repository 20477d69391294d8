package dezero.functions;

import dezero.Config;
import dezero.Function;
import dezero.Variable;
import dezero.ndarray.NdArray;
import dezero.ndarray.Shapes;

import java.util.Arrays;

/**
 * Batch normalisation of {@code (N, C)} or {@code (N, C, H, W)} inputs, per channel C (over N, or
 * over N, H and W). Inputs are {@code (x, gamma, beta)}; the running averages are raw arrays that
 * this function updates in place.
 *
 * <p>In train mode ({@link Config#train()} at forward time) the batch mean and the biased batch
 * variance normalise {@code x}, and the running averages become
 * {@code avg = decay * avg + (1 - decay) * stat}, the variance with the unbiased factor
 * {@code m / (m - 1)} ({@code m = x.size / C}), as DeZero's {@code batch_nrom}. In test mode the
 * running averages (as they were at forward time) normalise {@code x}.
 *
 * <p>The backward recomputes the batch statistics from the input Variable with differentiable ops,
 * so second derivatives through them are right (DeZero treats {@code inv_std} as a constant there),
 * and the test-mode backward works (DeZero's fails).
 */
public final class BatchNorm extends Function {
    private final NdArray runningMean;
    private final NdArray runningVar;
    private final double decay;
    private final double eps;
    /** Mode and, in test mode, the statistics used by the forward pass (copies: the running arrays change later). */
    private boolean trainMode;
    private NdArray testMean;
    private NdArray testInvStd;

    BatchNorm(NdArray runningMean, NdArray runningVar, double decay, double eps) {
        this.runningMean = runningMean;
        this.runningVar = runningVar;
        this.decay = decay;
        this.eps = eps;
    }

    @Override
    protected NdArray forward(NdArray... xs) {
        NdArray x = xs[0];
        NdArray gamma = xs[1];
        NdArray beta = xs[2];
        check(x, gamma, beta);
        NdArray x2 = toRows(x);
        trainMode = Config.train();
        NdArray xc;
        if (trainMode) {
            NdArray mean = x2.mean(0, false);
            NdArray centred = x2.sub(mean);
            NdArray var = centred.mul(centred).mean(0, false);
            NdArray invStd = var.add(eps).sqrt().rdiv(1.0);
            xc = centred.mul(invStd);
            int m = x.size() / gamma.size();
            double s = m - 1.0 > 1.0 ? m - 1.0 : 1.0;
            double adjust = m / s;
            runningMean.muli(decay).addi(mean.mul(1 - decay));
            runningVar.muli(decay).addi(var.mul((1 - decay) * adjust));
        } else {
            testMean = runningMean.copy();
            testInvStd = runningVar.add(eps).sqrt().rdiv(1.0);
            xc = x2.sub(testMean).mul(testInvStd);
        }
        NdArray y = gamma.mul(xc).add(beta);
        return x.ndim() == 4 ? fromRows(y, x.shape()) : y;
    }

    @Override
    protected Variable[] backward(Variable gy) {
        Variable x = input(0);
        Variable gamma = input(1);
        Variable gy2 = toRows(gy);
        Variable x2 = toRows(x);
        int m = x2.shape()[0];
        Variable xc;
        Variable invStd;
        if (trainMode) {
            Variable centred = x2.sub(F.sum(x2, 0).div(m));
            Variable var = F.sum(centred.mul(centred), 0).div(m);
            invStd = var.add(eps).pow(0.5).rdiv(1.0);
            xc = centred.mul(invStd);
        } else {
            invStd = Variable.constant(testInvStd);
            xc = x2.sub(testMean).mul(invStd);
        }
        Variable gbeta = F.sum(gy2, 0);
        Variable ggamma = F.sum(xc.mul(gy2), 0);
        Variable gx2 = trainMode
                ? gy2.sub(gbeta.div(m)).sub(xc.mul(ggamma).div(m)).mul(gamma.mul(invStd))
                : gy2.mul(gamma.mul(invStd));
        Variable gx = x.ndim() == 4 ? fromRows(gx2, x.shape()) : gx2;
        return grads(needsGrad(0) ? gx : null, needsGrad(1) ? ggamma : null, needsGrad(2) ? gbeta : null);
    }

    private void check(NdArray x, NdArray gamma, NdArray beta) {
        if (x.ndim() != 2 && x.ndim() != 4) {
            throw new IllegalArgumentException("batchNorm: x must be (N, C) or (N, C, H, W), got shape "
                    + Shapes.str(x.shape()));
        }
        int[] c = {x.shape(1)};
        NdArray[] perChannel = {gamma, beta, runningMean, runningVar};
        String[] names = {"gamma", "beta", "mean", "var"};
        for (int i = 0; i < perChannel.length; i++) {
            if (!Arrays.equals(c, perChannel[i].shape())) {
                throw new IllegalArgumentException("batchNorm: " + names[i] + " must have shape " + Shapes.str(c)
                        + " (one value per channel of x " + Shapes.str(x.shape()) + "), got "
                        + Shapes.str(perChannel[i].shape()));
            }
        }
    }

    /** (N, C) stays; (N, C, H, W) becomes (N*H*W, C), channels last. */
    private static NdArray toRows(NdArray x) {
        return x.ndim() == 4 ? x.transpose(0, 2, 3, 1).reshape(-1, x.shape(1)) : x;
    }

    private static NdArray fromRows(NdArray y, int[] s) {
        return y.reshape(s[0], s[2], s[3], s[1]).transpose(0, 3, 1, 2);
    }

    private static Variable toRows(Variable x) {
        return x.ndim() == 4 ? F.reshape(F.transpose(x, 0, 2, 3, 1), -1, x.shape()[1]) : x;
    }

    private static Variable fromRows(Variable y, int[] s) {
        return F.transpose(F.reshape(y, s[0], s[2], s[3], s[1]), 0, 3, 1, 2);
    }
}
