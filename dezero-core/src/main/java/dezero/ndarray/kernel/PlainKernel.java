package dezero.ndarray.kernel;

/**
 * The portable kernel: plain Java loops in same-index form that HotSpot's superword pass can
 * vectorize. gemm is delegated to {@link PlainGemm} (cache-blocked, multi-threaded).
 *
 * <p>Every operation switches on the op once, outside its loop, and has separate loops for the
 * stride combinations 1/1, 1/0 and 0/1 (plus a general strided fallback), so each inner loop is
 * a simple counted loop over {@code out[o + i] = a[ai + i] op b[bi + i]}.
 *
 * <p>float32 arithmetic is done in float where that is exactly what NumPy does (add, subtract,
 * multiply, divide, negative, absolute, square, reciprocal, sign, maximum, minimum) and through
 * {@code (float) Math.f((double) x)} for the transcendental functions and pow.
 *
 * <p>maximum/minimum use {@link Math#max}/{@link Math#min}: NaN propagates as in NumPy; the only
 * difference is that {@code maximum(0.0, -0.0)} gives {@code 0.0} (NumPy returns the second
 * operand for equal values, i.e. {@code -0.0}).
 */
public final class PlainKernel implements Kernel {

    @Override
    public String name() {
        return "plain-java";
    }

    /** NumPy's int64 power: repeated squaring with wrap-around; negative exponents are refused. */
    static long ipow(long base, long exp) {
        if (exp < 0) {
            throw new IllegalArgumentException("Integers to negative integer powers are not allowed.");
        }
        long result = 1;
        while (exp != 0) {
            if ((exp & 1) != 0) {
                result *= base;
            }
            exp >>>= 1;
            if (exp != 0) {
                base *= base;
            }
        }
        return result;
    }

    // ------------------------------------------------------------------ binary, double

    @Override
    public void binary(BinaryOp op, double[] a, int aOff, int aStride, double[] b, int bOff, int bStride,
                       double[] out, int outOff, int n) {
        if (n <= 0) {
            return;
        }
        switch (op) {
            case ADD:
                addD(a, aOff, aStride, b, bOff, bStride, out, outOff, n);
                break;
            case SUB:
                subD(a, aOff, aStride, b, bOff, bStride, out, outOff, n);
                break;
            case MUL:
                mulD(a, aOff, aStride, b, bOff, bStride, out, outOff, n);
                break;
            case DIV:
                divD(a, aOff, aStride, b, bOff, bStride, out, outOff, n);
                break;
            case POW:
                powD(a, aOff, aStride, b, bOff, bStride, out, outOff, n);
                break;
            case MAXIMUM:
                maximumD(a, aOff, aStride, b, bOff, bStride, out, outOff, n);
                break;
            case MINIMUM:
                minimumD(a, aOff, aStride, b, bOff, bStride, out, outOff, n);
                break;
            default:
                throw new IllegalArgumentException("unsupported op " + op);
        }
    }

    private static void addD(double[] a, int ao, int as, double[] b, int bo, int bs, double[] out, int oo, int n) {
        if (as == 1 && bs == 1) {
            for (int i = 0; i < n; i++) {
                out[oo + i] = a[ao + i] + b[bo + i];
            }
        } else if (as == 1 && bs == 0) {
            double y = b[bo];
            for (int i = 0; i < n; i++) {
                out[oo + i] = a[ao + i] + y;
            }
        } else if (as == 0 && bs == 1) {
            double x = a[ao];
            for (int i = 0; i < n; i++) {
                out[oo + i] = x + b[bo + i];
            }
        } else {
            for (int i = 0; i < n; i++) {
                out[oo + i] = a[ao + i * as] + b[bo + i * bs];
            }
        }
    }

    private static void subD(double[] a, int ao, int as, double[] b, int bo, int bs, double[] out, int oo, int n) {
        if (as == 1 && bs == 1) {
            for (int i = 0; i < n; i++) {
                out[oo + i] = a[ao + i] - b[bo + i];
            }
        } else if (as == 1 && bs == 0) {
            double y = b[bo];
            for (int i = 0; i < n; i++) {
                out[oo + i] = a[ao + i] - y;
            }
        } else if (as == 0 && bs == 1) {
            double x = a[ao];
            for (int i = 0; i < n; i++) {
                out[oo + i] = x - b[bo + i];
            }
        } else {
            for (int i = 0; i < n; i++) {
                out[oo + i] = a[ao + i * as] - b[bo + i * bs];
            }
        }
    }

