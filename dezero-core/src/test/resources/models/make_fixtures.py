# Fixtures for dezero.models / dezero.layers tests, made with the reference DeZero 0.0.13 on NumPy 2:
#   building_block_dezero.npz  save_weights() of BuildingBlock(3, 4, 2, 8, 2) after one train-mode call
#   reference_io.npz           its input x, the train-mode output y_train of that first call, the
#                              test-mode output y_test after it; seeded Conv2d / Deconv2d layers
#                              (non-square kernels, pairs), their lazily drawn W and outputs;
#                              outputs of seeded VGG16 (test mode) and ResNet50 (train, then test mode)
#                              on 32x32 and 64x64 inputs
import sys
import types
import numpy as np

sys.path.insert(0, sys.argv[1])        # a checkout of oreilly-japan/deep-learning-from-scratch-3
for name in ('matplotlib', 'matplotlib.pyplot', 'PIL', 'PIL.Image'):  # imported by dezero, unused here
    sys.modules.setdefault(name, types.ModuleType(name))
sys.modules['PIL'].Image = sys.modules['PIL.Image']
sys.modules['PIL.Image'].BILINEAR = 2
import dezero
import dezero.layers as L
from dezero.models import BuildingBlock, ResNet50, VGG16

x = np.linspace(-1.0, 1.0, 2 * 4 * 5 * 5).reshape(2, 4, 5, 5).astype(np.float32)
np.random.seed(0)
block = BuildingBlock(3, 4, 2, 8, 2)
y_train = block(x)                     # lazy init in forward order, running averages updated
with dezero.test_mode():
    y_test = block(x)
block.save_weights('building_block_dezero.npz')

xc = np.linspace(-2.0, 2.0, 2 * 3 * 5 * 6).reshape(2, 3, 5, 6).astype(np.float32)
np.random.seed(1)
conv = L.Conv2d(4, kernel_size=(2, 3), stride=(2, 1), pad=(1, 0))
conv_y = conv(xc)
deconv = L.Deconv2d(2, kernel_size=(3, 2), stride=(2, 3), pad=(1, 0))
deconv_y = deconv(xc)

# whole models, seeded: the input drawn first, then the weights lazily in forward order
np.random.seed(0)
xv = np.random.randn(1, 3, 32, 32).astype(np.float32)
with dezero.test_mode():
    vgg_y = VGG16()(xv)
np.random.seed(0)
xr = np.random.randn(2, 3, 64, 64).astype(np.float32)  # at 32x32, res5 batch-normalises 2 numbers: chaotic
resnet = ResNet50()
with dezero.no_grad():
    resnet_y_train = resnet(xr)
    with dezero.test_mode():
        resnet_y_test = resnet(xr)

np.savez('reference_io.npz', x=x, y_train=y_train.data, y_test=y_test.data,
         conv_x=xc, conv_W=conv.W.data, conv_y=conv_y.data, deconv_W=deconv.W.data, deconv_y=deconv_y.data,
         vgg16_seed0_y=vgg_y.data, resnet50_seed0_y_train=resnet_y_train.data,
         resnet50_seed0_y_test=resnet_y_test.data)
