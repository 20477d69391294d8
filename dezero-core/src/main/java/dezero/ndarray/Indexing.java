package dezero.ndarray;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** NumPy basic and advanced indexing, and its scatter-add adjoint. */
final class Indexing {
    private Indexing() {
    }

    static NdArray getItem(NdArray a, Index[] index) {
        Plan p = plan(a.shape, index);
        Storage dst = ShapeOps.alloc(a.dtype, Shapes.size(p.resultShape));
        Storage src = a.data;
        p.forEachRun((d, s, offs, contiguous, len) -> {
            if (contiguous) {
                src.copyTo(s, dst, d, len);
            } else {
                src.gather(s, offs, dst, d, len);
            }
        });
        return new NdArray(a.dtype, p.resultShape, dst);
    }

    static NdArray scatterAdd(int[] shape, Index[] index, NdArray values) {
        int[] out = shape.clone();
        Plan p = plan(out, index);
        NdArray v = fitValues(values, p.resultShape, "scatterAdd");
        Storage dst = ShapeOps.alloc(values.dtype, Shapes.size(out));
        Storage src = v.data;
        p.forEachRun((d, s, offs, contiguous, len) -> {
            // here d indexes the values, s + offs[k] the output
            src.scatterAdd(d, dst, s, offs, len);
        });
        return new NdArray(values.dtype, out, dst);
    }

    static NdArray setItem(NdArray a, Index[] index, NdArray values) {
        Plan p = plan(a.shape, index);
        NdArray v = fitValues(values, p.resultShape, "setItem");
        Storage src = ShapeOps.castData(v, a.dtype);
        Storage dst = a.data;
        p.forEachRun((d, s, offs, contiguous, len) -> {
            if (contiguous) {
                src.copyTo(d, dst, s, len);
            } else {
                src.scatter(d, dst, s, offs, len);
            }
        });
        return a;
    }

    /** Broadcasts {@code values} to the indexing result shape (leading length-1 axes may be dropped). */
    private static NdArray fitValues(NdArray values, int[] target, String op) {
        NdArray v = values;
        int extra = v.shape.length - target.length;
        if (extra > 0) {
            boolean ones = true;
            for (int i = 0; i < extra; i++) {
                ones &= v.shape[i] == 1;
            }
            if (ones) {
                v = new NdArray(v.dtype, Arrays.copyOfRange(v.shape, extra, v.shape.length), v.data);
            }
        }
        if (!Shapes.broadcastsTo(v.shape, target)) {
            throw new IllegalArgumentException(op + ": could not broadcast value array of shape "
                    + Shapes.str(values.shape) + " to indexing result of shape " + Shapes.str(target));
        }
        return ShapeOps.broadcastTo(v, target);
    }

    // ------------------------------------------------------------------ planning

    /** Called once per contiguous run of the result: result positions [d, d+len) map to s + offs[k]. */
    interface RunVisitor {
        void run(int d, int s, int[] offs, boolean contiguous, int len);
    }

    /** A normalised index: the result is a product of loop dims, each with a table of source offsets. */
    static final class Plan {
        int[] resultShape;
        int base;
        int[] lens;
        int[][] offs;

        void forEachRun(RunVisitor v) {
            int n = lens.length;
            for (int len : lens) {
                if (len == 0) {
                    return;
                }
            }
            if (n == 0) {
                v.run(0, base, new int[] {0}, false, 1);
                return;
            }
            int[] innerOffs = offs[n - 1];
            int inner = lens[n - 1];
            boolean contiguous = true;
            for (int k = 0; k < inner; k++) {
                if (innerOffs[k] != k) {
                    contiguous = false;
                    break;
                }
            }
            int[] ctr = new int[n];
            int s = base;
            for (int k = 0; k < n - 1; k++) {
                s += offs[k][0];
            }
            int d = 0;
            while (true) {
                v.run(d, s, innerOffs, contiguous, inner);
                d += inner;
                int k = n - 2;
                for (; k >= 0; k--) {
                    int[] o = offs[k];
                    s -= o[ctr[k]];
                    ctr[k]++;
                    if (ctr[k] < lens[k]) {
                        s += o[ctr[k]];
                        break;
                    }
                    ctr[k] = 0;
                    s += o[0];
                }
                if (k < 0) {
                    return;
                }
            }
        }
    }

