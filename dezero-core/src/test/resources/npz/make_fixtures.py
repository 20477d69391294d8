"""Regenerates the NumPy-written fixtures that NpyTest and NpzTest read.

Run from this directory with NumPy installed: python3 make_fixtures.py
The tests hold the expected values themselves and never run this script.
"""
import numpy as np
from numpy.lib import format as fmt


def weights():
    return {
        "l0/W": np.array([[0.5, -1.25, 2.0], [3.5, -0.125, 7.0]], dtype=np.float32),
        "l0/b": np.array([0.1, 0.2, 0.3], dtype=np.float32),
        "l1/W": np.array([[1.0 / 3.0, -2.5], [1e-300, 1e300], [-0.0, 42.0]], dtype=np.float64),
        "l1/b": np.array([np.pi, -np.e], dtype=np.float64),
        "counts": np.array([0, -1, 2**62, -(2**63)], dtype=np.int64),
        "mask": np.array([[True, False], [False, True]]),
        "scalar": np.array(2.75),
        "empty": np.zeros((0, 3), dtype=np.float32),
    }


np.savez("dezero_weights.npz", **weights())
np.savez_compressed("dezero_weights_compressed.npz", **weights())


class Pipe:
    """A write-only stream, as sys.stdout.buffer on a pipe: zipfile cannot seek back, so every
    entry gets a data descriptor after its data (zip64 sizes, as np.savez forces zip64)."""

    def __init__(self, f):
        self.f = f

    def read(self, n=-1):   # numpy takes an object with read() for an open file
        raise OSError("write-only")

    def write(self, b):
        return self.f.write(b)

    def flush(self):
        self.f.flush()


with open("piped_dezero_weights.npz", "wb") as f:
    np.savez(Pipe(f), **weights())
with open("piped_dezero_weights_compressed.npz", "wb") as f:
    np.savez_compressed(Pipe(f), **weights())

# Label and weight dtypes that NumPy writes but NdArray widens when reading.
np.savez(
    "widened_dtypes.npz",
    int32=np.array([-2147483648, 0, 2147483647], dtype="<i4"),
    int32_be=np.array([-7, 8, 65536], dtype=">i4"),
    int16=np.array([-32768, 1, 32767], dtype="<i2"),
    int8=np.array([-128, 0, 127], dtype="i1"),
    uint8=np.array([0, 128, 255], dtype="u1"),
    uint16=np.array([0, 65535], dtype="<u2"),
    uint32=np.array([0, 4294967295], dtype="<u4"),
    uint64=np.array([0, 2**63 - 1], dtype="<u8"),
    float16=np.array([1.0, -0.5, 65504.0, 6.1035156e-05, 5.9604645e-08, np.inf], dtype="<f2"),
    float16_be=np.array([np.nan, -2.0], dtype=">f2"),
)

np.save("big_endian_f8.npy", (np.arange(6).reshape(2, 3) - 2.5).astype(">f8"))
np.save("big_endian_i8.npy", np.array([1, -2, 2**40], dtype=">i8"))
np.save("fortran_f4.npy", np.asfortranarray(np.arange(24, dtype=np.float32).reshape(2, 3, 4)))
np.save("zero_d_i8.npy", np.array(-9, dtype=np.int64))
np.save("f32_2x3.npy", np.array([[1.5, 2.5, -3.0], [0.0, 1e-3, 1e3]], dtype=np.float32))
np.save("bool_3.npy", np.array([True, False, True]))
with open("version2_f8.npy", "wb") as f:
    fmt.write_array(f, np.array([[1.0, 2.0], [3.0, 4.0]]), version=(2, 0))
with open("version3_i8.npy", "wb") as f:
    fmt.write_array(f, np.array([5, 6, 7], dtype=np.int64), version=(3, 0))