    private static void mulD(double[] a, int ao, int as, double[] b, int bo, int bs, double[] out, int oo, int n) {
        if (as == 1 && bs == 1) {
            for (int i = 0; i < n; i++) {
                out[oo + i] = a[ao + i] * b[bo + i];
            }
        } else if (as == 1 && bs == 0) {
            double y = b[bo];
            for (int i = 0; i < n; i++) {
                out[oo + i] = a[ao + i] * y;
            }
        } else if (as == 0 && bs == 1) {
            double x = a[ao];
            for (int i = 0; i < n; i++) {
                out[oo + i] = x * b[bo + i];
            }
        } else {
            for (int i = 0; i < n; i++) {
                out[oo + i] = a[ao + i * as] * b[bo + i * bs];
            }
        }
    }

    private static void divD(double[] a, int ao, int as, double[] b, int bo, int bs, double[] out, int oo, int n) {
        if (as == 1 && bs == 1) {
            for (int i = 0; i < n; i++) {
                out[oo + i] = a[ao + i] / b[bo + i];
            }
        } else if (as == 1 && bs == 0) {
            double y = b[bo];
            for (int i = 0; i < n; i++) {
                out[oo + i] = a[ao + i] / y;
            }
        } else if (as == 0 && bs == 1) {
            double x = a[ao];
            for (int i = 0; i < n; i++) {
                out[oo + i] = x / b[bo + i];
            }
        } else {
            for (int i = 0; i < n; i++) {
                out[oo + i] = a[ao + i * as] / b[bo + i * bs];
            }
        }
    }

    private static void powD(double[] a, int ao, int as, double[] b, int bo, int bs, double[] out, int oo, int n) {
        if (as == 1 && bs == 1) {
            for (int i = 0; i < n; i++) {
                out[oo + i] = Math.pow(a[ao + i], b[bo + i]);
            }
        } else if (as == 1 && bs == 0) {
            double y = b[bo];
            for (int i = 0; i < n; i++) {
                out[oo + i] = Math.pow(a[ao + i], y);
            }
        } else if (as == 0 && bs == 1) {
            double x = a[ao];
            for (int i = 0; i < n; i++) {
                out[oo + i] = Math.pow(x, b[bo + i]);
            }
        } else {
            for (int i = 0; i < n; i++) {
                out[oo + i] = Math.pow(a[ao + i * as], b[bo + i * bs]);
            }
        }
    }

    private static void maximumD(double[] a, int ao, int as, double[] b, int bo, int bs, double[] out, int oo, int n) {
        if (as == 1 && bs == 1) {
            for (int i = 0; i < n; i++) {
                out[oo + i] = Math.max(a[ao + i], b[bo + i]);
            }
        } else if (as == 1 && bs == 0) {
            double y = b[bo];
            for (int i = 0; i < n; i++) {
                out[oo + i] = Math.max(a[ao + i], y);
            }
        } else if (as == 0 && bs == 1) {
            double x = a[ao];
            for (int i = 0; i < n; i++) {
                out[oo + i] = Math.max(x, b[bo + i]);
            }
        } else {
            for (int i = 0; i < n; i++) {
                out[oo + i] = Math.max(a[ao + i * as], b[bo + i * bs]);
            }
        }
    }

    private static void minimumD(double[] a, int ao, int as, double[] b, int bo, int bs, double[] out, int oo, int n) {
        if (as == 1 && bs == 1) {
            for (int i = 0; i < n; i++) {
                out[oo + i] = Math.min(a[ao + i], b[bo + i]);
            }
        } else if (as == 1 && bs == 0) {
            double y = b[bo];
            for (int i = 0; i < n; i++) {
                out[oo + i] = Math.min(a[ao + i], y);
            }
        } else if (as == 0 && bs == 1) {
            double x = a[ao];
            for (int i = 0; i < n; i++) {
                out[oo + i] = Math.min(x, b[bo + i]);
            }
        } else {
            for (int i = 0; i < n; i++) {
                out[oo + i] = Math.min(a[ao + i * as], b[bo + i * bs]);
            }
        }
    }

    // ------------------------------------------------------------------ binary, float

    @Override
    public void subScaled(double[] y, int yOff, double alpha, double[] x, int xOff, int n) {
        for (int i = 0; i < n; i++) {
            y[yOff + i] -= alpha * x[xOff + i];
        }
    }

    @Override
    public void subScaled(float[] y, int yOff, float alpha, float[] x, int xOff, int n) {
        for (int i = 0; i < n; i++) {
            y[yOff + i] -= alpha * x[xOff + i];
        }
    }

    @Override
    public void adamStep(double[] p, double[] m, double[] v, double[] g, int n, double c1, double c2, double lr, double eps) {
        AdamStep.checkLengths(p.length, m.length, v.length, g.length, n);
        AdamStep.range(p, m, v, g, 0, n, c1, c2, lr, eps);
    }

