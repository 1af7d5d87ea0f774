"""The Hub model of the README's "Lint a model on the Hub" example, served by the fake Hub in tests."""

from __future__ import annotations

import json

from tests.fakehub import FakeRepo
from tests.safetensors_files import header_bytes

CARD = b"""---
license: apache-2.0
---
# Wren-7B

Wren-7B is a 7B parameter decoder-only transformer with 32 layers.
"""

CONFIG = {
    "architectures": ["LlamaForCausalLM"],
    "model_type": "llama",
    "num_hidden_layers": 40,
    "hidden_size": 5120,
    "num_attention_heads": 40,
    "max_position_embeddings": 4096,
    "vocab_size": 32000,
}

TRAINING_ARGS = {
    "learning_rate": 0.0003,
    "per_device_train_batch_size": 8,
    "num_train_epochs": 2,
    "lr_scheduler_type": "cosine",
    "optim": "adamw_torch",
    "warmup_ratio": 0.03,
}

APACHE = b"                                 Apache License\n                           Version 2.0, January 2004\n"


def demo_repos() -> dict[str, FakeRepo]:
    """``acme/wren-7b``: the card says 7B and 32 layers; the two weight shards hold 13 B parameters, config.json 40 layers."""
    first, first_size = header_bytes({"model.embed_tokens.weight": ("BF16", [32000, 5120]), "model.layers.0-19": ("BF16", [6_500_000, 1000])})
    second, second_size = header_bytes({"model.layers.20-39": ("BF16", [6_336_160, 1000])})
    files = {
        "README.md": CARD,
        "config.json": json.dumps(CONFIG, indent=2).encode(),
        "training_args.json": json.dumps(TRAINING_ARGS, indent=2).encode(),
        "LICENSE": APACHE,
        "model-00001-of-00002.safetensors": first,
        "model-00002-of-00002.safetensors": second,
    }
    sizes = {"model-00001-of-00002.safetensors": first_size, "model-00002-of-00002.safetensors": second_size}
    return {"acme/wren-7b": FakeRepo(files, license_tag="apache-2.0", declared_sizes=sizes)}
