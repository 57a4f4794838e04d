"""tanh as the rational function Eigen and XLA use for float32: x·P(x²)/Q(x²) on [-c, c].

Written out, XLA:CPU fuses and vectorises it better than its own tanh: 15% faster sweeps and
5-10% faster training (make bench), with the same accuracy (2.6e-7 from float64 tanh on
[-10, 10]). The JAX kernels (activations.py) and their NumPy mirror (numpy_forward.py) share
these coefficients; this module imports neither, so NumPy code can use them without JAX.
"""

CLAMP = 7.90531110763549805
P = (
    -2.76076847742355e-16,
    2.00018790482477e-13,
    -8.60467152213735e-11,
    5.12229709037114e-08,
    1.48572235717979e-05,
    6.37261928875436e-04,
    4.89352455891786e-03,
)
Q = (1.19825839466702e-06, 1.18534705686654e-04, 2.26843463243900e-03, 4.89352518554385e-03)
