"""Root pytest configuration.

The nbval kernels inherit this process's environment: give them the same
matplotlib backend and hash seed as ``spinlib notebooks`` used when the stored
outputs were made (see :data:`spinlib.notebooks.KERNEL_ENV`).
"""

import os

from spinlib.notebooks import KERNEL_ENV

os.environ.update(KERNEL_ENV)
