"""RL2xx weights: can anyone download the trained parameters, and under which license?

What it checks
  Two elements:
  - a download location: a hub id or URL of the model (huggingface.co/org/name, modelscope,
    a release asset, *.safetensors / *.gguf / checkpoint links, ``from_pretrained("org/name")``,
    ``huggingface-cli download``); gated or request-form downloads count;
  - a license for the weights: front-matter ``license:`` / ``license_name`` / ``license_link``, or a
    license statement in the text. A license stated only for the code or data (a License section
    that says "this code is licensed …", 工具箱源码), for a package the card installs ("acme-kit is
    licensed under MIT" beside ``pip install acme-kit``) or for the base model ("X is Apache 2.0 licensed", X being
    the model the release fine-tunes) does not count; neither does the base model's hub page.
  Weights reach users through hubs, URLs, release assets, model catalogues or listed checkpoint
  files with their links. A repository's license badge, a bare link to its LICENSE file and a
  table-of-contents entry ("[License](#license)") license the code, not the weights. "The models are
  released here" without a location is partial; a service reachable only through its API or SDK,
  with no download and no license, is closed.
  Both → complete; one → partial (RL202); none → absent (RL201). "Available only through our API",
  "we do not release the weights", 暂不开源 → closed (RL203).

Why it matters
  An API is not an open model. Open weights are the first step of openness, and without a license
  nobody may lawfully use them.

Example
  ---
  license: apache-2.0
  ---
  Download: `huggingface-cli download acme/acme-7b` (safetensors, 14 GB).

Fix
  Link the weights (hub repository, release asset or checkpoint URL) and state their license in the
  front matter or a License section.
"""

from __future__ import annotations

import re
from typing import Optional
from urllib.parse import unquote

from repro_lint.document import Block, Card, Link, Section
from repro_lint.evidence import (
    PLACEHOLDER,
    Hit,
    any_of,
    clean,
    criterion_codes,
    hit_sentence,
    in_section,
    is_placeholder_only,
    names_release,
    release_names,
    scan,
    sentences,
)
from repro_lint.kit import Facts, criterion_rule

CODES = criterion_codes("RL2", "weights", "weights")

