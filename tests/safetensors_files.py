"""Writing small, real safetensors files for fixtures and the fake Hub (the format: 8-byte header length, JSON header, data)."""

from __future__ import annotations

import json
import math
import struct

_BYTES = {"F16": 2, "BF16": 2, "F32": 4, "I64": 8}


def header_bytes(tensors: dict[str, tuple[str, list[int]]], metadata: dict[str, str] | None = None) -> tuple[bytes, int]:
    """The length prefix and JSON header for ``tensors`` (name → (dtype, shape)), and the data size they declare."""
    header: dict[str, object] = {"__metadata__": metadata or {"format": "pt"}}
    offset = 0
    for name, (dtype, shape) in tensors.items():
        size = math.prod(shape) * _BYTES[dtype]
        header[name] = {"dtype": dtype, "shape": shape, "data_offsets": [offset, offset + size]}
        offset += size
    raw = json.dumps(header, separators=(",", ":")).encode()
    raw += b" " * (-len(raw) % 8)  # the format pads the header to 8 bytes
    return struct.pack("<Q", len(raw)) + raw, offset


def safetensors_bytes(tensors: dict[str, tuple[str, list[int]]]) -> bytes:
    """A complete file: header plus zero-filled data."""
    head, size = header_bytes(tensors)
    return head + bytes(size)
