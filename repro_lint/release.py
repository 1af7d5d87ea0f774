"""The release: a parsed card plus what the release's own files and Hub metadata state.

A :class:`Release` is built once per linted release (a local folder or a Hub repository) from a
:class:`ReleaseFiles` snapshot — the file listing, the text of the small metadata files, the
parameter counts read from safetensors headers and the Hub's metadata — and is immutable afterwards.
Rules never read files: :func:`repro_lint.evidence.verdict_from_hits` merges :meth:`Release.file_hits` into the
card's own evidence, and the claims rule (RL7xx) compares :attr:`Release.facts` with the card.

Every fact carries the file and line it was read from. Only JSON, YAML and text files under a size
limit are read; of a weight file only its name, its size and (for safetensors) its header, never
its tensors; pickles and executables are never opened.
"""

from __future__ import annotations

import json
import math
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping, Optional

from .document import Card
from .evidence import Hit

#: Largest metadata file read (JSON, YAML, LICENSE); bigger ones are listed under "not read".
MAX_METADATA_BYTES = 2 * 2**20
#: Largest safetensors header read from a local file (the format allows 100 MB; real ones are < 1 MB).
MAX_SAFETENSORS_HEADER = 25 * 2**20
#: At most this many metadata files are read per release, and this many listing entries walked.
MAX_METADATA_FILES = 40
MAX_LISTING = 5000

#: Suffixes of files that hold model weights (never opened, except a safetensors header).
WEIGHT_SUFFIXES = (".safetensors", ".gguf", ".bin", ".pt", ".pth", ".ckpt", ".h5", ".msgpack", ".onnx", ".tflite", ".npz", ".mlmodel", ".keras")
#: Files with a weight suffix that are training state, not weights.
NOT_WEIGHTS = re.compile(r"(?:^|/)(?:training_args|optimizer|scheduler|rng_state[\w-]*|scaler|trainer_state)\.(?:bin|pt|pth)$", re.I)

#: Metadata files read by exact name (at any depth for config/params: ``original/params.json``).
METADATA_NAMES = frozenset(
    {
        "config.json",
        "params.json",
        "adapter_config.json",
        "trainer_state.json",
        "training_args.json",
        "training_args.yaml",
        "training_args.yml",
        "all_results.json",
        "train_results.json",
        "tokenizer_config.json",
        "model.safetensors.index.json",
        "adapter_model.safetensors.index.json",
    }
)
LICENSE_NAME = re.compile(r"^(?:LICEN[CS]E|COPYING)(?:[-_.][\w.-]*)?$", re.I)
#: YAML files that may be a training configuration (axolotl, LLaMA-Factory, torchtune, recipes).
TRAINING_YAML = re.compile(r"(?:train|fine-?tun|finetun|sft|dpo|orpo|lora|axolotl|llama[-_]?factory|torchtune|recipe|config)[\w.-]*\.ya?ml$", re.I)

#: Keys of config.json / params.json and the architecture element each documents.
ARCHITECTURE_KEYS: dict[str, tuple[str, ...]] = {
    "model type": ("model_type", "architectures"),
    "layers": ("num_hidden_layers", "n_layer", "num_layers", "n_layers"),
    "hidden size": ("hidden_size", "n_embd", "d_model", "dim"),
    "heads": ("num_attention_heads", "n_head", "num_heads", "n_heads"),
    "context length": ("max_position_embeddings", "n_positions", "max_seq_len", "max_sequence_length", "seq_length", "n_ctx"),
    "vocabulary": ("vocab_size",),
    "rope scaling": ("rope_scaling",),
}
_ELEMENT_OF = {
    "model type": "model type",
    "layers": "dimensions",
    "hidden size": "dimensions",
    "heads": "dimensions",
    "context length": "context or tokenizer",
    "vocabulary": "context or tokenizer",
    "rope scaling": "context or tokenizer",
}