    private static final int T_INT = 0;
    private static final int T_SLICE = 1;
    private static final int T_NEW = 2;
    private static final int T_ELLIPSIS = 3;
    private static final int T_ARRAY = 4;

    /** One expanded index item: applies to source axis {@code axis} (-1 for newaxis / ellipsis). */
    private static final class Item {
        final int type;
        final int axis;
        int value; // INT: normalised position
        int start;
        int step;
        int len; // SLICE
        NdArray arr; // ARRAY: int64 indices

        Item(int type, int axis) {
            this.type = type;
            this.axis = axis;
        }
    }

    static Plan plan(int[] shape, Index[] index) {
        if (index == null) {
            index = new Index[0];
        }
        int nd = shape.length;
        // count consumed dims
        int consumed = 0;
        int ellipses = 0;
        for (Index ix : index) {
            switch (ix.kind()) {
                case INT:
                case SLICE:
                    consumed++;
                    break;
                case ARRAY:
                    if (ix.array().dtype() == DType.BOOL) {
                        if (ix.array().ndim() == 0) {
                            throw new IllegalArgumentException("getItem: 0-dimensional boolean indices are not"
                                    + " supported (index " + Index.str(index) + " for shape " + Shapes.str(shape)
                                    + ")");
                        }
                        consumed += ix.array().ndim();
                    } else {
                        consumed++;
                    }
                    break;
                case ELLIPSIS:
                    ellipses++;
                    break;
                default:
                    break;
            }
        }
        if (ellipses > 1) {
            throw new IllegalArgumentException("an index can only have a single ellipsis ('...'), got "
                    + Index.str(index) + " for shape " + Shapes.str(shape));
        }
        if (consumed > nd) {
            throw new IndexOutOfBoundsException("too many indices for array: array is " + nd
                    + "-dimensional, but " + consumed + " were indexed (index " + Index.str(index) + ", shape "
                    + Shapes.str(shape) + ")");
        }
        // expand into items, one per consumed source axis (plus newaxis / ellipsis markers)
        List<Item> items = new ArrayList<>();
        int axis = 0;
        boolean hasArray = false;
        for (Index ix : index) {
            switch (ix.kind()) {
                case INT: {
                    Item it = new Item(T_INT, axis);
                    it.value = checkIndex(ix.value(), axis, shape[axis], shape);
                    items.add(it);
                    axis++;
                    break;
                }
                case SLICE: {
                    Item it = new Item(T_SLICE, axis);
                    sliceIndices(it, ix, shape[axis]);
                    items.add(it);
                    axis++;
                    break;
                }
                case NEW_AXIS:
                    items.add(new Item(T_NEW, -1));
                    break;
                case ELLIPSIS: {
                    items.add(new Item(T_ELLIPSIS, -1));
                    int fill = nd - consumed;
                    for (int i = 0; i < fill; i++) {
                        Item it = new Item(T_SLICE, axis);
                        sliceIndices(it, Index.all(), shape[axis]);
                        items.add(it);
                        axis++;
                    }
                    break;
                }
                default: {
                    hasArray = true;
                    NdArray arr = ix.array();
                    if (arr.dtype == DType.BOOL) {
                        int k = arr.ndim();
                        for (int i = 0; i < k; i++) {
                            if (arr.shape[i] != shape[axis + i]) {
                                throw new IndexOutOfBoundsException("boolean index did not match indexed array along"
                                        + " axis " + (axis + i) + "; size of axis is " + shape[axis + i]
                                        + " but size of corresponding boolean axis is " + arr.shape[i]
                                        + " (mask shape " + Shapes.str(arr.shape) + ", array shape "
                                        + Shapes.str(shape) + ")");
                            }
                        }
                        long[][] nz = nonzero(arr);
                        for (int i = 0; i < k; i++) {
                            Item it = new Item(T_ARRAY, axis);
                            it.arr = NdArray.wrap(nz[i], nz[i].length);
                            items.add(it);
                            axis++;
                        }
                    } else {
                        Item it = new Item(T_ARRAY, axis);
                        it.arr = arr;
                        items.add(it);
                        axis++;
                    }
                }
            }
        }
        while (axis < nd) {
            Item it = new Item(T_SLICE, axis);
            sliceIndices(it, Index.all(), shape[axis]);
            items.add(it);
            axis++;
        }

        int[] strides = Shapes.strides(shape);
        Plan p = new Plan();
        int base = 0;
        List<Integer> lens = new ArrayList<>();
        List<int[]> offs = new ArrayList<>();
        List<Integer> rshape = new ArrayList<>();

        if (!hasArray) {
            for (Item it : items) {
                if (it.type == T_INT) {
                    base += it.value * strides[it.axis];
                } else if (it.type == T_SLICE) {
                    base += it.start * strides[it.axis];
                    lens.add(it.len);
                    offs.add(linear(it.len, it.step * strides[it.axis]));
                    rshape.add(it.len);
                } else if (it.type == T_NEW) {
                    lens.add(1);
                    offs.add(new int[] {0});
                    rshape.add(1);
                }
            }
        } else {
            // advanced indexing: INT items act as 0-d index arrays
            List<Item> adv = new ArrayList<>();
            int status = -1; // -1 none yet, 0 in advanced block, 1 after block, 2 non-consecutive
            for (Item it : items) {
                if (it.type == T_INT || it.type == T_ARRAY) {
                    adv.add(it);
                    if (status == 1) {
                        status = 2;
                    } else if (status == -1) {
                        status = 0;
                    }
                } else if (status == 0) {
                    status = 1;
                }
            }
            boolean front = status == 2;
            int[] bshape = new int[0];
            for (Item it : adv) {
                if (it.type == T_ARRAY) {
                    bshape = broadcastIndexShapes(bshape, it.arr.shape, adv, shape);
                }
            }
            int bsize = Shapes.size(bshape);
            int[] table = new int[bsize];
            for (Item it : adv) {
                if (it.type == T_INT) {
                    base += it.value * strides[it.axis];
                } else {
                    long[] idx = ShapeOps.broadcastTo(it.arr, bshape).data.longs();
                    int dim = shape[it.axis];
                    int st = strides[it.axis];
                    for (int j = 0; j < bsize; j++) {
                        long v = idx[j];
                        if (v < -dim || v >= dim) {
                            throw new IndexOutOfBoundsException("index " + v + " is out of bounds for axis " + it.axis
                                    + " with size " + dim + " (shape " + Shapes.str(shape) + ")");
                        }
                        table[j] += (int) (v < 0 ? v + dim : v) * st;
                    }
                }
            }
            boolean placed = false;
            if (front) {
                addAdvanced(bshape, table, lens, offs, rshape);
                placed = true;
            }
            for (Item it : items) {
                if (it.type == T_INT || it.type == T_ARRAY) {
                    if (!placed) {
                        addAdvanced(bshape, table, lens, offs, rshape);
                        placed = true;
                    }
                } else if (it.type == T_SLICE) {
                    base += it.start * strides[it.axis];
                    lens.add(it.len);
                    offs.add(linear(it.len, it.step * strides[it.axis]));
                    rshape.add(it.len);
                } else if (it.type == T_NEW) {
                    lens.add(1);
                    offs.add(new int[] {0});
                    rshape.add(1);
                }
            }
        }
        p.base = base;
        p.lens = new int[lens.size()];
        p.offs = new int[lens.size()][];
        for (int i = 0; i < p.lens.length; i++) {
            p.lens[i] = lens.get(i);
            p.offs[i] = offs.get(i);
        }
        p.resultShape = new int[rshape.size()];
        for (int i = 0; i < p.resultShape.length; i++) {
            p.resultShape[i] = rshape.get(i);
        }
        return p;
    }