#: Download locations written in text or code.
DOWNLOAD_TEXT = {
    "download location": any_of(
        # "`heron_lora_adapter/` - Fine-tuned LoRA adapter weights": a folder or file of the repository listed as the
        # weights (weights/partial-listed-adapter-folder.md)
        r"`[\w./-]{1,80}`\s*[-–—:]\s*(?:[\w-]+\s+){0,4}(?:weights|checkpoints?|model files?)\b",
        # "Checkpoints are included in trained_checkpoints/ folder": weight files shipped in a folder of the repository
        # (weights/partial-checkpoints-included-in-folder.md)
        r"\b(?:checkpoints?|weights|weight files|model files)\s+(?:are|is)\s+(?:included|provided|stored|shipped)"
        r"\s+in\s+(?:the\s+)?`?[\w.-]{1,80}/`?\s*(?:folder|directory)?",
        # a from_pretrained call with a hub id (hyperparameters/complete-config-under-usage.md)
        r"\bfrom_pretrained\(\s*[\"'][\w.-]+(?:/[\w.-]+)?[\"']",
        # "huggingface-cli download": a hub download command (weights/complete-unreadable-front-matter.md)
        r"\b(?:huggingface-cli|hf) download\b",
        # a model, checkpoint or source argument set to a hub id (weights/complete-front-matter-hub-id.md,
        # weights/complete-loader-source-argument.md)
        r"\b(?:checkpoint|model(?:_id|_name|_name_or_path|_path)?|repo(?:_id)?"
        r"|pretrained_model_name_or_path|source)\s*[=:]\s*[\"'][\w.-]+/(?![\w-]+\.(?:png|jpe?g|gif|svg|webp)[\"'])"
        r"[\w.-]+[\"']",
        # "--model swift-lab/swift-2b": a command-line model flag with a hub id (phrases/weights-downloads.md)
        r"--(?:model(?:_name_or_path|_id)?|hf_path|hf_model|repo_id)[ =][\w.-]+/[\w.-]+\b",
        # "Heron('heron-lab/heron-v1'": a loader class called with a hub id (weights/complete-constructor-hub-id.md)
        r"(?-i:\b[A-Z][A-Za-z0-9]{1,40})\(\s*[\"'][\w.-]+/[\w.-]+[\"']",
        # a pipeline given a hub model id (training_method/partial-trained-on-data-from-scratch.md)
        r"\bpipeline\([^)\n]{0,80}\bmodel\s*=\s*[\"'][\w.-]+/[\w.-]+",
        r"\bsnapshot_download\(",  # "snapshot_download(": a snapshot_download call (phrases/weights-downloads.md)
        # "Download them from [huggingface.co/godwit](…)": the models just named, downloaded from a place
        # (weights/partial-download-them-from-org-page.md)
        r"\bdownload (?:them|it|all of them|each of them) (?:from|at|on|via)\b",
        # "Checkpoint: [link](https://drive.google.com/…)": a link under a checkpoint or weights column
        # (weights/complete-checkpoint-column-link.md)
        r"\b(?:checkpoints?|ckpts?|weights|model weights|download)\s*:\s*\[[^\]\n]{1,40}\]\(https?://",
        # "load_from_hub(\"sanderling/ppo-Breakout\", …)", "Tern.from_hub(\"tern-lab/tern-1\")": a hub loader given
        # a repository (weights/partial-rl-load-from-hub.md, weights/complete-package-from-hub-loader.md)
        r"\b(?:load_from_hub|from_hub|hf_hub_download|load_checkpoint)\(\s*(?:repo_id\s*=\s*)?[\"'][\w.-]+/[\w.-]+[\"']",
        # "python -m rl_zoo3.load_from_hub --algo dqn --env Pong-v4 -orga sanderling": the RL Zoo's command that
        # downloads an organisation's agent from the Hub (weights/partial-rl-zoo-load-from-hub-command.md)
        r"\bload_from_hub\b[^\n]{0,160}\s-{1,2}orga?\s+[\w.-]+",
        # "timm.create_model('resnet50.a1_in1k', pretrained=True)": a package loader that downloads the named weights
        # (weights/complete-package-loader-pretrained.md)
        r"\b\w+\.(?:create_model|load_model|from_pretrained|load)\(\s*[\"'][\w./-]+[\"'][^)\n]{0,60}"
        r"\bpretrained\s*=\s*True\b",
        # "fetches the model weights automatically": a package loader that downloads the weights on first use
        # (weights/complete-package-fetches-weights.md)
        r"\b(?:downloads?|fetch(?:es)?|pulls?)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}(?:weights|checkpoints?)\s+automatically\b",
        # "模型权重会在首次调用时自动下载": the weights fetched automatically on first use, in Chinese
        # (weights/complete-package-fetches-weights-zh.md)
        r"(?:权重|模型)[^。\n]{0,20}?首次(?:调用|使用|运行|加载)时?[^。\n]{0,6}?自动下载",
        # "torch.hub.load(\"finch-lab/finch", "torch.hub.load(repo_or_dir='acme/x'": a torch.hub loader that downloads
        # the weights (weights/complete-torch-hub-loader.md, weights/partial-torch-hub-loader-keyword.md)
        r"\btorch\.hub\.load\(\s*(?:repo_or_dir\s*=\s*)?[\"'][\w.-]+/[\w.-]+",
        # "downloadable as `acme/wren-7b`": a hub id where the model is (weights/partial-hub-id-in-prose.md)
        r"\b(?:download(?:able|ed)?|available|hosted|published|released|uploaded)\b[^.\n`]{0,40}`[\w.-]+/[\w.-]+`",
        # "on the Hugging Face Hub: `wigeon-nlp/wigeon-1b`", "托管于 ModelScope：`…`": a hub id after the hub's name
        # (weights/complete-hub-id-after-hub-name.md)
        r"(?:\bhugging\s?face\b|\bhub\b|\bmodelscope\b|\bthis repo(?:sitory)?\b|托管|发布于|发布在|模型地址)"
        r"[^.\n`]{0,40}`[\w.-]+/[\w.-]+`",
        # "The trained parameters are in the public bucket `gs://…`": a cloud storage path for the weights
        # (weights/complete-cloud-bucket-path.md)
        r"\b(?:weights|checkpoints?|parameters|params|models?)\b[^.\n]{0,60}?`?(?:gs|s3)://[\w.-]+"
        r"|\b(?:gs|s3)://[\w./-]+\.(?:safetensors|ckpt|pth|pt|bin|npz|h5|onnx|msgpack)\b",
        # "the image includes the weights", "the weights are downloaded automatically on first use": a container image
        # or a package that brings the weights (weights/complete-image-includes-weights.md)
        r"\b(?:image|container)\b[^.\n]{0,30}\b(?:includes|contains|ships|bundles)\b[^.\n]{0,20}\b(?:weights"
        r"|checkpoints?)\b|\b(?:weights|checkpoints?)\b[^.\n]{0,40}\b(?:downloaded|fetched) automatically\b",
        # "the checkpoint is attached to the GitHub release", "get the weights from our website": a release asset or a
        # named place to get the weights (weights/complete-checkpoint-attached-to-release.md)
        r"\b(?:weights|checkpoints?|policy|model)\b[^.\n]{0,40}\battached to (?:the |our |each )?\[?(?:v?[\d.]+ )?"
        r"(?:GitHub )?releases?\b"
        r"|\b(?:get|obtain|fetch|grab)\s+(?:the\s+)?(?:model\s+|trained\s+)?(?:weights|checkpoints?)\s+(?:from|at|on|via)\b",
        # "`kws.tflite` and `kws.h5` are in this repository": weight files kept with the card
        # (weights/complete-weight-files-in-this-repository.md)
        r"(?<![\w.-])[\w.-]{1,200}\.(?:safetensors|gguf|ckpt|pth?|bin|h5|keras|onnx|tflite|npz)\b[^.\n]{0,60}\b(?:is|are)"
        r" (?:included |stored |kept )?in this (?:model )?repo(?:sitory)?\b",
        # "The ONNX export is in the `onnx/` folder of this repository": an exported model kept with the card
        # (weights/complete-export-in-this-repository.md)
        r"\b(?:ONNX|TensorRT|Core ?ML|TFLite|OpenVINO|GGUF|safetensors) (?:export|version|weights|files?|model)s?\b"
        r"[^.\n]{0,40}\b(?:in|under)\b[^.\n]{0,30}\bthis repo(?:sitory)?\b",
        # "wget https://…/models/pochard-3b-v1.tar": a download command fetching an archive from a models path
        # (weights/complete-download-command-archive.md)
        r"\b(?:wget|curl)\b[^\n]{0,40}?https?://[^\s\"'<>]{0,200}?(?:models?|weights|checkpoints?|ckpts?)\b[^\s\"'<>]{0,200}?"
        r"\.(?:tar(?:\.gz)?|tgz|zip)\b",
        # "load_model(\"hf://petrel-ml/petrel-b0\")": a hub URL in a loader (weights/complete-hf-scheme-url.md)
        r"\bhf://[\w.-]+/[\w.-]+",
        # "modelscope download": a ModelScope download command (phrases/weights-downloads.md)
        r"\bmodelscope download\b",
        r"\bollama (?:run|pull)\s+\S",  # "ollama run s": an Ollama run or pull command (phrases/weights-downloads.md)
        # "git lfs clone": a git clone of the hub repository (phrases/weights-downloads.md)
        r"\bgit lfs clone\b|\bgit clone https://huggingface\.co/",
        # "request access", "through a request form": a request for access to the weights
        # (weights/complete-gated-request-form.md, weights/complete-weights-through-request-form.md)
        r"\b(?:request|apply for) (?:access|the (?:model )?weights)\b|\b(?:request|access|application) form\b",
        # "the trained weights are available on request", "checkpoints can be requested": a request-based download
        # (weights/partial-weights-on-request.md)
        r"\b(?:weights|checkpoints?|models?)\b[^.\n]{0,60}?\b(?:(?:available|provided|shared|released)\s+(?:up)?on"
        r"\s+(?:request|application)|can be requested)\b",
        # "For access apply": how to apply for access (weights/complete-gated-access-apply.md)
        r"\bfor access,? (?:please )?(?:apply|request|register|sign up)\b",
        # "PeftModel.from_pretrain…": a PEFT adapter loaded from a path (weights/partial-peft-local-adapter.md)
        r"\bPeftModel\.from_pretrained\(\s*\w+\s*,\s*[\"'][\w./-]+[\"']",
        # a checkpoint file listed with what it holds (weights/partial-adapter-file-listing.md,
        # weights/complete-keras-file-listing.md)
        r"(?<![\w.-])[\w.-]{1,200}\.(?:safetensors|gguf|ckpt|pth|pt|bin|h5|keras|onnx|tflite|npz|msgpack)`?\s*[:：—–-]\s*[^\n]{0,60}?"
        r"\b(?:weights|checkpoint|adapter)\b",
        # "Download the safetensors checkpoint from": downloading the weights from a place (extras/open-full.md,
        # weights/complete-download-file-from-files-tab.md, weights/complete-download-weight-file-from-release.md)
        r"\bdownload\w*\b(?:[^.\n]|\.\d|\.(?=safetensors|gguf|pth?\b|ckpt|h5|onnx|tflite|npz)){0,40}\b(?:weights|checkpoints?"
        r"|models?|safetensors|gguf|[\w-]+\.(?:pth?|ckpt|h5|onnx|tflite|npz))\b"
        r"(?:[^.\n]|\.\d){0,40}\b(?:from|at|on|here|via|link)\b",
        # "The model weights … can be downloaded from the Google Cloud bucket": weights, then where to download them
        # (weights/complete-weights-downloaded-from-bucket.md)
        r"\b(?:weights|checkpoints?|params)\b(?:[^.\n]|\.\d){0,80}\bdownload(?:ed|able)? (?:from|at|via)\b",
        # "The model file `kestrel.txt` is included in this repository": the weights ship with the card
        # (weights/complete-model-file-in-this-repository.md)
        r"\bmodel (?:files?|weights|checkpoints?)\b(?:[^.\n]|\.(?=\w)){0,60}\b(?:is|are) (?:included|stored|provided)"
        r" (?:in|with) this (?:repo(?:sitory)?|model repo(?:sitory)?)\b",
        # "模型文件 `tagger.onnx` 已包含在本仓库中": the weights ship with the card, in Chinese
        # (weights/complete-model-file-in-this-repository-zh.md)
        r"(?:模型|权重)(?:文件)?[^。\n]{0,40}?(?:已|均已)?(?:包含|存放|提供|放置)(?:在|于)本(?:仓库|模型仓库|项目)",
        # "Checkpoint: `kittiwake/ast-audioset` on the Hub": a checkpoint or weights label with a hub id
        # (weights/partial-checkpoint-label-hub-id.md)
        r"^\W{0,4}(?:checkpoints?|(?:model )?weights|model id)\s*[:：]\s*`?[\w.-]+/[\w.-]+`?",
        # "**Checkpoints:** `kestrel-v1.safetensors`": a checkpoint or weights label with a weight file
        # (weights/complete-checkpoint-label-file-name.md)
        r"^\W{0,6}(?:checkpoints?|(?:model )?weights|model files?)\s*[:：][\s*_]{0,6}`?[\w.-]+\.(?:safetensors|gguf"
        r"|ckpt|pth?|bin|h5|onnx|tflite|npz)\b",
        # "Weights: https://zenodo.org/records/5555555 (MIT)": a weights label with a link and an SPDX license
        # (weights/complete-weights-label-url-spdx.md)
        r"^\W{0,4}(?:model )?weights\W{0,4}\s*[:：]\s*<?https?://",
        # a listed checkpoint file with its link: "The 6-hour model (m_6.onnx): [mirror](…)"
        # "dunlin_1d.onnx): [mirror A](https" (weights/complete-listed-checkpoint-files.md)
        r"\b[\w.-]{1,80}\.(?:safetensors|gguf|ckpt|pth|pt|bin|onnx|npz|h5|tflite"
        r"|msgpack)\b`?\)?\s*[:：—–-]?\s*\[[^\]\n]{1,40}\]\(",
        # container images that ship the weights
        r"\b(?:weights|checkpoints?|models?)\b[^.\n]{0,40}\b(?:baked|bundled|included|packaged|shipped) (?:in|into"
        r"|with)\b[^.\n]{0,30}\b(?:image|container)\b",  # "weights baked in the image" (phrases/weights-downloads.md)
        # weights said to be open or available somewhere (weights/complete-models-open-source-in-repo.md)
        r"\b(?:weights|checkpoints?|models?)\b[^.\n]{0,40}\b(?:are|is) (?:all )?(?:publicly |now )?(?:available"
        r"|uploaded|hosted|open-?sourced?)\b(?:[^.\n]|\n(?=[a-z])){0,20}\b(?:on|at|from|in|via|to)\b",
        # "have released the weigh…": weights said released or uploaded somewhere (phrases/weights-downloads.md)
        r"\b(?:we|have|has)\s+(?:also\s+)?(?:publicly\s+)?(?:released|open-?sourced"
        r"|uploaded)\b[^.\n]{0,80}\b(?:models?|weights|checkpoints)\b",
        # "uploaded to Hugging Face": released to a named model hub (phrases/weights-downloads.md)
        r"\b(?:released|uploaded) (?:to|on) (?:the )?(?:hugging ?face|hf hub|modelscope|model hub)\b",
        r"\bopen[- ]weights?\b",  # "open-weights": open weights, named (phrases/weights-downloads.md)
        # "模型下载": a download section or statement in Chinese (weights/complete-license-section-zh.md)
        r"模型下载|权重下载|下载地址|下载链接|开源权重|开放下载|已开源|开源了|(?:权重|模型)(?:已|均已)?(?:上传|发布)(?:至|到|在)",
        # models "available for download in" a linked page (weights/complete-download-in-model-zoo.md)
        r"\b(?:models?|weights|checkpoints)\b[^.\n]{0,40}\bavailable for download (?:in|at|from|on|via)\b",
    ),
}