#: Keys of shipped training configurations, by the hyperparameter element they give a value for.
HYPERPARAMETER_KEYS: dict[str, tuple[str, ...]] = {
    "learning rate": ("learning_rate", "lr", "max_lr", "peak_lr"),
    "batch size": ("per_device_train_batch_size", "train_batch_size", "total_train_batch_size", "batch_size", "micro_batch_size", "global_batch_size"),
    "duration": ("num_train_epochs", "num_epochs", "epochs", "max_steps", "global_step", "total_steps"),
    "optimizer": ("optim", "optimizer"),
    "schedule": ("lr_scheduler_type", "lr_scheduler", "scheduler"),
    "warmup": ("warmup_steps", "warmup_ratio"),
    "weight decay": ("weight_decay",),
    "other setting": ("gradient_accumulation_steps", "max_grad_norm", "seed", "lora_r", "r", "lora_alpha", "lora_dropout", "target_modules"),
}
CORE_HYPERPARAMETERS = ("learning rate", "batch size", "duration", "optimizer", "schedule")


class ReleaseError(Exception):
    """A release that cannot be read; the message is one line, ready to print."""


@dataclass(frozen=True)
class FileEntry:
    """One file of the release listing: its path inside the release and its size (None: unknown)."""

    name: str
    size: Optional[int] = None


@dataclass(frozen=True)
class Fact:
    """A value stated by a release file, with where: ``config.json`` line 12 says ``"num_hidden_layers": 32``."""

    name: str
    value: Any
    file: str
    line: int
    quote: str


@dataclass(frozen=True)
class HubMeta:
    """What the Hub's model API says about a repository (filled by :mod:`repro_lint.hub`)."""

    repo_id: str
    revision: Optional[str]
    sha: Optional[str]
    gated: Any  # False, "auto" or "manual"
    license_tag: Optional[str]
    tags: tuple[str, ...] = ()
    safetensors_total: Optional[int] = None
    gguf: Optional[Mapping[str, Any]] = None  # the Hub's GGUF summary: total, architecture, context_length


@dataclass(frozen=True)
class ReleaseFiles:
    """Everything read from a release, before any interpretation: the input of :func:`build_release`.

    ``root`` is the release as shown to the user (``path/to/folder`` or ``hf://org/name``); file names
    are relative to it. ``texts`` holds the metadata files that were read; ``safetensors_params`` the
    parameter count of each safetensors file whose header was read.
    """

    root: str
    listing: tuple[FileEntry, ...]
    texts: Mapping[str, str]
    safetensors_params: Mapping[str, int] = field(default_factory=dict)
    hub: Optional[HubMeta] = None
    not_read: tuple[str, ...] = ()
    listing_complete: bool = True
    gguf_headers: Mapping[str, "GgufSummary"] = field(default_factory=dict)  # local GGUF files whose header was read


@dataclass(frozen=True)
class WeightFile:
    name: str
    size: Optional[int]
    format: str
    parameters: Optional[int]


@dataclass(frozen=True)
class FileEvidence:
    """What a release's files say about one criterion: element hits, and whether they alone make it complete."""

    hits: Mapping[str, list[Hit]]
    complete: bool = False


