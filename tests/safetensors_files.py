"""Writing small, real weight-file headers for fixtures and the fake Hub: safetensors (8-byte header length, JSON header, data) and GGUF."""

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


def gguf_bytes(metadata: dict[str, object], tensors: dict[str, list[int]]) -> bytes:
    """A GGUF v3 header (key–values, tensor infos) as llama.cpp writes it; the tensor data is left out.

    Values: ``str`` → string, ``int`` → uint32, ``list[str]`` → array of strings (a vocabulary).
    """

    def string(text: str) -> bytes:
        raw = text.encode()
        return struct.pack("<Q", len(raw)) + raw

    out = b"GGUF" + struct.pack("<IQQ", 3, len(tensors), len(metadata))
    for key, value in metadata.items():
        out += string(key)
        if isinstance(value, str):
            out += struct.pack("<I", 8) + string(value)
        elif isinstance(value, list):
            out += struct.pack("<IIQ", 9, 8, len(value)) + b"".join(string(v) for v in value)
        else:
            out += struct.pack("<II", 4, int(value))  # type: ignore[call-overload]
    offset = 0
    for name, dims in tensors.items():
        out += string(name) + struct.pack("<I", len(dims)) + b"".join(struct.pack("<Q", d) for d in dims) + struct.pack("<IQ", 1, offset)
        offset += math.prod(dims) * 2
    return out