#: The card says the weights are released, without a location: partial evidence.
RELEASED_HERE = any_of(
    # "We have released the weights": we provide or release the weights (phrases/weights-downloads.md)
    r"\b(?:we|this repo(?:sitory)?)\s+(?:\w+\s+)?(?:provide|release|share|open-?source)[sd]?\s+(?:the\s+|our\s+"
    r"|all\s+)?(?:\w+\s+){0,2}(?:models?|weights|checkpoints)\b",
    # "weights are not released": weights said released or not released (api-only.md)
    r"\b(?:pre-?trained\s+)?(?:models?|weights|checkpoints)\b[^.\n]{0,40}\b(?:are|were|is|was)\s+(?:\w+\s+)?released\b",
    # "trained and released by": trained and released by someone (phrases/weights-downloads.md)
    r"\b(?:trained|developed) and released by\b",
    # "released here": released here, without a place (weights/partial-released-here-no-location.md)
    r"\breleased here\b",
    # "开源了模型": the model or weights open-sourced, in Chinese (phrases/weights-zh.md)
    r"(?:开源|发布)了?(?:模型|权重)",
)

#: Hub and release URLs that host model weights (not datasets, not Spaces, not papers).
WEIGHT_URL = any_of(
    # a Hugging Face model page (not a dataset, Space or paper) (phrases/weights-downloads.md)
    r"^https?://(?:www\.)?(?:huggingface\.co|hf\.co)/(?!datasets/|spaces/|docs/|papers/|blog/|join|login|settings"
    r"|models\?|collections/|learn/|tasks/|api/)[\w.-]+/[\w.-]+",
    # "https://huggingface.co/collections/": a Hugging Face collection (phrases/weights-downloads.md)
    r"^https?://(?:www\.)?huggingface\.co/collections/",
    # "https://modelscope.cn/models/swift-lab": a ModelScope model page (phrases/weights-downloads.md)
    r"^https?://(?:www\.)?modelscope\.cn/models/",
    # "https://ollama.com/library/swift-2b": an Ollama library page (phrases/weights-downloads.md)
    r"^https?://(?:www\.)?ollama\.com/library/",
    # "https://www.kaggle.com/models/heron-lab": a Kaggle model page (weights/partial-code-license-boilerplate.md)
    r"^https?://(?:www\.)?kaggle\.com/models/",
    # "hub.load(\"https://tfhub.dev/acme/sentence-encoder/4\")": a TensorFlow Hub model (weights/partial-tfhub-model.md)
    r"^https?://(?:www\.)?tfhub\.dev/[\w.-]+/",
    r"/releases/download/",  # "/releases/download/v1": a release asset download (phrases/weights-downloads.md)
    # "https://example.org/swift-lab/swift-2b/releases/download": a download page (phrases/weights-downloads.md)
    r"^https?://[^?#\s]*/[\w-]*downloads?\b",
    # ".safetensors": a weight file's URL (phrases/weights-downloads.md); ".tar.xz": an archive of the model's files,
    # compressed any usual way (read from a link's address, not from the text around it)
    r"\.(?:safetensors|gguf|ckpt|pth|pt|bin|onnx|npz|tar\.(?:gz|xz|bz2|zst)|tgz|txz|zip)(?:\?|$)",
    # "https://wisemodel.cn/models/": a WiseModel model page (phrases/weights-downloads.md)
    r"^https?://wisemodel\.cn/models/",
    # "https://openxlab.org.cn/models/detail": an OpenXLab model page (phrases/weights-downloads.md)
    r"^https?://(?:www\.)?openxlab\.org\.cn/models/",
    # "https://drive.google.com/file/d/…", "https://zenodo.org/records/…": a file shared from a drive or an archive
    # record, on a line that names no data (phrases/weights-downloads.md, weights/complete-archive-record.md)
    r"^https?://(?:drive\.google\.com/(?:file/d/|uc\?)|(?:www\.)?dropbox\.com/s/|pan\.baidu\.com/s/"
    r"|(?:www\.)?zenodo\.org/records?/)",
    # "https://storage.googleapis.com/swift-lab": a public bucket of weights (phrases/weights-downloads.md)
    r"^https?://(?:dl\.fbaipublicfiles\.com|storage\.googleapis\.com)/",
    # "https://catalog.ngc.nvidia.com/orgs/swift/models/": an NVIDIA NGC model page (phrases/weights-downloads.md)
    r"^https?://(?:catalog\.)?ngc\.nvidia\.com/(?:catalog/|orgs/[\w-]+/(?:teams/[\w-]+/)?)models/",
)