    @Override
    public void adamStep(float[] p, float[] m, float[] v, float[] g, int n, float c1, float c2, float lr, float eps) {
        AdamStep.checkLengths(p.length, m.length, v.length, g.length, n);
        AdamStep.range(p, m, v, g, 0, n, c1, c2, lr, eps);
    }

    @Override
    public void binary(BinaryOp op, float[] a, int aOff, int aStride, float[] b, int bOff, int bStride,
                       float[] out, int outOff, int n) {
        if (n <= 0) {
            return;
        }
        switch (op) {
            case ADD:
                addF(a, aOff, aStride, b, bOff, bStride, out, outOff, n);
                break;
            case SUB:
                subF(a, aOff, aStride, b, bOff, bStride, out, outOff, n);
                break;
            case MUL:
                mulF(a, aOff, aStride, b, bOff, bStride, out, outOff, n);
                break;
            case DIV:
                divF(a, aOff, aStride, b, bOff, bStride, out, outOff, n);
                break;
            case POW:
                powF(a, aOff, aStride, b, bOff, bStride, out, outOff, n);
                break;
            case MAXIMUM:
                maximumF(a, aOff, aStride, b, bOff, bStride, out, outOff, n);
                break;
            case MINIMUM:
                minimumF(a, aOff, aStride, b, bOff, bStride, out, outOff, n);
                break;
            default:
                throw new IllegalArgumentException("unsupported op " + op);
        }
    }

    private static void addF(float[] a, int ao, int as, float[] b, int bo, int bs, float[] out, int oo, int n) {
        if (as == 1 && bs == 1) {
            for (int i = 0; i < n; i++) {
                out[oo + i] = a[ao + i] + b[bo + i];
            }
        } else if (as == 1 && bs == 0) {
            float y = b[bo];
            for (int i = 0; i < n; i++) {
                out[oo + i] = a[ao + i] + y;
            }
        } else if (as == 0 && bs == 1) {
            float x = a[ao];
            for (int i = 0; i < n; i++) {
                out[oo + i] = x + b[bo + i];
            }
        } else {
            for (int i = 0; i < n; i++) {
                out[oo + i] = a[ao + i * as] + b[bo + i * bs];
            }
        }
    }

    private static void subF(float[] a, int ao, int as, float[] b, int bo, int bs, float[] out, int oo, int n) {
        if (as == 1 && bs == 1) {
            for (int i = 0; i < n; i++) {
                out[oo + i] = a[ao + i] - b[bo + i];
            }
        } else if (as == 1 && bs == 0) {
            float y = b[bo];
            for (int i = 0; i < n; i++) {
                out[oo + i] = a[ao + i] - y;
            }
        } else if (as == 0 && bs == 1) {
            float x = a[ao];
            for (int i = 0; i < n; i++) {
                out[oo + i] = x - b[bo + i];
            }
        } else {
            for (int i = 0; i < n; i++) {
                out[oo + i] = a[ao + i * as] - b[bo + i * bs];
            }
        }
    }

    private static void mulF(float[] a, int ao, int as, float[] b, int bo, int bs, float[] out, int oo, int n) {
        if (as == 1 && bs == 1) {
            for (int i = 0; i < n; i++) {
                out[oo + i] = a[ao + i] * b[bo + i];
            }
        } else if (as == 1 && bs == 0) {
            float y = b[bo];
            for (int i = 0; i < n; i++) {
                out[oo + i] = a[ao + i] * y;
            }
        } else if (as == 0 && bs == 1) {
            float x = a[ao];
            for (int i = 0; i < n; i++) {
                out[oo + i] = x * b[bo + i];
            }
        } else {
            for (int i = 0; i < n; i++) {
                out[oo + i] = a[ao + i * as] * b[bo + i * bs];
            }
        }
    }

    private static void divF(float[] a, int ao, int as, float[] b, int bo, int bs, float[] out, int oo, int n) {
        if (as == 1 && bs == 1) {
            for (int i = 0; i < n; i++) {
                out[oo + i] = a[ao + i] / b[bo + i];
            }
        } else if (as == 1 && bs == 0) {
            float y = b[bo];
            for (int i = 0; i < n; i++) {
                out[oo + i] = a[ao + i] / y;
            }
        } else if (as == 0 && bs == 1) {
            float x = a[ao];
            for (int i = 0; i < n; i++) {
                out[oo + i] = x / b[bo + i];
            }
        } else {
            for (int i = 0; i < n; i++) {
                out[oo + i] = a[ao + i * as] / b[bo + i * bs];
            }
        }
    }