    /** The advanced block is one loop dim (of length prod(bshape)) but contributes bshape to the result shape. */
    private static void addAdvanced(int[] bshape, int[] table, List<Integer> lens, List<int[]> offs,
            List<Integer> rshape) {
        lens.add(table.length);
        offs.add(table);
        for (int d : bshape) {
            rshape.add(d);
        }
    }

    private static int[] broadcastIndexShapes(int[] a, int[] b, List<Item> adv, int[] shape) {
        int nd = Math.max(a.length, b.length);
        int[] out = new int[nd];
        for (int i = 0; i < nd; i++) {
            int da = i < nd - a.length ? 1 : a[i - (nd - a.length)];
            int db = i < nd - b.length ? 1 : b[i - (nd - b.length)];
            if (da == db || db == 1) {
                out[i] = da;
            } else if (da == 1) {
                out[i] = db;
            } else {
                StringBuilder sb = new StringBuilder();
                for (Item it : adv) {
                    if (it.type == T_ARRAY) {
                        sb.append(' ').append(Shapes.str(it.arr.shape));
                    }
                }
                throw new IndexOutOfBoundsException("shape mismatch: indexing arrays could not be broadcast together"
                        + " with shapes" + sb + " (array shape " + Shapes.str(shape) + ")");
            }
        }
        return out;
    }