#: A drive or file-sharing link holds weights or data alike: on a line about data it is the data's.
FILE_SHARE = any_of(
    # a shared file or an archive record (weights/partial-drive-link-in-model-table.md)
    r"drive\.google\.com|dropbox\.com|pan\.baidu\.com|zenodo\.org",
)
DATA_WORD = any_of(
    # "dataset": data named on the line (weights/partial-drive-link-in-model-table.md)
    r"\bdata(?:sets?)?\b|\bcorp(?:us|ora)\b",
    r"数据|语料",  # "数据": data named on the line, in Chinese
)

#: A sentence that names another model the release was built from: its link is not the release's download.
BASE_MODEL = any_of(
    # "fine-tuned version of": a fine-tune of another model (weights/partial-base-model-link-only.md)
    r"\bfine-?tuned (?:version|variant|checkpoint) of\b",
    # "fine-tunes the [Plover": fine-tunes a linked model (weights/absent-base-model-and-its-license.md)
    r"\bfine-?tunes (?:the |a )?\[",
    # "built on `tern-lab/tern-7b`": built or trained from another model
    # (weights/partial-base-hub-id-under-one-word-title.md); "trained on" names the data, not a model, unless it
    # says "on top of"
    r"\b(?:fine-?tuned|trained|built|based|quantized|converted|distilled|adapted) (?:from|on top of|upon)\b"
    r"|\b(?:fine-?tuned|built|based|quantized|converted|distilled|adapted) on\b",
    # "merged using … [acme/Plover-8B](…) as a base": the model a merge or fine-tune started from
    # (weights/absent-merge-inputs-in-config.md)
    r"\bas (?:a|the|its) base\b",
    # "This project builds upon [Ziya-LLaMA](…)": a project built on another model
    # (weights/absent-project-builds-upon-linked-model.md)
    r"\bbuilds (?:up)?on\b|\bbuilds on top of\b",
    r"\bbase[_ ]model\b",  # "base_model": the base model, named (weights/partial-base-model-link-only.md)
    # "uses [org/encoder](…) as the embedding model", "Sentence Transformer body: [org/encoder](…)": a model the
    # release is built around (weights/absent-setfit-body-model-links.md)
    r"\buses \[[^\]\n]{1,100}\]\([^()\s]{1,300}\) as (?:the|its|an?)\b|\bbody:\W{0,4}\[",
    # "adapted from": parts taken from another model (phrases/weights-not-own.md)
    r"\b(?:taken|adapted|copied|borrowed|reproduced) from\b",
    # "delta from": weights given as a delta from another model (phrases/weights-not-own.md)
    r"\bdelta (?:from|against)\b",
    # "original model": the original model or weights (training_data/partial-unfiltered-shared-chats.md)
    r"\boriginal (?:model|weights)\b",
    # "基于", "在 [X](…) 之上": built on another model, in Chinese (extras/finetune-zh.md,
    # weights/absent-zh-built-on-base-link.md)
    # (but "基于 ERA5 数据训练出来的模型参数" is data, not a base model)
    r"基于(?![^。，,\n]{0,40}?数据)|在.{0,20}基础上|底座|基座|在[^。\n]{0,120}?之上",
)

#: License statements in text; the front-matter keys are handled in ``check``.
#: Use bound by a license: the release's own terms, also when the license is the base model's.
BOUND_BY_LICENSE = any_of(
    # "should comply with the Qwen 1.5 license" (weights/complete-comply-with-base-license.md)
    r"\b(?:comply|complies|in compliance) with\b(?:[^.\n]|\.(?=\d)){0,40}\blicen[cs]e\b",
)

LICENSE = {
    "license": any_of(
        *BOUND_BY_LICENSE.alternatives,  # type: ignore[attr-defined]  # a LazyPattern, typed as re.Pattern
        # "licensed under the Apac…": the weights licensed under a license (weights/partial-code-license-boilerplate.md)
        r"\b(?:licen[cs]ed|released|distributed|available|made available|provided|open-?sourced"
        r"|governed) (?:\w+ ){0,3}(?:under|by)\b[^.\n]{0,60}\blicen[cs]e\b",
        # "used under the Whimbrel Research License": a license named after "under"
        # (weights/complete-used-under-named-license.md)
        r"\bunder\s+(?:(?:the|a|an|our)\s+)?(?:[\w.-]+\s+){1,5}licen[cs]e\b",
        # "made available under": released or distributed under a license (weights/complete-listed-checkpoint-files.md)
        r"\b(?:licen[cs]ed|released|distributed|made available|open-?sourced) under\b",
        # "**License** A custom": a license line with its value (weights/complete-gated-request-form.md)
        r"^\W*licen[cs]e\b[\s:：|*-]{0,6}[^\s:：|*-]",
        # "license: unknown": a license field with a value (weights/absent-template-placeholders.md)
        r"\blicen[cs]e\s*[:：|]\s*\S",
        # "CC BY-NC-SA 4.0 license": a license named by its family (weights/complete-listed-checkpoint-files.md)
        r"\b(?:apache|mit|bsd|gpl|agpl|lgpl|mpl|cc[- ]by|openrail|creativeml|rail|llama ?\d?(?:\.\d)? community|gemma"
        r"|bigscience)[\w .-]{0,30}licen[cs]e\b",
        # "Apache 2.0": a license named with its version (weights/absent-base-model-and-its-license.md)
        r"\b(?:apache[- ]2\.0|cc[- ]by(?:[- ]nc)?(?:[- ]sa)?[- ]4\.0|openrail(?:-m)?|mit license)\b",
        # "Weights: https://… (MIT)": a license's identifier in brackets after the weights' location
        # (weights/complete-weights-label-url-spdx.md)
        r"\b(?:weights|checkpoints?)\b[^\n]{0,200}\((?-i:MIT|Apache[- ]2\.0|BSD-[23]-Clause|CC0(?:-1\.0)?"
        r"|CC[- ]BY[\w.-]*|GPL-?[23](?:\.0)?|LGPL[\w.-]*|MPL-2\.0)\)",
        # "is MIT licensed", "Apache-2.0-licensed": a license's name before "licensed"
        # (weights/complete-keras-file-listing.md)
        r"\b(?-i:MIT|Apache[- ]2\.0|BSD(?:-[23]-Clause)?|L?GPL-?[23](?:\.0)?|CC[- ]BY[\w.-]*|CC0)[- ]licen[cs]ed\b",
        # "Model License": a model or community license (weights/partial-weights-badge-zh.md)
        r"\b(?:model|community) licen[cs]e(?: agreement)?\b",
        r"\blicen[cs]e agreement\b",  # "license agreement": a license agreement (phrases/weights-downloads.md)
        # "subject to the Swift license": use subject to a license (phrases/weights-downloads.md)
        r"\bsubject to\b[^.\n]{0,40}\blicen[cs]e\b",
        r"\blicen[cs]ed for\b",  # "licensed for": licensed for a use (phrases/weights-downloads.md)
        # "仅供学术研究之用，严禁用于商业用途": terms of use, research only, in Chinese
        # (weights/complete-zh-research-only-terms.md)
        r"仅供[^。，\n]{0,6}(?:研究|学术)[^。，\n]{0,4}(?:之用|使用)|(?:严禁|禁止|不得)(?:用于)?商业(?:用途|使用)",
        # "遵循《青鸟模型许可协议": a license or terms of use in Chinese (weights/complete-license-section-zh.md)
        r"许可证|许可协议|开源协议|使用协议|模型协议|模型许可|License\s*协议|遵循\s*\S{0,20}\s*(?:license|协议)|(?:学术研究|商业使用|商用)\S{0,10}(?:开放|免费"
        r"|授权)|支持商用",
    ),
}

