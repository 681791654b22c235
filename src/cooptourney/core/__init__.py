"""The compiled core: random streams, result layout and the generated kernels."""