    private static void powF(float[] a, int ao, int as, float[] b, int bo, int bs, float[] out, int oo, int n) {
        if (as == 1 && bs == 1) {
            for (int i = 0; i < n; i++) {
                out[oo + i] = (float) Math.pow(a[ao + i], b[bo + i]);
            }
        } else if (as == 1 && bs == 0) {
            float y = b[bo];
            for (int i = 0; i < n; i++) {
                out[oo + i] = (float) Math.pow(a[ao + i], y);
            }
        } else if (as == 0 && bs == 1) {
            float x = a[ao];
            for (int i = 0; i < n; i++) {
                out[oo + i] = (float) Math.pow(x, b[bo + i]);
            }
        } else {
            for (int i = 0; i < n; i++) {
                out[oo + i] = (float) Math.pow(a[ao + i * as], b[bo + i * bs]);
            }
        }
    }

    private static void maximumF(float[] a, int ao, int as, float[] b, int bo, int bs, float[] out, int oo, int n) {
        if (as == 1 && bs == 1) {
            for (int i = 0; i < n; i++) {
                out[oo + i] = Math.max(a[ao + i], b[bo + i]);
            }
        } else if (as == 1 && bs == 0) {
            float y = b[bo];
            for (int i = 0; i < n; i++) {
                out[oo + i] = Math.max(a[ao + i], y);
            }
        } else if (as == 0 && bs == 1) {
            float x = a[ao];
            for (int i = 0; i < n; i++) {
                out[oo + i] = Math.max(x, b[bo + i]);
            }
        } else {
            for (int i = 0; i < n; i++) {
                out[oo + i] = Math.max(a[ao + i * as], b[bo + i * bs]);
            }
        }
    }

    private static void minimumF(float[] a, int ao, int as, float[] b, int bo, int bs, float[] out, int oo, int n) {
        if (as == 1 && bs == 1) {
            for (int i = 0; i < n; i++) {
                out[oo + i] = Math.min(a[ao + i], b[bo + i]);
            }
        } else if (as == 1 && bs == 0) {
            float y = b[bo];
            for (int i = 0; i < n; i++) {
                out[oo + i] = Math.min(a[ao + i], y);
            }
        } else if (as == 0 && bs == 1) {
            float x = a[ao];
            for (int i = 0; i < n; i++) {
                out[oo + i] = Math.min(x, b[bo + i]);
            }
        } else {
            for (int i = 0; i < n; i++) {
                out[oo + i] = Math.min(a[ao + i * as], b[bo + i * bs]);
            }
        }
    }

    // ------------------------------------------------------------------ binary, long

    @Override
    public void binary(BinaryOp op, long[] a, int aOff, int aStride, long[] b, int bOff, int bStride,
                       long[] out, int outOff, int n) {
        if (n <= 0) {
            return;
        }
        switch (op) {
            case ADD:
                addL(a, aOff, aStride, b, bOff, bStride, out, outOff, n);
                break;
            case SUB:
                subL(a, aOff, aStride, b, bOff, bStride, out, outOff, n);
                break;
            case MUL:
                mulL(a, aOff, aStride, b, bOff, bStride, out, outOff, n);
                break;
            case DIV:
                throw new UnsupportedOperationException("int64 division is true division: promote to float64 first");
            case POW:
                checkNonNegative(b, bOff, bStride, n);
                powL(a, aOff, aStride, b, bOff, bStride, out, outOff, n);
                break;
            case MAXIMUM:
                maximumL(a, aOff, aStride, b, bOff, bStride, out, outOff, n);
                break;
            case MINIMUM:
                minimumL(a, aOff, aStride, b, bOff, bStride, out, outOff, n);
                break;
            default:
                throw new IllegalArgumentException("unsupported op " + op);
        }
    }

    private static void addL(long[] a, int ao, int as, long[] b, int bo, int bs, long[] out, int oo, int n) {
        if (as == 1 && bs == 1) {
            for (int i = 0; i < n; i++) {
                out[oo + i] = a[ao + i] + b[bo + i];
            }
        } else if (as == 1 && bs == 0) {
            long y = b[bo];
            for (int i = 0; i < n; i++) {
                out[oo + i] = a[ao + i] + y;
            }
        } else if (as == 0 && bs == 1) {
            long x = a[ao];
            for (int i = 0; i < n; i++) {
                out[oo + i] = x + b[bo + i];
            }
        } else {
            for (int i = 0; i < n; i++) {
                out[oo + i] = a[ao + i * as] + b[bo + i * bs];
            }
        }
    }

    private static void subL(long[] a, int ao, int as, long[] b, int bo, int bs, long[] out, int oo, int n) {
        if (as == 1 && bs == 1) {
            for (int i = 0; i < n; i++) {
                out[oo + i] = a[ao + i] - b[bo + i];
            }
        } else if (as == 1 && bs == 0) {
            long y = b[bo];
            for (int i = 0; i < n; i++) {
                out[oo + i] = a[ao + i] - y;
            }
        } else if (as == 0 && bs == 1) {
            long x = a[ao];
            for (int i = 0; i < n; i++) {
                out[oo + i] = x - b[bo + i];
            }
        } else {
            for (int i = 0; i < n; i++) {
                out[oo + i] = a[ao + i * as] - b[bo + i * bs];
            }
        }
    }