#: A sentence that names no license: a permission ("licensed for commercial use") or a pointer to
#: licenses stated elsewhere, per model ("check the license of each model", 以各模型卡标注的协议为准).
NO_LICENSE_NAMED = any_of(
    r"^(?:(?!\blicen[cs]e\b|\b(?:apache|mit|bsd|gpl|cc[- ]by|openrail|rail)\b)[^\n])*\blicen[cs]ed for\b"
    r"(?:(?!\blicen[cs]e\b|\b(?:apache|mit|bsd|gpl|cc[- ]by|openrail|rail)\b)[^\n])*$",
    r"\b(?:check|see|consult|refer to|follow)\b[^.\n]{0,20}\blicen[cs]es? (?:of|for) (?:each|every|these|those|the"
    r" (?:respective|individual|corresponding))\b",
    r"\blicen[cs]es? (?:vary|varies|differ)\b|\beach (?:model|checkpoint)'?s? (?:own )?licen[cs]e",
    r"以各[^。\n]{0,12}(?:协议|许可)为准|(?:协议|许可)各异|单独授权",
    # "agree to a Contributor License Agreement (CLA)": the terms for contributions, not a license of the weights
    # (weights/absent-contributor-license-agreement.md)
    r"\bcontributor licen[cs]e agreements?\b",
)

#: A license sentence about the code or the data only does not license the weights.
# "scripts": the code, repository or data as a license's subject (hyperparameters/partial-demonstration-script-zh.md)
OTHER_SUBJECT = any_of(
    r"\b(?:code|codebase|source code|repository|scripts?|datasets?|data)\b",
    r"代码|数据",  # "代码": the code or the data in Chinese (weights/partial-license-per-model-elsewhere-zh.md)
    # "toolkit": software as a license's subject (weights/partial-toolkit-license.md)
    r"\b(?:toolkit|toolbox|library|framework|software)\b",
    r"源码|工具箱|工具包",  # "工具箱源码": a toolkit's source in Chinese (weights/partial-toolkit-license-zh.md)
)
# the weights or the model as the subject (open-reproducible.md, phrases/weights-zh.md)
WEIGHTS_SUBJECT = any_of(r"\bweights?\b", r"\bmodels?\b", r"\bcheckpoints?\b", r"\bparameters\b", r"权重|模型")

#: A table-of-contents entry: a link to an anchor of the same page.
# "- [Overview](#overview)": a table-of-contents link to an anchor (weights/partial-toc-license-entry.md)
TOC_ENTRY = any_of(r"^\s*(?:[-*+]|\d{1,3}\.)?\s*\[[^\]\n]{0,120}\]\(#[^)\s]{0,200}\)\s*$", flags=0)
#: Badge markup (an image, possibly inside a link), removed to see whether a line says anything else.
BADGES = any_of(
    # "[![Code License](https:…": a badge image, possibly inside a link (weights/partial-code-license-only.md)
    r"\[!\[[^\]\n]{0,200}\]\([^)\s]{0,1000}\)\]\([^)\s]{0,1000}\)|!\[[^\]\n]{0,200}\]\([^)\s]{0,1000}\)",
    flags=0,
)

#: A source repository's LICENSE file (``…/blob/main/LICENSE``, ``LICENSE.md``).
# "/LICENSE": a repository's LICENSE file (phrases/weights-downloads.md)
REPO_LICENSE_FILE = any_of(r"(?:^|/)(?:LICEN[CS]E|COPYING)(?:\.(?:md|txt|rst))?$")

#: Badges that show the license of a source repository (GitHub's license field): the code's license.
REPO_BADGE = any_of(
    # "shields.io/github/license/": a GitHub license badge from shields.io (weights/partial-repository-license-badge.md)
    r"shields\.io/github/license/",
    # "shields.io/badge/license": a license badge from shields.io (architecture/absent-size-in-heading-and-badge.md)
    r"shields\.io/badge/licen[cs]e",
    # "badgen.net/github/license/swift-lab": a GitHub license badge from badgen (phrases/weights-downloads.md)
    r"badgen\.net/github/license/",
    r"choosealicense\.com",  # "choosealicense.com": a pointer to choosealicense.com (phrases/weights-downloads.md)
)

LICENSE_KEYS = ("license", "license_name", "license_link")
NO_LICENSE = {"", "unknown", "none", "null", "other", "no", "n/a"}

#: A heading that introduces the license terms.
# "licensed": a license heading (weights/absent-template-placeholders.md, weights/complete-license-section-zh.md)
LICENSE_HEADING = any_of(r"\blicen[cs](?:e|ing)\b", r"许可|协议|授权")
# "licensed": a license link (weights/absent-base-model-and-its-license.md, weights/complete-license-section-zh.md)
LICENSE_LINK = any_of(r"licen[cs]e", r"许可|协议")
LICENSE_WORD = LICENSE_LINK


#: What a withholding sentence names: "we do not release the weights", "not open source"
#: (closed-api-only.md, closed-not-open-source-zh.md).
SUBJECT = [
    r"\bweights?\b",  # "weights": the weights, named in a withholding sentence (weights/closed-api-only.md)
    # "checkpoint": checkpoints, named in a withholding sentence (weights/complete-front-matter-hub-id.md)
    r"\bcheckpoints?\b",
    # "parameters": the parameters, named in a withholding sentence (weights/complete-listed-checkpoint-files.md)
    r"\bparameters\b",
    # "the model": the model, named in a withholding sentence (weights/closed-controlled-api-access.md)
    r"\bthe model\b",
    # "our models": our models, named in a withholding sentence (hyperparameters/absent-how-to-fine-tune-section.md)
    r"\bour models?\b",
    r"\bmodel is\b",  # "model is": the model is …, in a withholding sentence (weights/partial-base-model-link-only.md)
    # "The models are available only through", "Mimesis models are proprietary": the release's models, plural
    # (weights/closed-models-plural-only-through-api.md)
    r"\bthe models\b|\bmodels are\b",
    r"\bapi\b",  # "API": an API, named in a withholding sentence (weights/closed-api-only.md)
    # "模型": the weights or model in Chinese, in a withholding sentence (weights/absent-future-release-zh.md); not
    # 参数规模 or 参数量, the size (architecture/closed-zh-listed-before-withholding.md), nor 超参数 or 训练参数,
    # the settings (weights/partial-hyperparameters-withheld-zh.md)
    r"权重|模型|(?<![超练])参数(?!规模|量)",
]

#: Section headings (placeholder text alone under one is reported): "## Weights", "## Download", "## License", 权重 /
#: 下载 / 许可 (absent-template-placeholders.md).
SECTIONS = [
    r"\bweights?\b",  # "weights": a weights heading (weights/closed-api-only.md)
    r"\bdownload",  # "Download": a download heading (weights/absent-template-placeholders.md)
    r"\bcheckpoints?\b",  # "checkpoint": a checkpoints heading (weights/complete-front-matter-hub-id.md)
    r"\blicen[cs]e\b",  # "license": a license heading (weights/absent-template-placeholders.md)
    # "权重": a weights, download or license heading in Chinese (weights/absent-future-release-zh.md)
    r"权重|下载|许可",
]

#: How a finding names each missing element.
HINTS = {"download location": "a download location for the weights", "license": "the weights' license"}


#: Software packages the card installs: ``pip install acme-tools`` or a PyPI project page.
PACKAGE = any_of(
    # "pip install uniform-kit": a package installed with pip (weights/partial-package-license.md)
    r"\bpip3? install (?:-U |--upgrade )?([A-Za-z][\w.-]{1,60})",
    # "pypi.org/project/uniform-kit": a PyPI project page (weights/partial-package-license.md)
    r"pypi\.org/project/([A-Za-z][\w.-]{1,60})",
)