@dataclass(frozen=True)
class Release:
    """The parsed card plus the release's facts, each with its file and line. Immutable; built once."""

    card: Card
    files: ReleaseFiles
    architecture: Mapping[str, Fact]
    weight_files: tuple[WeightFile, ...]
    parameter_count: Optional[Fact]
    licenses: tuple[Fact, ...]  # front matter, Hub tag, LICENSE file
    gated: Optional[Fact]
    training_configs: tuple[str, ...]
    hyperparameters: Mapping[str, tuple[Fact, ...]]
    adapter_base_model: Optional[Fact]
    adapter_method: Optional[Fact]

    def path(self, name: str) -> str:
        """A release file as shown to the user."""
        if name.startswith("("):
            return f"{self.files.root} {name}"
        return f"{self.files.root.rstrip('/')}/{name}"

    @property
    def files_examined(self) -> list[str]:
        headers = set(self.files.safetensors_params) | set(self.files.gguf_headers)
        return sorted(self.files.texts) + sorted(headers - set(self.files.texts))

    @property
    def has_listing(self) -> bool:
        """True when the file list is known (a folder, or the Hub's list of files): absence of weights means something."""
        return self.files.listing_complete

    def file_hits(self, criterion: str) -> FileEvidence:
        """Element hits from the release's files for ``criterion`` (the element names the rules use)."""
        if criterion == "architecture":
            return self._architecture_hits()
        if criterion == "weights":
            return self._weights_hits()
        if criterion == "hyperparameters":
            return self._hyperparameter_hits()
        if criterion == "training_method":
            return self._method_hits()
        return FileEvidence({})

    def _hit(self, element: str, fact: Fact) -> Hit:
        return Hit(element, fact.line, fact.quote, None, self.path(fact.file))

    def _architecture_hits(self) -> FileEvidence:
        hits: dict[str, list[Hit]] = {}
        for name, fact in self.architecture.items():
            hits.setdefault(_ELEMENT_OF[name], []).append(self._hit(_ELEMENT_OF[name], fact))
        if self.parameter_count is not None:
            hits.setdefault("parameter count", []).append(self._hit("parameter count", self.parameter_count))
        dims = sum(1 for name in ("layers", "hidden size", "heads") if name in self.architecture)
        full = "model type" in self.architecture and dims >= 2 and ("context length" in self.architecture or "vocabulary" in self.architecture)
        return FileEvidence(hits, complete=full)

    def _weights_hits(self) -> FileEvidence:
        hits: dict[str, list[Hit]] = {}
        if self.weight_files:
            total = sum(w.size or 0 for w in self.weight_files)
            first = self.weight_files[0]
            quote = (
                f"{len(self.weight_files)} weight file{'s' if len(self.weight_files) != 1 else ''} ({', '.join(sorted({w.format for w in self.weight_files}))}"
            )
            quote += f", {human_bytes(total)})" if total else ")"
            hits["download location"] = [Hit("download location", 0, quote, None, self.path(first.name))]
        licenses = [f for f in self.licenses if f.name in ("hub license tag", "license file")]
        if licenses:
            hits["license"] = [self._hit("license", f) for f in licenses]
        return FileEvidence(hits)

    def _hyperparameter_hits(self) -> FileEvidence:
        hits = {name: [self._hit(name, f) for f in facts] for name, facts in self.hyperparameters.items() if facts}
        core = sum(1 for name in CORE_HYPERPARAMETERS if hits.get(name))
        if self.training_configs and hits:
            first = next(f for facts in self.hyperparameters.values() for f in facts)
            hits["training config"] = [Hit("training config", first.line, first.quote, None, self.path(first.file))]
        return FileEvidence(hits, complete=core >= 2 and bool(self.training_configs))

    def _method_hits(self) -> FileEvidence:
        hits: dict[str, list[Hit]] = {}
        if self.training_configs and any(self.hyperparameters.values()):
            hits["code or recipe"] = [Hit("code or recipe", 1, f"training configuration {name}", None, self.path(name)) for name in self.training_configs[:3]]
        if self.adapter_method is not None:
            hits["objective and procedure"] = [self._hit("objective and procedure", self.adapter_method)]
        return FileEvidence(hits)


def human_bytes(size: int) -> str:
    scaled = float(size)
    for unit in ("B", "KB", "MB", "GB", "TB"):
        if scaled < 1000 or unit == "TB":
            return f"{scaled:.0f} {unit}" if unit == "B" else f"{scaled:.1f} {unit}"
        scaled /= 1000
    return f"{scaled:.0f} B"


def human_count(n: int) -> str:
    """``6738415616`` → ``6.74 B``."""
    for div, unit in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")):
        if n >= div:
            return f"{n / div:.3g} {unit}"
    return str(n)


# --- Reading facts from file texts (pure functions) ---


def key_line(text: str, key: str) -> tuple[int, str]:
    """Line (1-based) and text of the first line of a JSON/YAML text that names ``key``."""
    pattern = re.compile(rf"(?:^|[\s{{,\"'])\"?{re.escape(key)}\"?\s*:")
    for number, line in enumerate(text.splitlines(), 1):
        if pattern.search(line):
            return number, line.strip()[:160]
    return 1, f"{key}"


def load_structured(name: str, text: str) -> Optional[Any]:
    """A JSON or YAML file's data, or None when it cannot be read (never raises)."""
    try:
        if name.endswith((".yaml", ".yml")):
            import yaml

            return yaml.safe_load(text)
        return json.loads(text)
    except Exception:
        return None


def _has_value(value: Any) -> bool:
    return value not in (None, "", [], {}) and not isinstance(value, bool)


def _facts_from(name: str, text: str, data: Mapping[str, Any], keys: Mapping[str, tuple[str, ...]]) -> dict[str, Fact]:
    out: dict[str, Fact] = {}
    for element, candidates in keys.items():
        for key in candidates:
            if key in data and _has_value(data[key]):
                line, quote = key_line(text, key)
                out[element] = Fact(element, data[key], name, line, quote)
                break
    return out