    private static int[] linear(int len, int stride) {
        int[] o = new int[len];
        for (int i = 0; i < len; i++) {
            o[i] = i * stride;
        }
        return o;
    }

    private static int checkIndex(int i, int axis, int dim, int[] shape) {
        if (i < -dim || i >= dim) {
            throw new IndexOutOfBoundsException("index " + i + " is out of bounds for axis " + axis + " with size "
                    + dim + " (shape " + Shapes.str(shape) + ")");
        }
        return i < 0 ? i + dim : i;
    }

    /** Python's slice.indices(dim), storing start, step and the resulting length into {@code it}. */
    private static void sliceIndices(Item it, Index ix, int dim) {
        long step = ix.step() == null ? 1 : ix.step();
        long lower = step < 0 ? -1 : 0;
        long upper = step < 0 ? dim - 1 : dim;
        long start;
        if (ix.start() == null) {
            start = step < 0 ? upper : lower;
        } else {
            start = ix.start();
            if (start < 0) {
                start += dim;
                if (start < lower) {
                    start = lower;
                }
            } else if (start > upper) {
                start = upper;
            }
        }
        long stop;
        if (ix.stop() == null) {
            stop = step < 0 ? lower : upper;
        } else {
            stop = ix.stop();
            if (stop < 0) {
                stop += dim;
                if (stop < lower) {
                    stop = lower;
                }
            } else if (stop > upper) {
                stop = upper;
            }
        }
        long len;
        if (step > 0) {
            len = stop > start ? (stop - start - 1) / step + 1 : 0;
        } else {
            len = start > stop ? (start - stop - 1) / (-step) + 1 : 0;
        }
        it.step = (int) step;
        it.len = (int) len;
        it.start = len == 0 ? 0 : (int) start;
    }

    /** NumPy's nonzero(): one int64 index array per dimension of the mask. */
    private static long[][] nonzero(NdArray mask) {
        boolean[] m = mask.data.booleans();
        int k = mask.shape.length;
        int count = 0;
        for (boolean b : m) {
            if (b) {
                count++;
            }
        }
        long[][] out = new long[k][count];
        int[] ctr = new int[k];
        int c = 0;
        for (int i = 0; i < m.length; i++) {
            if (m[i]) {
                for (int d = 0; d < k; d++) {
                    out[d][c] = ctr[d];
                }
                c++;
            }
            for (int d = k - 1; d >= 0; d--) {
                if (++ctr[d] < mask.shape[d]) {
                    break;
                }
                ctr[d] = 0;
            }
        }
        return out;
    }
}