    private static void mulL(long[] a, int ao, int as, long[] b, int bo, int bs, long[] out, int oo, int n) {
        if (as == 1 && bs == 1) {
            for (int i = 0; i < n; i++) {
                out[oo + i] = a[ao + i] * b[bo + i];
            }
        } else if (as == 1 && bs == 0) {
            long y = b[bo];
            for (int i = 0; i < n; i++) {
                out[oo + i] = a[ao + i] * y;
            }
        } else if (as == 0 && bs == 1) {
            long x = a[ao];
            for (int i = 0; i < n; i++) {
                out[oo + i] = x * b[bo + i];
            }
        } else {
            for (int i = 0; i < n; i++) {
                out[oo + i] = a[ao + i * as] * b[bo + i * bs];
            }
        }
    }

    private static void powL(long[] a, int ao, int as, long[] b, int bo, int bs, long[] out, int oo, int n) {
        if (as == 1 && bs == 1) {
            for (int i = 0; i < n; i++) {
                out[oo + i] = ipow(a[ao + i], b[bo + i]);
            }
        } else if (as == 1 && bs == 0) {
            long y = b[bo];
            for (int i = 0; i < n; i++) {
                out[oo + i] = ipow(a[ao + i], y);
            }
        } else if (as == 0 && bs == 1) {
            long x = a[ao];
            for (int i = 0; i < n; i++) {
                out[oo + i] = ipow(x, b[bo + i]);
            }
        } else {
            for (int i = 0; i < n; i++) {
                out[oo + i] = ipow(a[ao + i * as], b[bo + i * bs]);
            }
        }
    }

    private static void maximumL(long[] a, int ao, int as, long[] b, int bo, int bs, long[] out, int oo, int n) {
        if (as == 1 && bs == 1) {
            for (int i = 0; i < n; i++) {
                out[oo + i] = Math.max(a[ao + i], b[bo + i]);
            }
        } else if (as == 1 && bs == 0) {
            long y = b[bo];
            for (int i = 0; i < n; i++) {
                out[oo + i] = Math.max(a[ao + i], y);
            }
        } else if (as == 0 && bs == 1) {
            long x = a[ao];
            for (int i = 0; i < n; i++) {
                out[oo + i] = Math.max(x, b[bo + i]);
            }
        } else {
            for (int i = 0; i < n; i++) {
                out[oo + i] = Math.max(a[ao + i * as], b[bo + i * bs]);
            }
        }
    }

    private static void minimumL(long[] a, int ao, int as, long[] b, int bo, int bs, long[] out, int oo, int n) {
        if (as == 1 && bs == 1) {
            for (int i = 0; i < n; i++) {
                out[oo + i] = Math.min(a[ao + i], b[bo + i]);
            }
        } else if (as == 1 && bs == 0) {
            long y = b[bo];
            for (int i = 0; i < n; i++) {
                out[oo + i] = Math.min(a[ao + i], y);
            }
        } else if (as == 0 && bs == 1) {
            long x = a[ao];
            for (int i = 0; i < n; i++) {
                out[oo + i] = Math.min(x, b[bo + i]);
            }
        } else {
            for (int i = 0; i < n; i++) {
                out[oo + i] = Math.min(a[ao + i * as], b[bo + i * bs]);
            }
        }
    }

    private static void checkNonNegative(long[] b, int bo, int bs, int n) {
        if (bs == 0) {
            if (b[bo] < 0) {
                throw new IllegalArgumentException("Integers to negative integer powers are not allowed.");
            }
            return;
        }
        for (int i = 0; i < n; i++) {
            if (b[bo + i * bs] < 0) {
                throw new IllegalArgumentException("Integers to negative integer powers are not allowed.");
            }
        }
    }

    // ------------------------------------------------------------------ unary, double