def _flatten_training(data: Any) -> dict[str, Any]:
    """Top-level keys of a training config, the first ``log_history`` entry of a trainer state, and nested sections."""
    flat: dict[str, Any] = {}
    if not isinstance(data, dict):
        return flat
    for key, value in data.items():
        if isinstance(value, dict):
            for inner, v in value.items():
                flat.setdefault(str(inner), v)
        else:
            flat.setdefault(str(key), value)
    history = data.get("log_history")
    if isinstance(history, list):
        for entry in history[:1]:
            if isinstance(entry, dict):
                for key, value in entry.items():
                    flat.setdefault(str(key), value)
    return flat


def parameters_of_header(header: Mapping[str, Any]) -> int:
    """Parameter count of a safetensors header: the sum of the tensors' element counts."""
    total = 0
    for name, info in header.items():
        if name == "__metadata__" or not isinstance(info, dict):
            continue
        shape = info.get("shape")
        if isinstance(shape, list) and all(isinstance(d, int) and d >= 0 for d in shape):
            total += math.prod(shape)
    return total


def is_weight_file(name: str) -> bool:
    return name.lower().endswith(WEIGHT_SUFFIXES) and not NOT_WEIGHTS.search(name)


def weight_format(name: str) -> str:
    suffix = name.lower().rsplit(".", 1)[-1]
    return {"bin": "pytorch", "pt": "pytorch", "pth": "pytorch", "ckpt": "checkpoint", "h5": "keras", "msgpack": "flax"}.get(suffix, suffix)


def wanted_metadata(name: str) -> bool:
    """Is this release file one of the small metadata files read for evidence?"""
    base = name.rsplit("/", 1)[-1]
    depth = name.count("/")
    if base in METADATA_NAMES:
        return depth <= 1
    if LICENSE_NAME.match(base):
        return depth == 0
    if TRAINING_YAML.search(base):
        return depth <= 2
    return False


def build_release(card: Card, files: ReleaseFiles) -> Release:
    """Interpret what was read: architecture, weights and their parameter count, licences, gating, training configs."""
    texts = files.texts
    architecture: dict[str, Fact] = {}
    for config in sorted(
        (n for n in texts if n.rsplit("/", 1)[-1] in ("config.json", "params.json")),
        key=lambda n: (n.count("/"), n != "config.json" and not n.endswith("/config.json")),
    ):
        data = load_structured(config, texts[config])
        if isinstance(data, dict):
            source = data.get("text_config") if isinstance(data.get("text_config"), dict) else None
            for element, fact in _facts_from(config, texts[config], data, ARCHITECTURE_KEYS).items():
                architecture.setdefault(element, fact)
            if source is not None:
                for element, fact in _facts_from(config, texts[config], source, ARCHITECTURE_KEYS).items():
                    architecture.setdefault(element, fact)
    tokenizer = texts.get("tokenizer_config.json")
    if tokenizer and "context length" not in architecture:
        data = load_structured("tokenizer_config.json", tokenizer)
        if isinstance(data, dict) and isinstance(data.get("model_max_length"), int) and data["model_max_length"] < 10**8:
            line, quote = key_line(tokenizer, "model_max_length")
            architecture["context length"] = Fact("context length", data["model_max_length"], "tokenizer_config.json", line, quote)

    for element, fact in _gguf_facts(files).items():
        architecture.setdefault(element, fact)

    weights = tuple(
        WeightFile(
            e.name,
            e.size,
            weight_format(e.name),
            files.safetensors_params.get(e.name, files.gguf_headers[e.name].parameters if e.name in files.gguf_headers else None),
        )
        for e in sorted(files.listing, key=lambda e: e.name)
        if is_weight_file(e.name)
    )
    parameter_count = _parameter_count(files, weights)

    licenses: list[Fact] = []
    fm_license = card.front_matter_value("license")
    if isinstance(fm_license, str) and fm_license.strip():
        licenses.append(Fact("front matter", fm_license.strip(), card.path, card.front_matter_line("license"), f"license: {fm_license.strip()}"))
    if files.hub is not None and files.hub.license_tag:
        licenses.append(Fact("hub license tag", files.hub.license_tag, "(Hub metadata)", 0, f"license tag: {files.hub.license_tag}"))
    for name in sorted(n for n in texts if LICENSE_NAME.match(n)):
        first = next(((i, line.strip()) for i, line in enumerate(texts[name].splitlines(), 1) if line.strip()), None)
        if first is not None:
            licenses.append(Fact("license file", identify_license(texts[name]) or first[1][:80], name, first[0], first[1][:160]))

    gated: Optional[Fact] = None
    if files.hub is not None and files.hub.gated:
        gated = Fact("gated", files.hub.gated, "(Hub metadata)", 0, f"gated: {files.hub.gated}")

    training_configs: list[str] = []
    hyper: dict[str, list[Fact]] = {}
    adapter_base: Optional[Fact] = None
    adapter_method: Optional[Fact] = None
    for name in sorted(texts):
        base = name.rsplit("/", 1)[-1]
        if base in ("config.json", "params.json", "tokenizer_config.json") or LICENSE_NAME.match(base) or base.endswith(".index.json"):
            continue
        data = load_structured(name, texts[name])
        if not isinstance(data, dict):
            continue
        flat = _flatten_training(data)
        facts = _facts_from(name, texts[name], flat, HYPERPARAMETER_KEYS)
        if base == "adapter_config.json":
            if _has_value(data.get("base_model_name_or_path")):
                line, quote = key_line(texts[name], "base_model_name_or_path")
                adapter_base = Fact("adapter base model", str(data["base_model_name_or_path"]), name, line, quote)
            if _has_value(data.get("peft_type")):
                line, quote = key_line(texts[name], "peft_type")
                adapter_method = Fact("adapter method", str(data["peft_type"]), name, line, quote)
        if not facts:
            continue
        training_configs.append(name)
        for element, fact in facts.items():
            hyper.setdefault(element, []).append(fact)

    release = Release(
        card=card,
        files=files,
        architecture=architecture,
        weight_files=weights,
        parameter_count=parameter_count,
        licenses=tuple(licenses),
        gated=gated,
        training_configs=tuple(training_configs),
        hyperparameters={k: tuple(v) for k, v in hyper.items()},
        adapter_base_model=adapter_base,
        adapter_method=adapter_method,
    )
    return release


