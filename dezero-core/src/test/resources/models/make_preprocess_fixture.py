# preprocess_pillow.npz: the reference's VGG16.preprocess (Pillow's default bicubic resize, BGR, mean
# pixel, CHW) on seeded random RGB pictures: img<i> (H, W, 3) values 0..255, size<i> (width, height),
# out<i> the float32 result. Needs Pillow and a checkout of deep-learning-from-scratch-3 (argument 1).
import sys
import types
import numpy as np
from PIL import Image

sys.path.insert(0, sys.argv[1])
for name in ('matplotlib', 'matplotlib.pyplot'):   # imported by dezero, unused here
    sys.modules.setdefault(name, types.ModuleType(name))
from dezero.models import VGG16

rng = np.random.RandomState(7)
cases = [((17, 23), (8, 6)),      # shrink both axes (antialiased)
         ((5, 7), (31, 20)),      # enlarge both axes
         ((6, 40), (9, 11)),      # shrink the width, enlarge the height
         ((9, 12), (12, 9))]      # transpose-like: one axis each way
arrays = {}
for i, ((h, w), size) in enumerate(cases):
    img = rng.randint(0, 256, size=(h, w, 3)).astype(np.uint8)
    arrays['img%d' % i] = img.astype(np.float64)
    arrays['size%d' % i] = np.array(size, dtype=np.int64)
    arrays['out%d' % i] = VGG16.preprocess(Image.fromarray(img), size=size)
np.savez('preprocess_pillow.npz', **arrays)
print(Image.__version__ if hasattr(Image, '__version__') else '', {k: (v.shape, v.dtype) for k, v in arrays.items()})