    @Override
    public void unary(UnaryOp op, double[] a, int aOff, double[] out, int outOff, int n) {
        switch (op) {
            case NEG:
                for (int i = 0; i < n; i++) {
                    out[outOff + i] = -a[aOff + i];
                }
                break;
            case EXP:
                for (int i = 0; i < n; i++) {
                    out[outOff + i] = Math.exp(a[aOff + i]);
                }
                break;
            case LOG:
                for (int i = 0; i < n; i++) {
                    out[outOff + i] = Math.log(a[aOff + i]);
                }
                break;
            case SIN:
                for (int i = 0; i < n; i++) {
                    out[outOff + i] = Math.sin(a[aOff + i]);
                }
                break;
            case COS:
                for (int i = 0; i < n; i++) {
                    out[outOff + i] = Math.cos(a[aOff + i]);
                }
                break;
            case TANH:
                for (int i = 0; i < n; i++) {
                    out[outOff + i] = Math.tanh(a[aOff + i]);
                }
                break;
            case SQRT:
                for (int i = 0; i < n; i++) {
                    out[outOff + i] = Math.sqrt(a[aOff + i]);
                }
                break;
            case ABS:
                for (int i = 0; i < n; i++) {
                    out[outOff + i] = Math.abs(a[aOff + i]);
                }
                break;
            case SQUARE:
                for (int i = 0; i < n; i++) {
                    out[outOff + i] = a[aOff + i] * a[aOff + i];
                }
                break;
            case SIGN:
                for (int i = 0; i < n; i++) {
                    out[outOff + i] = sign(a[aOff + i]);
                }
                break;
            case RECIPROCAL:
                for (int i = 0; i < n; i++) {
                    out[outOff + i] = 1.0 / a[aOff + i];
                }
                break;
            case SIGMOID:
                for (int i = 0; i < n; i++) {
                    out[outOff + i] = 0.5 * Math.tanh(0.5 * a[aOff + i]) + 0.5;
                }
                break;
            default:
                throw new IllegalArgumentException("unsupported op " + op);
        }
    }

    // ------------------------------------------------------------------ unary, float

    @Override
    public void unary(UnaryOp op, float[] a, int aOff, float[] out, int outOff, int n) {
        switch (op) {
            case NEG:
                for (int i = 0; i < n; i++) {
                    out[outOff + i] = -a[aOff + i];
                }
                break;
            case EXP:
                for (int i = 0; i < n; i++) {
                    out[outOff + i] = (float) Math.exp(a[aOff + i]);
                }
                break;
            case LOG:
                for (int i = 0; i < n; i++) {
                    out[outOff + i] = (float) Math.log(a[aOff + i]);
                }
                break;
            case SIN:
                for (int i = 0; i < n; i++) {
                    out[outOff + i] = (float) Math.sin(a[aOff + i]);
                }
                break;
            case COS:
                for (int i = 0; i < n; i++) {
                    out[outOff + i] = (float) Math.cos(a[aOff + i]);
                }
                break;
            case TANH:
                for (int i = 0; i < n; i++) {
                    out[outOff + i] = (float) Math.tanh(a[aOff + i]);
                }
                break;
            case SQRT:
                for (int i = 0; i < n; i++) {
                    out[outOff + i] = (float) Math.sqrt(a[aOff + i]);
                }
                break;
            case ABS:
                for (int i = 0; i < n; i++) {
                    out[outOff + i] = Math.abs(a[aOff + i]);
                }
                break;
            case SQUARE:
                for (int i = 0; i < n; i++) {
                    out[outOff + i] = a[aOff + i] * a[aOff + i];
                }
                break;
            case SIGN:
                for (int i = 0; i < n; i++) {
                    out[outOff + i] = sign(a[aOff + i]);
                }
                break;
            case RECIPROCAL:
                for (int i = 0; i < n; i++) {
                    out[outOff + i] = 1.0f / a[aOff + i];
                }
                break;
            case SIGMOID:
                for (int i = 0; i < n; i++) {
                    out[outOff + i] = (float) (0.5 * Math.tanh(0.5 * a[aOff + i]) + 0.5);
                }
                break;
            default:
                throw new IllegalArgumentException("unsupported op " + op);
        }
    }

    /** NumPy's sign: -1, 0 or 1 (0 for both zeros), NaN stays NaN. */
    private static double sign(double x) {
        return x > 0 ? 1.0 : x < 0 ? -1.0 : x == 0 ? 0.0 : x;
    }

    private static float sign(float x) {
        return x > 0 ? 1.0f : x < 0 ? -1.0f : x == 0 ? 0.0f : x;
    }

    // ------------------------------------------------------------------ reductions
    //
    // Aliasing: out may be a itself at the same offset. Block o writes out[o*inner .. o*inner+inner),
    // which lies in block 0's first row (o == 0) or in blocks already consumed (o >= 1), and every
    // inner==1 result is written only after its whole row was read, so in-place reduction is safe.

    private static boolean checkShape(ReduceOp op, int outer, int len, int inner) {
        if (outer <= 0 || inner <= 0) {
            return false;
        }
        if (len <= 0 && op != ReduceOp.SUM) {
            throw new IllegalArgumentException("zero-size array to reduction operation "
                    + (op == ReduceOp.MAX ? "maximum" : "minimum") + " which has no identity");
        }
        return true;
    }