def _packages(card: Card) -> list["re.Pattern[str]"]:
    """Tests for a license sentence whose subject is a package the card installs ("acme-tools is licensed
    under MIT"): the software's license, not the weights'."""
    names = {name.lower() for m in PACKAGE.finditer(card.text) for name in m.groups() if name}
    return [
        # a pattern made from this card: re.compile, not the cache kept between runs
        re.compile(rf"^\W{{0,3}}{re.escape(n)}\W{{0,3}} (?:is|are)\b[^\n]{{0,40}}?licen[cs]", re.IGNORECASE)
        for n in sorted(names)
        if n not in ("-r", "-e", "git")
    ]


def _about_other(text: str) -> bool:
    """The sentence licenses the code or the data, and says nothing of the model or its weights."""
    return bool(OTHER_SUBJECT.search(text)) and not WEIGHTS_SUBJECT.search(text)


def _line(card: Card, line: int) -> str:
    return card.lines[line - 1] if 0 < line <= len(card.lines) else ""


def _front_matter_license(card: Card) -> list[Hit]:
    """``license:`` / ``license_name:`` / ``license_link:`` keys with a real value (also from unreadable YAML)."""
    hits = []
    for block in card.blocks:
        if block.kind == "front_matter" and block.info in LICENSE_KEYS:
            value = block.text.split(":", 1)[1].strip().strip("'\"[]").lower() if ":" in block.text else ""
            if value not in NO_LICENSE and not is_placeholder_only(value):  # license: "[More Information Needed]"
                hits.append(Hit("license", block.line, block.text, block))
    return hits


def _sentence_of(line: str, at: int) -> str:
    """The sentence of ``line`` that holds offset ``at`` (the whole line when ``at`` is unknown)."""
    for offset, sentence in sentences(line) if at >= 0 else ():
        if offset <= at < offset + len(sentence):
            return sentence
    return line


def _wrapped_sentence(hit: Hit) -> str:
    """The whole sentence of a hit in hard-wrapped prose, lines run on included ("" for other blocks)."""
    block = hit.block
    if block is None or block.kind not in ("paragraph", "list_item", "blockquote") or "\n" not in block.text:
        return ""
    return hit_sentence(hit, run_on=True)


def _link_sentence(card: Card, link: Link) -> str:
    line = _line(card, link.line)
    at = line.find(f"{link.text}]({link.url}") if link.text else -1
    return _sentence_of(line, at if at >= 0 else line.find(link.url))


def _base_models(card: Card) -> tuple[set[str], list["re.Pattern[str]"]]:
    """The model pages the release was built from, and tests for a license sentence about those models.

    "This fine-tunes the [Acme 6B](…/acme-6b) model" makes ``…/acme-6b`` a base model's page, and
    "Acme 6B is Apache 2.0 licensed" a statement about the base model's license, not the release's.
    """
    urls: set[str] = set()
    about: list["re.Pattern[str]"] = []
    for link in card.links:
        if WEIGHT_URL.search(link.url) and BASE_MODEL.search(_link_sentence(card, link)):
            urls.add(link.url)
            name = clean(link.text).strip()
            if len(name) >= 3:
                n = re.escape(name)  # a pattern made from this card: re.compile, not the cache kept between runs
                about.append(
                    re.compile(
                        rf"{n}\W{{0,3}}(?:is|are|was|were)\b[^\n]{{0,40}}?licen[cs]|licen[cs]e (?:of|for) (?:the )?{n}"
                        rf"|{n}'s licen[cs]",
                        re.I,
                    )
                )
    return urls, about


def _code_license_sections(card: Card) -> set[int]:
    """License sections that license the code or data ("This code is licensed under …") and never name the model."""
    out: set[int] = set()
    for section in card.sections_matching(LICENSE_HEADING):
        texts = [clean(b.text) for b in card.blocks_in(section) if b.kind not in ("heading", "code")]
        said = [sentence for text in texts for _, sentence in sentences(text)]
        if any(LICENSE_WORD.search(t) and _about_other(t) for t in said) and not any(
            WEIGHTS_SUBJECT.search(t) for t in said
        ):
            out.add(id(section))
    return out


def _inside(section: Optional[Section], ids: set[int]) -> bool:
    while section is not None:
        if id(section) in ids:
            return True
        section = section.parent
    return False


def _occurrences(text: str, part: str) -> list[int]:
    """Where ``part`` occurs in ``text``, each offset."""
    found, at = [], text.find(part)
    while at >= 0 and part:
        found.append(at)
        at = text.find(part, at + 1)
    return found


def _license_text(card: Card) -> list[Hit]:
    """License statements in prose, tables, badges and License sections.

    Not a sentence about the code or data only, nor one about the base model's license, nor a License
    section that licenses the code.
    """
    base_urls, about_base = _base_models(card)
    about_base = about_base + _packages(card)
    code_only = _code_license_sections(card)

    def counts(sentence: str, section: Optional[Section], context: str = "") -> bool:
        """``context``: the line, for a sentence that names no subject ("And it is distributed under MIT")."""
        named = OTHER_SUBJECT.search(sentence) or WEIGHTS_SUBJECT.search(sentence)
        other = _about_other(sentence if named or not context else context)
        return (
            not other
            and not NO_LICENSE_NAMED.search(sentence)
            and (BOUND_BY_LICENSE.search(sentence) is not None or not any(p.search(sentence) for p in about_base))
            and not _inside(section, code_only)
        )

    hits = []
    for h in scan(card, LICENSE, where=lambda b: b.kind not in ("code", "front_matter", "heading"))["license"]:
        line = _line(card, h.line)
        if TOC_ENTRY.search(line) or (REPO_BADGE.search(line) and not LICENSE_WORD.search(BADGES.sub(" ", line))):
            continue  # "- [License](#license)" in a table of contents; a line of repository badges
        if NO_LICENSE_NAMED.search(_wrapped_sentence(h)):
            continue  # a hard-wrapped sentence read whole: "… agree to a Contributor\nLicense Agreement (CLA) …"
        section = h.block.section if h.block else None
        # the quote may occur more than once on the line ("The code is released under …. The weights are released
        # under …"): it counts when one of its sentences does
        places = _occurrences(line, h.quote) or [-1]
        if any(counts(_sentence_of(line, at), section, line) for at in places):
            hits.append(h)
    for link in card.links:
        if link.url.startswith("#") or (link.image and REPO_BADGE.search(link.url)):
            continue  # a table-of-contents anchor, or a repository's license badge (the code's license)
        if not clean(link.text).strip() and (REPO_BADGE.search(link.url) or REPO_LICENSE_FILE.search(link.url)):
            continue  # the target of a badge or a bare link to the repository's LICENSE file: the code's license
        if (LICENSE_LINK.search(link.text) or LICENSE_LINK.search(link.url)) and link.url not in base_urls:
            if link.image:  # a badge says what it shows, whatever badges stand beside it ("Code License")
                shown = f"{link.text} {unquote(link.url)}"  # its alt text and its URL's words ("code%20license-MIT")
                if counts(shown, link.section, shown):
                    hits.append(Hit("license", link.line, link.text or link.url))
            elif counts(
                link.text + " " + _link_sentence(card, link), link.section, link.text + " " + _line(card, link.line)
            ):
                hits.append(Hit("license", link.line, link.text or link.url))
    for block in card.blocks:
        if (
            block.kind == "code"
            and in_section(block.section, LICENSE_HEADING)
            and not _inside(block.section, code_only)
        ):
            first = next((line.strip() for line in block.text.split("\n") if line.strip()), "")
            if LICENSE["license"].search(first) and LICENSE_WORD.search(first):
                hits.append(Hit("license", block.line, first, block))  # the license's text pasted as a block
    for block in card.blocks:
        if block.kind in ("paragraph", "list_item", "table_row", "html") and in_section(block.section, LICENSE_HEADING):
            text = clean(block.text)
            if text.strip() and not is_placeholder_only(block.text) and counts(text, block.section):
                hits.append(Hit("license", block.line, text.strip(), block))
    return hits