#: GGUF metadata keys (``<architecture>.<key>``) and the architecture facts they give.
GGUF_KEYS = {"block_count": "layers", "embedding_length": "hidden size", "attention.head_count": "heads", "context_length": "context length"}


def _gguf_facts(files: ReleaseFiles) -> dict[str, Fact]:
    """Architecture facts of GGUF weights: from a local file's header, or from the Hub's GGUF summary."""
    out: dict[str, Fact] = {}
    for name, summary in sorted(files.gguf_headers.items()):
        arch = summary.metadata.get("general.architecture")
        if isinstance(arch, str):
            out.setdefault("model type", Fact("model type", arch, name, 0, f"general.architecture = {arch}"))
            for key, element in GGUF_KEYS.items():
                value = summary.metadata.get(f"{arch}.{key}")
                if isinstance(value, int):
                    out.setdefault(element, Fact(element, value, name, 0, f"{arch}.{key} = {value}"))
    gguf = files.hub.gguf if files.hub is not None else None
    if gguf:
        if isinstance(gguf.get("architecture"), str):
            out.setdefault("model type", Fact("model type", gguf["architecture"], "(Hub metadata)", 0, f"GGUF architecture: {gguf['architecture']}"))
        if isinstance(gguf.get("context_length"), int):
            out.setdefault(
                "context length", Fact("context length", gguf["context_length"], "(Hub metadata)", 0, f"GGUF context length: {gguf['context_length']}")
            )
    return out


def _parameter_count(files: ReleaseFiles, weights: tuple[WeightFile, ...]) -> Optional[Fact]:
    counted = [w for w in weights if w.parameters is not None]
    if counted:
        total = sum(w.parameters or 0 for w in counted)
        n = len(counted)
        kind = "GGUF" if all(w.format == "gguf" for w in counted) else "safetensors"
        source = f"{kind} header" if n == 1 else f"{kind} headers of {n} files"
        return Fact("parameter count", total, counted[0].name, 0, f"{human_count(total)} parameters ({source})")
    if files.hub is not None and files.hub.safetensors_total:
        total = files.hub.safetensors_total
        return Fact("parameter count", total, "(Hub metadata)", 0, f"{human_count(total)} parameters (Hub safetensors metadata)")
    gguf = files.hub.gguf if files.hub is not None else None
    if gguf and isinstance(gguf.get("total"), int) and gguf["total"] > 0:
        return Fact("parameter count", gguf["total"], "(Hub metadata)", 0, f"{human_count(gguf['total'])} parameters (Hub GGUF metadata)")
    return None