    @Override
    public void reduce(ReduceOp op, double[] a, int aOff, int outer, int len, int inner, double[] out, int outOff) {
        if (!checkShape(op, outer, len, inner)) {
            return;
        }
        switch (op) {
            case SUM:
                sumD(a, aOff, outer, len, inner, out, outOff);
                break;
            case MAX:
                maxD(a, aOff, outer, len, inner, out, outOff);
                break;
            case MIN:
                minD(a, aOff, outer, len, inner, out, outOff);
                break;
            default:
                throw new IllegalArgumentException("unsupported op " + op);
        }
    }

    private static void sumD(double[] a, int aOff, int outer, int len, int inner, double[] out, int outOff) {
        if (inner == 1) {
            for (int o = 0; o < outer; o++) {
                int base = aOff + o * len;
                double s = 0.0;
                for (int k = 0; k < len; k++) {
                    s += a[base + k];
                }
                out[outOff + o] = s;
            }
            return;
        }
        for (int o = 0; o < outer; o++) {
            int base = aOff + o * len * inner;
            int ob = outOff + o * inner;
            if (len == 0) {
                java.util.Arrays.fill(out, ob, ob + inner, 0.0);
                continue;
            }
            System.arraycopy(a, base, out, ob, inner);
            for (int k = 1; k < len; k++) {
                int r = base + k * inner;
                for (int i = 0; i < inner; i++) {
                    out[ob + i] += a[r + i];
                }
            }
        }
    }

    private static void maxD(double[] a, int aOff, int outer, int len, int inner, double[] out, int outOff) {
        if (inner == 1) {
            for (int o = 0; o < outer; o++) {
                int base = aOff + o * len;
                double m = a[base];
                for (int k = 1; k < len; k++) {
                    m = Math.max(m, a[base + k]);
                }
                out[outOff + o] = m;
            }
            return;
        }
        for (int o = 0; o < outer; o++) {
            int base = aOff + o * len * inner;
            int ob = outOff + o * inner;
            System.arraycopy(a, base, out, ob, inner);
            for (int k = 1; k < len; k++) {
                int r = base + k * inner;
                for (int i = 0; i < inner; i++) {
                    out[ob + i] = Math.max(out[ob + i], a[r + i]);
                }
            }
        }
    }

    private static void minD(double[] a, int aOff, int outer, int len, int inner, double[] out, int outOff) {
        if (inner == 1) {
            for (int o = 0; o < outer; o++) {
                int base = aOff + o * len;
                double m = a[base];
                for (int k = 1; k < len; k++) {
                    m = Math.min(m, a[base + k]);
                }
                out[outOff + o] = m;
            }
            return;
        }
        for (int o = 0; o < outer; o++) {
            int base = aOff + o * len * inner;
            int ob = outOff + o * inner;
            System.arraycopy(a, base, out, ob, inner);
            for (int k = 1; k < len; k++) {
                int r = base + k * inner;
                for (int i = 0; i < inner; i++) {
                    out[ob + i] = Math.min(out[ob + i], a[r + i]);
                }
            }
        }
    }

    @Override
    public void reduce(ReduceOp op, float[] a, int aOff, int outer, int len, int inner, float[] out, int outOff) {
        if (!checkShape(op, outer, len, inner)) {
            return;
        }
        switch (op) {
            case SUM:
                sumF(a, aOff, outer, len, inner, out, outOff);
                break;
            case MAX:
                maxF(a, aOff, outer, len, inner, out, outOff);
                break;
            case MIN:
                minF(a, aOff, outer, len, inner, out, outOff);
                break;
            default:
                throw new IllegalArgumentException("unsupported op " + op);
        }
    }

    private static void sumF(float[] a, int aOff, int outer, int len, int inner, float[] out, int outOff) {
        if (inner == 1) {
            for (int o = 0; o < outer; o++) {
                int base = aOff + o * len;
                double s = 0.0;
                for (int k = 0; k < len; k++) {
                    s += a[base + k];
                }
                out[outOff + o] = (float) s;
            }
            return;
        }
        double[] acc = new double[inner];
        for (int o = 0; o < outer; o++) {
            int base = aOff + o * len * inner;
            java.util.Arrays.fill(acc, 0.0);
            for (int k = 0; k < len; k++) {
                int r = base + k * inner;
                for (int i = 0; i < inner; i++) {
                    acc[i] += a[r + i];
                }
            }
            int ob = outOff + o * inner;
            for (int i = 0; i < inner; i++) {
                out[ob + i] = (float) acc[i];
            }
        }
    }