#: A loader call whose repository id is on the next line: ``Pipeline.from_pretrained(\n    "org/name",``.
# (weights/complete-loader-id-on-next-line.md)
LOADER_OVER_LINES = any_of(
    r"\b(?:from_pretrained|from_hub|load_from_hub|hf_hub_download|snapshot_download)\(\s*\n\s*(?:repo_id\s*=\s*)?"
    r"[\"'][\w.-]+/[\w.-]+[\"']"
)


#: A repository id in backticks in prose: where the release is, when it carries the release's own name.
HUB_ID = {
    # "A small chat model: `tern-lab/tern-chat-1b`." (weights/complete-own-hub-id-in-prose.md)
    "download location": any_of(r"`[\w.-]{2,100}/([A-Za-z][\w.-]{1,100})`"),
}


def _about_another(line: str) -> bool:
    """The line is about a base model, or about data and not the model ("All pre-training data is released as
    `org/mix`", weights/absent-data-released-as-hub-id.md)."""
    return bool(BASE_MODEL.search(line)) or (bool(DATA_WORD.search(line)) and not WEIGHTS_SUBJECT.search(line))


def _own_hub_ids(card: Card) -> list[Hit]:
    """Backticked repository ids in prose that carry the name the card gives its release (``# Tern-Chat-1B``
    and `` `tern-lab/tern-chat-1b` ``): the card names its own repository, which is where the weights are."""
    hits = scan(card, HUB_ID, where=lambda b: b.kind in ("paragraph", "list_item", "table_row"))["download location"]
    names = [h.quote.strip("`").split("/", 1)[1] for h in hits]
    return [
        h
        for h, name in zip(hits, names)
        if not name.lower().endswith(FILE_SUFFIXES)
        and names_release(card, name)
        and not DATA_WORD.search(h.block.line_text(h.block.text.find(h.quote)) if h.block else "")
    ]


#: A file's name rather than a repository's: ``configs/tern.yaml``.
FILE_SUFFIXES = (".yml", ".yaml", ".json", ".py", ".sh", ".md", ".gin", ".toml", ".txt", ".cfg", ".ipynb")


#: A model id left for the reader to fill in: ``YOUR_USERNAME/x``, ``<user>/x``, ``your-org/x``, ``"model_id"``.
PLACEHOLDER_ID = any_of(
    # "from_pretrained(\"YOUR_USERNAME/parakeet-ms\")": a hub id whose owner is a placeholder
    # (weights/partial-placeholder-owner-hub-id.md)
    r"(?<![\w-])(?:your|my)[-_ ]?(?:hf[-_])?(?:user(?:name)?|name|org(?:anization)?|account|namespace|hub[-_]?id)/"
    r"|<[\w -]{1,30}>/|\{[\w -]{1,30}\}/",
    # "SetFitModel.from_pretrained(\"setfit_model_id\")": a model id left as its own placeholder
    # (weights/absent-placeholder-model-id.md)
    r"[\"'](?:[\w-]{0,30}[_-])?(?:model|repo|checkpoint)[_-]?(?:id|name|name_or_path|path)[\"']",
)


#: A table cell that only says what kind of checkpoint a row is ("Base model", "Base"), not what it was built on.
KIND_CELL = any_of(
    # "| Base model |": the kind of checkpoint a row is (weights/partial-base-model-kind-column.md)
    r"\|\s*(?:base|base model|pre-?trained|pretrained model|chat|instruct)\s*\|"
)


def _without_kind_cells(line: str) -> str:
    """A table row without the cells that name the row's kind: "| Swahili-7B | Base model | … | [HF Hub](…) |" is a
    base (not a chat) checkpoint, and its link is the release's (weights/partial-base-model-kind-column.md)."""
    if "|" not in line:
        return line
    return "|".join(cell for cell in line.split("|") if not KIND_CELL.search(f"|{cell}|"))


def _merge_config(block: Block) -> bool:
    """A merge's configuration (``merge_method: dare_linear``): the models it lists are the merge's inputs."""
    return block.kind == "code" and "merge_method" in block.text


def _todo_block(block: Block) -> bool:
    """A code block that opens with "TODO": an example still to be written, whatever it loads for now."""
    if block.kind != "code":
        return False
    first = next((line for line in block.text.split("\n", 3)[:3] if line.strip()), "")
    return bool(PLACEHOLDER.search(first)) and is_placeholder_only(first)


def _downloads(card: Card) -> list[Hit]:
    """Download locations of the release itself: hub ids, URLs, files; not a base model's page, nor a hub id
    whose owner the reader is to fill in."""
    # "HF Repo (TODO link)": a link still to be filled in, wherever its address is quoted
    unfinished = {link.url for link in card.links if PLACEHOLDER.search(link.text)}
    hits = [
        h
        for h in scan(card, DOWNLOAD_TEXT, where=lambda b: b.kind != "front_matter")["download location"]
        if not _about_another(h.block.line_text(h.block.text.find(h.quote)) if h.block else "")
        and not PLACEHOLDER_ID.search(h.quote)
        and not (h.block is not None and (_todo_block(h.block) or _merge_config(h.block)))
        and not any(url in h.quote for url in unfinished)
    ] + _own_hub_ids(card)
    for block in card.blocks:
        if block.kind == "code" and "(\n" in block.text:
            found = LOADER_OVER_LINES.search(block.text)
            if found:
                hits.append(
                    Hit("download location", block.line_at(found.start()), found.group(0).split("\n", 1)[0], block)
                )
    merged_from = _listed_after_merge_intro(card)
    for link in card.links:
        if link.image:
            continue  # a badge ("downloads: 1M") is a picture, not the weights
        if link.url in unfinished:
            continue
        line = _line(card, link.line)
        if link.section is not None and INPUT_MODELS_HEADING.search(link.section.title):
            continue  # "### Models Merged": the models a merge or a fine-tune started from, not the release
        if link.line in merged_from:
            continue  # "X is a merge of the following models:" and the list below it
        if link.line <= card.front_matter_end or LICENSE_FILE.search(link.url):
            continue  # a front-matter license_link, a link to a LICENSE file: terms, not the weights
            # (weights/partial-front-matter-license-link-is-not-a-location.md)
        if (
            not WEIGHT_URL.search(link.url)
            or BASE_MODEL.search(_without_kind_cells(line))
            or (FILE_SHARE.search(link.url) and DATA_WORD.search(line))
        ):
            continue
        before = _sentence_before(card, link)
        if not BASE_MODEL.search(before) and not TRAINED_ON_IT.search(before or line[: max(line.find(link.url), 0)]):
            hits.append(Hit("download location", link.line, link.url))
    return hits


#: The text before a link ends in "trained on …" with no clause in between: the link is what the model was
#: trained on (data or a base model), not where it is; "trained on terrain; download it from [link]" is not.
TRAINED_ON_IT = any_of(
    # "All models were trained on **UniRef50 release 2023_01** ([download page](…))"
    # (weights/absent-data-download-page-on-wrapped-line.md)
    r"\b(?:pre-?)?trained on\b[^;.!?:\n]{0,120}$",
)


#: A line that is only a link to an anchor of the card: a table-of-contents entry.
TOC_ENTRY = any_of(r"^\s*(?:[-*+]|\d+[.)])?\s*\[[^\]\n]{1,80}\]\(#[^()\s]{0,80}\)\s*$", flags=0)


#: A link to a license file: ``…/blob/main/LICENSE.md``.
LICENSE_FILE = any_of(r"/(?:LICEN[CS]E|COPYING)(?:[._-][\w.-]*)?$", flags=0)


