"""Writes small .npy files with NumPy for the Shannon.Data .npy tests (committed; CI needs no Python).

Run: /usr/bin/python3 tests/Shannon.Data.Tests/References/npy_reference.py
"""
import os

import numpy as np

here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "npy")
table = np.array([[2.0, 1.0, 0.1], [-431.0, 279.0, 427.0]])
np.save(os.path.join(here, "f2.npy"), table.astype(np.float16))
np.save(os.path.join(here, "f4.npy"), table.astype(np.float32))
np.save(os.path.join(here, "f8.npy"), table)
np.save(os.path.join(here, "i4.npy"), np.array([0, 2, -100], dtype=np.int32))
np.save(os.path.join(here, "i8.npy"), np.array([0, 2, -100], dtype=np.int64))
np.save(os.path.join(here, "fortran.npy"), np.asfortranarray(table))
np.save(os.path.join(here, "big_endian.npy"), table.astype(">f8"))
np.save(os.path.join(here, "three_d.npy"), np.zeros((2, 2, 2)))
np.save(os.path.join(here, "u8.npy"), np.array([1, 2], dtype=np.uint8))
np.lib.format.write_array(open(os.path.join(here, "v2.npy"), "wb"), table, version=(2, 0))
with open(os.path.join(here, "f4.npy"), "rb") as f:
    whole = f.read()
with open(os.path.join(here, "truncated.npy"), "wb") as f:
    f.write(whole[:-4])