    private static void maxF(float[] a, int aOff, int outer, int len, int inner, float[] out, int outOff) {
        if (inner == 1) {
            for (int o = 0; o < outer; o++) {
                int base = aOff + o * len;
                float m = a[base];
                for (int k = 1; k < len; k++) {
                    m = Math.max(m, a[base + k]);
                }
                out[outOff + o] = m;
            }
            return;
        }
        for (int o = 0; o < outer; o++) {
            int base = aOff + o * len * inner;
            int ob = outOff + o * inner;
            System.arraycopy(a, base, out, ob, inner);
            for (int k = 1; k < len; k++) {
                int r = base + k * inner;
                for (int i = 0; i < inner; i++) {
                    out[ob + i] = Math.max(out[ob + i], a[r + i]);
                }
            }
        }
    }

    private static void minF(float[] a, int aOff, int outer, int len, int inner, float[] out, int outOff) {
        if (inner == 1) {
            for (int o = 0; o < outer; o++) {
                int base = aOff + o * len;
                float m = a[base];
                for (int k = 1; k < len; k++) {
                    m = Math.min(m, a[base + k]);
                }
                out[outOff + o] = m;
            }
            return;
        }
        for (int o = 0; o < outer; o++) {
            int base = aOff + o * len * inner;
            int ob = outOff + o * inner;
            System.arraycopy(a, base, out, ob, inner);
            for (int k = 1; k < len; k++) {
                int r = base + k * inner;
                for (int i = 0; i < inner; i++) {
                    out[ob + i] = Math.min(out[ob + i], a[r + i]);
                }
            }
        }
    }

    @Override
    public void reduce(ReduceOp op, long[] a, int aOff, int outer, int len, int inner, long[] out, int outOff) {
        if (!checkShape(op, outer, len, inner)) {
            return;
        }
        switch (op) {
            case SUM:
                sumL(a, aOff, outer, len, inner, out, outOff);
                break;
            case MAX:
                maxL(a, aOff, outer, len, inner, out, outOff);
                break;
            case MIN:
                minL(a, aOff, outer, len, inner, out, outOff);
                break;
            default:
                throw new IllegalArgumentException("unsupported op " + op);
        }
    }

    private static void sumL(long[] a, int aOff, int outer, int len, int inner, long[] out, int outOff) {
        if (inner == 1) {
            for (int o = 0; o < outer; o++) {
                int base = aOff + o * len;
                long s = 0L;
                for (int k = 0; k < len; k++) {
                    s += a[base + k];
                }
                out[outOff + o] = s;
            }
            return;
        }
        for (int o = 0; o < outer; o++) {
            int base = aOff + o * len * inner;
            int ob = outOff + o * inner;
            if (len == 0) {
                java.util.Arrays.fill(out, ob, ob + inner, 0L);
                continue;
            }
            System.arraycopy(a, base, out, ob, inner);
            for (int k = 1; k < len; k++) {
                int r = base + k * inner;
                for (int i = 0; i < inner; i++) {
                    out[ob + i] += a[r + i];
                }
            }
        }
    }

    private static void maxL(long[] a, int aOff, int outer, int len, int inner, long[] out, int outOff) {
        if (inner == 1) {
            for (int o = 0; o < outer; o++) {
                int base = aOff + o * len;
                long m = a[base];
                for (int k = 1; k < len; k++) {
                    m = Math.max(m, a[base + k]);
                }
                out[outOff + o] = m;
            }
            return;
        }
        for (int o = 0; o < outer; o++) {
            int base = aOff + o * len * inner;
            int ob = outOff + o * inner;
            System.arraycopy(a, base, out, ob, inner);
            for (int k = 1; k < len; k++) {
                int r = base + k * inner;
                for (int i = 0; i < inner; i++) {
                    out[ob + i] = Math.max(out[ob + i], a[r + i]);
                }
            }
        }
    }

    private static void minL(long[] a, int aOff, int outer, int len, int inner, long[] out, int outOff) {
        if (inner == 1) {
            for (int o = 0; o < outer; o++) {
                int base = aOff + o * len;
                long m = a[base];
                for (int k = 1; k < len; k++) {
                    m = Math.min(m, a[base + k]);
                }
                out[outOff + o] = m;
            }
            return;
        }
        for (int o = 0; o < outer; o++) {
            int base = aOff + o * len * inner;
            int ob = outOff + o * inner;
            System.arraycopy(a, base, out, ob, inner);
            for (int k = 1; k < len; k++) {
                int r = base + k * inner;
                for (int i = 0; i < inner; i++) {
                    out[ob + i] = Math.min(out[ob + i], a[r + i]);
                }
            }
        }
    }

    // ------------------------------------------------------------------ gemm (PlainGemm)

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k,
                     double[] a, int aOff, int lda, double[] b, int bOff, int ldb, double[] c, int cOff, int ldc) {
        PlainGemm.gemm(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
    }

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k,
                     float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float[] c, int cOff, int ldc) {
        PlainGemm.gemm(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
    }
}