#: First words of well-known licence texts → SPDX-like identifiers (compared with front matter and tags).
_LICENSE_TEXTS = (
    (re.compile(r"Apache License,?\s+Version 2\.0", re.I), "apache-2.0"),
    (re.compile(r"\bMIT License\b|Permission is hereby granted, free of charge", re.I), "mit"),
    (re.compile(r"GNU AFFERO GENERAL PUBLIC LICENSE", re.I), "agpl-3.0"),
    (re.compile(r"GNU LESSER GENERAL PUBLIC LICENSE", re.I), "lgpl"),
    (re.compile(r"GNU GENERAL PUBLIC LICENSE\s+Version 3", re.I), "gpl-3.0"),
    (re.compile(r"Creative Commons Attribution-NonCommercial", re.I), "cc-by-nc-4.0"),
    (re.compile(r"Attribution 4\.0 International", re.I), "cc-by-4.0"),
    (re.compile(r"LLAMA 3\.1 COMMUNITY LICENSE", re.I), "llama3.1"),
    (re.compile(r"LLAMA 3 COMMUNITY LICENSE", re.I), "llama3"),
    (re.compile(r"LLAMA 2 COMMUNITY LICENSE", re.I), "llama2"),
    (re.compile(r"BSD 3-Clause", re.I), "bsd-3-clause"),
    (re.compile(r"OpenRAIL", re.I), "openrail"),
)


def identify_license(text: str) -> Optional[str]:
    head = text[:3000]
    for pattern, ident in _LICENSE_TEXTS:
        if pattern.search(head):
            return ident
    return None


# --- Local release folders ---


def is_release_folder(directory: Path) -> bool:
    """A folder that holds more than a card: a config, weights, a licence or training files."""
    try:
        with os.scandir(directory) as entries:
            for entry in entries:
                if entry.name.startswith("."):
                    continue
                if entry.name in METADATA_NAMES or is_weight_file(entry.name) or LICENSE_NAME.match(entry.name):
                    return True
    except OSError:
        return False
    return False


def _walk(directory: Path, limit: int = MAX_LISTING) -> Iterable[tuple[str, os.stat_result]]:
    """(relative name, lstat) of regular files under ``directory``, hidden folders skipped, symlinks not followed into folders."""
    stack = [("", directory)]
    count = 0
    while stack:
        prefix, folder = stack.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            name = f"{prefix}{entry.name}"
            try:
                if entry.is_dir(follow_symlinks=False):
                    if name.count("/") < 2:
                        stack.append((name + "/", Path(entry.path)))
                    continue
                st = entry.stat()  # follows a symlink to a file (a Hub cache snapshot is made of links)
            except OSError:
                continue
            if stat.S_ISREG(st.st_mode):
                count += 1
                if count > limit:
                    return
                yield name, st


def read_folder(directory: Path, card: Card, root: Optional[str] = None) -> Release:
    """Read a local release folder's listing, metadata files and safetensors headers (never the tensors)."""
    from .inputs import InputError, decode

    listing: list[FileEntry] = []
    texts: dict[str, str] = {}
    params: dict[str, int] = {}
    not_read: list[str] = []
    ggufs: dict[str, GgufSummary] = {}
    for name, st in _walk(directory):
        listing.append(FileEntry(name, st.st_size))
        path = directory / name
        if name.lower().endswith(".safetensors"):
            count = read_safetensors_parameters(path)
            if count is None:
                not_read.append(f"{name}: safetensors header unreadable")
            else:
                params[name] = count
        elif name.lower().endswith(".gguf") and len(ggufs) < MAX_GGUF_FILES:
            summary = read_gguf_header(path)
            if summary is None:
                not_read.append(f"{name}: GGUF header unreadable or over {MAX_GGUF_HEADER:,} bytes")
            else:
                ggufs[name] = summary
        elif wanted_metadata(name) and len(texts) < MAX_METADATA_FILES:
            if st.st_size > MAX_METADATA_BYTES:
                not_read.append(f"{name}: {st.st_size:,} bytes is over the {MAX_METADATA_BYTES:,}-byte limit for metadata files")
                continue
            try:
                texts[name] = decode(path.read_bytes(), name)
            except (OSError, InputError) as exc:
                not_read.append(f"{name}: {exc}" if isinstance(exc, InputError) else f"{name}: unreadable")
    files = ReleaseFiles(root or str(directory), tuple(listing), texts, params, None, tuple(not_read), gguf_headers=ggufs)
    return build_release(card, files)