#: Headings of sections that list the models the release was made from (mergekit's "Models Merged").
INPUT_MODELS_HEADING = any_of(
    # "Models Merged", "Base models", 基座模型 (weights/partial-merge-lists-its-input-models.md)
    r"\bmodels? merged\b|\bmerged models?\b|\b(?:base|source|parent|input) models?\b",
    # "基座模型": the base models, in Chinese (weights/partial-merge-lists-its-input-models.md)
    r"基座模型|基础模型|底座模型",
)


#: A sentence that introduces the list of models a merge was made from.
MERGE_INTRO = any_of(
    # "is a merge of the following models using mergekit:" (weights/partial-merge-lists-models-after-intro.md)
    r"\bmerge of the following (?:pre-?trained )?(?:language )?models\b",
)


def _listed_after_merge_intro(card: Card) -> set[int]:
    """Lines of the list items right after a sentence that introduces a merge's input models."""
    lines: set[int] = set()
    after_intro = False
    for block in card.blocks:
        if block.kind == "list_item" and after_intro:
            lines.update(range(block.line, block.end_line + 1))
        elif block.kind == "paragraph":
            after_intro = bool(MERGE_INTRO.search(block.text))
        elif block.kind != "list_item":
            after_intro = False
    return lines


def _sentence_before(card: Card, link: Link) -> str:
    """The sentence of a hard-wrapped paragraph up to the link, when it starts on an earlier line: "All models were
    trained on **X**\n([download page](…))" is a link to what the models were trained on."""
    if link.section is None:
        return ""
    for block in card.blocks_in(link.section):
        if block.kind == "paragraph" and block.line < link.line <= block.end_line:
            text = block.text
            at = text.find(link.url)
            start = max(text.rfind(". ", 0, at), text.rfind(".\n", 0, at)) + 1
            return text[start:at].replace("\n", " ")
    return ""


#: Access through a hosted API (an HTTP/REST API, API keys, a client SDK for a service): with no download
#: location anywhere in the card, the model is reachable only as a service — closed by the rubric.
API_ACCESS = any_of(
    r"\b(?:HTTP|REST(?:ful)?|web) API\b",  # "HTTP API": an HTTP, REST or web API (weights/closed-service-sdk-only.md)
    r"\bAPI[_ -]?keys?\b",  # "API key": an API key (weights/closed-service-sdk-only.md)
    # "API reference": API documentation or endpoints (weights/closed-service-sdk-only.md)
    r"\bAPI (?:reference|documentation|docs|endpoints?)\b",
    # ".../APIReference/API_DetectObjects.html": a link into an API reference (weights/closed-service-model-versions.md)
    r"\[[^\]\n]{1,80}\]\([^()\s]{0,200}?\bAPI[_-]?reference\b[^()\s]{0,200}\)",
    r"\b(?:client|official) (?:\w+ )?SDK\b",  # "official Python SDK": a client SDK (weights/closed-service-sdk-only.md)
    r"\bcloud (?:service|API)\b",  # "cloud service": a cloud service (phrases/weights-not-own.md)
    # "To access your model via the API, under `modelUri` …": the models reached through an API
    # (weights/closed-access-model-via-the-api.md)
    r"\b(?:access|call|query)\b[^.\n]{0,30}\b(?:via|through) (?:the|our) API\b",
    r"API\s*密钥|接口调用|云服务",  # "云服务": API keys or a cloud service, in Chinese (phrases/weights-zh.md)
    # "served through Merganser Cloud": the model served by a hosted platform (weights/closed-named-closed-source.md)
    r"\b(?:served|offered|provided) (?:to [\w -]{1,40} )?(?:through|via|on|by|from) (?:our |the )?(?:[\w-]+ ){0,3}"
    r"(?:cloud|api|platform|endpoints?)\b",
    # "available today in the Aster app and through the Aster API": offered in an app or through an API
    # (weights/closed-available-in-app-and-api.md)
    r"\bavailable\b[^.\n]{0,60}?\b(?:through|via|in|on) (?:our |the |an? )?(?:[\w-]+ ){0,2}(?:api|app)\b",
    # models offered by a hosted service or its API (weights/closed-service-supports-models.md,
    # weights/closed-api-offers-models.md)
    r"\b(?:service|API|SDK)\b[^.\n]{0,40}\b(?:supports|offers|provides|serves|exposes)\b[^.\n]{0,60}\bmodels?\b",
    # "Wrenly Transcribe is an automatic speech recognition service": the release is a service
    # (weights/closed-release-called-a-service.md)
    r"\b(?:is|as) an? (?:fully[- ]managed |[\w-]+ ){0,4}(?:web |cloud |online )?service\b",
    # "select the neural engine in the Petrel console": used through a service's console
    # (weights/closed-used-in-service-console.md)
    r"\b(?:in|from|through|via|using) the (?:[\w-]+ ){0,3}console\b",
    # "通过 Qilin SDK 可以调用…模型", "API调用": the model called through an SDK or API, in Chinese
    # (weights/closed-sdk-calls-model-zh.md)
    r"API\s*调用|调用\s*API|(?:SDK|API|接口)`?[^，。\n]{0,12}调用|SDK\s*支持的",
)


def _find(card: Card) -> dict[str, list[Hit]]:
    """Download locations (text, code, links) and license statements (front matter, text, links)."""
    return {"download location": _downloads(card), "license": _front_matter_license(card) + _license_text(card)}


def _not_in_code(block: Block) -> bool:
    return block.kind not in ("code", "front_matter")


#: A name said to be closed at the start of a sentence (the release's own name, when it is one of the names
#: the card gives the release).
NAMED_CLOSED = any_of(
    # "Goosander-2 is closed source" (weights/closed-release-called-closed-source.md)
    r"^\W*([\w.-]{3,80})\s+(?:models? )?(?:is|are|remains?) (?:a |fully |entirely )?(?:closed[- ]source|proprietary"
    r"|not open[- ]?source[ds]?|not publicly (?:released|available))\b",
)


def _named_closed(card: Card) -> list[Hit]:
    """Sentences that call the release itself, by its name, closed source or proprietary."""
    names = release_names(card)
    if not names:
        return []
    hits = scan(card, {"withheld": NAMED_CLOSED}, where=_not_in_code, skip_withheld=False)["withheld"]
    return [h for h in hits if any(h.quote.strip(" *_`#").lower().startswith(name) for name in names)]


def _release_statement_or_service(card: Card, facts: Facts) -> None:
    """With no download location, "the models are released here" documents the weights in part, and
    API access alone (with no license either) makes the model a service: closed; so does a sentence
    that calls the release, by its name, closed source."""
    if not facts.found["download location"]:
        facts.closed += _named_closed(card)[:1]
        released = scan(card, {"release statement": RELEASED_HERE}, where=_not_in_code)["release statement"]
        if released:
            facts.found["release statement"] = released
            facts.required.append("release statement")
        if not facts.found["license"] and not facts.closed:  # a sentence that says so outweighs API access
            service = scan(card, {"withheld": API_ACCESS}, where=lambda b: _not_in_code(b) and b.kind != "heading")[
                "withheld"
            ]
            # a heading or a table-of-contents entry ("- [Web API](#web-api)") names a section, it says nothing
            # (weights/partial-toc-entry-is-not-api-access.md)
            facts.closed += [h for h in service if not TOC_ENTRY.match(_line(card, h.line))][:1]


# fmt: off
WEIGHTS = criterion_rule(
    "weights", CODES, doc=__doc__, required=("download location", "license"), hints=HINTS, subject=SUBJECT,
    sections=SECTIONS, find=_find, refine=_release_statement_or_service,
)
# fmt: on
check, RULE, repro_lint_rules = WEIGHTS.check, WEIGHTS.rule, WEIGHTS.hook