def read_safetensors_parameters(path: Path) -> Optional[int]:
    """Parameter count from a local safetensors file's header (8-byte length + JSON); the tensors are not read."""
    try:
        with open(path, "rb") as fh:
            prefix = fh.read(8)
            if len(prefix) != 8:
                return None
            size = int.from_bytes(prefix, "little")
            if size <= 0 or size > MAX_SAFETENSORS_HEADER:
                return None
            header = json.loads(fh.read(size))
    except (OSError, ValueError):
        return None
    return parameters_of_header(header) if isinstance(header, dict) else None


#: GGUF headers hold the tokenizer's vocabulary too: read at most this much, of at most this many files.
MAX_GGUF_HEADER = 64 * 2**20
MAX_GGUF_FILES = 8


@dataclass(frozen=True)
class GgufSummary:
    """The scalar metadata of a GGUF header (arrays left out) and the parameter count of its tensors."""

    metadata: Mapping[str, Any]
    parameters: int


class _Bounded:
    """Reads a file front to back, refusing to go past ``limit`` bytes."""

    def __init__(self, fh: Any, limit: int) -> None:
        self.fh, self.left = fh, limit

    def take(self, n: int) -> bytes:
        if n < 0 or n > self.left:
            raise ValueError("header over the limit")
        data = self.fh.read(n)
        if len(data) != n:
            raise ValueError("truncated header")
        self.left -= n
        return bytes(data)

    def unpack(self, fmt: str) -> Any:
        import struct

        return struct.unpack("<" + fmt, self.take(struct.calcsize("<" + fmt)))[0]

    def string(self) -> str:
        return self.take(self.unpack("Q")).decode("utf-8", "replace")


_GGUF_SCALARS = {0: "B", 1: "b", 2: "H", 3: "h", 4: "I", 5: "i", 6: "f", 7: "?", 10: "Q", 11: "q", 12: "d"}


def _gguf_value(r: _Bounded, vtype: int) -> Any:
    if vtype in _GGUF_SCALARS:
        return r.unpack(_GGUF_SCALARS[vtype])
    if vtype == 8:
        return r.string()
    if vtype == 9:
        item, count = r.unpack("I"), r.unpack("Q")
        for _ in range(count):  # read through (a vocabulary), keep nothing
            _gguf_value(r, item)
        return None
    raise ValueError(f"unknown GGUF value type {vtype}")


def read_gguf_header(path: Path) -> Optional[GgufSummary]:
    """Metadata and parameter count from a local GGUF file's header (key–values, tensor shapes); the tensors are not read."""
    try:
        with open(path, "rb") as fh:
            r = _Bounded(fh, MAX_GGUF_HEADER)
            if r.take(4) != b"GGUF" or r.unpack("I") not in (2, 3):
                return None
            n_tensors, n_kv = r.unpack("Q"), r.unpack("Q")
            if n_tensors > 10**6 or n_kv > 10**6:
                return None
            metadata: dict[str, Any] = {}
            for _ in range(n_kv):
                key = r.string()
                value = _gguf_value(r, r.unpack("I"))
                if value is not None:
                    metadata[key] = value
            total = 0
            for _ in range(n_tensors):
                r.string()
                dims = [r.unpack("Q") for _ in range(r.unpack("I"))]
                r.unpack("I")
                r.unpack("Q")
                total += math.prod(dims)
    except (OSError, ValueError, UnicodeError):
        return None
    return GgufSummary(metadata, total)


__all__ = [
    "Release",
    "ReleaseFiles",
    "FileEntry",
    "Fact",
    "HubMeta",
    "WeightFile",
    "FileEvidence",
    "ReleaseError",
    "build_release",
    "read_folder",
    "is_release_folder",
]
