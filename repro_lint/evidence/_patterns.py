"""Pattern tables shared by all criteria: placeholders, template text, withholding, promises, usage headings."""

from __future__ import annotations

import re

from ..prefilter import lazy as _compile

IGNORECASE = re.IGNORECASE

#: Placeholder spans: removed from a block before matching; a block that is only placeholders is empty.
PLACEHOLDER = _compile(
    r"\[?more information needed\]?|\[?more info(?:rmation)? (?:is )?needed\]?|\bneeds? more information\b"
    r"|\[(?:optional|required)?\s*(?:todo|tbd|tba)\]|\b(?:todo|tbd|tba|fixme|xxx)\b:?"
    r"|\bcoming soon\b|\bto be (?:added|updated|announced|determined)\b|\(?\bn/a\b\)?"
    r"|\{\{[^{}\n]{0,200}\}\}|待补充|待完善|待更新|敬请期待|暂无",
    IGNORECASE,
)

#: Stock sentences of the Hugging Face and Trainer templates; they carry no information.
TEMPLATE_SENTENCE = _compile(
    r"this model ?card (?:aims to be a base template|has been (?:automatically )?generated automatically)"
    r"|provide a (?:quick|longer) summary of what the model is"
    r"|use the code below to get started with the model"
    r"|this is the model card of a 🤗 transformers model"
    r"|on (?:the None|an unknown) dataset",
    IGNORECASE,
)

#: Sentence-level withholding. Paired with a criterion's subject words it makes the criterion closed.
WITHHELD = _compile(
    r"\b(?:not|never|n't|no longer)\s+(?:be\s+|been\s+|being\s+)?(?:publicly\s+|openly\s+|yet\s+)?"
    r"(?:released|disclosed|shared|published|open[- ]?sourced?|made (?:public|available)|available|provided|public"
    r"|releasing|disclosing|sharing|publishing|open[- ]?sourcing|providing|making (?:[\w-]+ ){0,3}(?:public|available))\b"
    r"|\b(?:do|does|did|will|can|could)\s+not\s+(?:publicly\s+)?(?:release|disclose|share|publish|provide|open[- ]?source"
    r"|distribute|redistribute)\b(?!d)"
    r"|\b(?:cannot|can't|won't|don't|doesn't)\s*(?:publicly\s+)?(?:release|disclose|share|publish|provide|open[- ]?source)\b(?!d)"
    r"|\bcannot be (?:released|shared|disclosed|made public)|\bunable to (?:publicly )?(?:release|share|disclose|redistribute|distribute|publish|open[- ]?source)\b"
    # "no downloadable version", "cannot be downloaded" (phrases/withheld-other-words.md)
    # "Neither the corpus nor the training methodology will be published" (phrases/withheld-other-words.md)
    r"|\bneither\b[^.\n]{1,80}?\bnor\b[^.\n]{1,80}?\b(?:will|is|are|was|were|has|have) (?:be |been )?(?:released|published"
    r"|shared|disclosed|made (?:public|available)|available)\b"
    r"|\bno downloadable\b|\bnot downloadable\b|\b(?:cannot|can't|can not) be (?:downloaded|redistributed)\b"
    # "we have no plans to release the weights" (phrases/withheld-other-words.md)
    r"|\bno (?:current )?plans? to (?:release|open[- ]?source|share|publish)\b"
    # "do not make the weights available" (phrases/withheld-other-words.md)
    r"|\b(?:do|does|did|will) not make\b(?:\s+[\w-]+){0,4}?\s+(?:available|public)\b"
    # "the recordings remain private", "kept private" (phrases/withheld-other-words.md)
    r"|\b(?:remains?|remained|kept) (?:strictly )?(?:private|internal|confidential|in-house)\b|\btrade secrets?\b"
    r"|\b(?:not|n't) (?:be )?(?:able|allowed|permitted|authori[sz]ed) to (?:publicly |openly )?(?:release|share|disclose|publish|distribute|open[- ]?source|provide|make)\b"
    r"|\bclosed[- ](?:weights?|models?)\b"
    r"|\bproprietary\b|\bclosed[- ]source\b"
    r"|\bconfidential\b|\bwithheld\b|\bundisclosed\b|\bnot open\b"
    r"|\b(?:only|exclusively) (?:available |accessible )?(?:through|via|by|from|on) (?:our |the )?(?:[\w-]+ ){0,2}?(?:api|platform|chat|web|cloud|service)"
    r"|\bapi[- ]only\b|\bavailable (?:only )?(?:through|via|across|on) (?:our |an? |the )?(?:paid )?(?:[\w-]+ ){0,2}api\b"
    # "available in the Health Insights cognitive service as an API" (weights/closed-available-in-a-service-as-an-api.md)
    r"|\bavailable (?:only )?in (?:the |our )?(?:[\w-]+ ){0,4}(?:cognitive |cloud |ai |web )?service as an? api\b"
    r"|\bonly (?:support|offer|provide|allow)s? (?:controlled |limited )?(?:access|use)\b[^.\n]{0,40}\b(?:through|via) (?:our |the )?(?:\w+ )?api\b"
    r"|商业机密|商业秘密|不披露|未披露|不予披露|不公开|未公开|暂不公开|不开源|暂不开源|暂未开源|未开源|闭源|不对外|私有数据|专有数据|无法公开|不予公开|仅(?:通过|提供)\s*api|暂不(?:提供|开放|发布|对外)|不(?:提供|开放)(?:下载|权重|数据)"
    # 仅通过某平台 API 调用, 不提供模型权重下载: the service named between 仅通过 and API; a word between 不提供 and what it is
    r"|仅(?:通过|经由)[^，。,；;\n]{0,16}?(?:api|接口)|不(?:提供|开放)[^，。,；;\n\d]{1,4}?(?:下载|权重|数据)"
    # "训练好的模型和服务不会被提供", "不会公开": will not be provided or made public (weights/closed-zh-will-not-be-provided.md)
    r"|不会(?:被)?(?:提供|公开|开源|发布|开放)",
    IGNORECASE,
)

#: Other people's models as a category: "outperforms closed-source models", "open-source and proprietary LLMs",
#: 开源与闭源. A comparison, not a statement that this release withholds anything: such a sentence is not
#: skipped as withholding (fixtures/training_data/partial-zh-compared-with-open-and-closed-models.md).
OTHERS_CATEGORY = _compile(
    r"\b(?:closed[- ]source|proprietary|closed[- ]weights?)\s+(?:[\w-]+\s+)?(?:models|LLMs|systems|counterparts|competitors"
    r"|alternatives|rivals)\b"
    r"|\bopen[- ]?(?:source|weights?)\s*(?:and|or|&|/|vs\.?|versus)\s*(?:closed[- ]source|closed[- ]weights?|proprietary)\b"
    r"|\b(?:closed[- ]source|closed[- ]weights?|proprietary)\s*(?:and|or|&|/|vs\.?|versus)\s*open[- ]?(?:source|weights?)\b"
    r"|开源\s*(?:与|和|及|或|、|/)\s*闭源|闭源\s*(?:与|和|及|或|、|/)\s*开源"
    r"|(?:超越|超过|媲美|比肩|优于|对标|领先于?|赶超|接近|相比|对比)[^，。,.\n]{0,10}闭源(?:大)?模型",
    IGNORECASE,
)


def names_others(sentence: str, at: int) -> bool:
    """True when the withholding words at ``at`` name a category of other models ("closed-source models")."""
    return any(m.start() <= at < m.end() for m in OTHERS_CATEGORY.finditer(sentence, max(0, at - 40), at + 80))


#: Units that count data, for every kind of model: text, images, audio, video, molecules, episodes, genomes.
#: A source string for rules to build patterns from: "1.2T tokens" is data, "1.2T" alone may be a model's size.
DATA_UNIT = (
    r"\b(?:tokens?|examples|samples|instructions?|conversations|dialogues|dialogs|chats|documents|pairs|images|hours"
    r"|sentences|words"
    r"|prompts|links|turns|preferences"
    r"|clips|videos|frames|utterances|recordings|captions|molecules|conformations|structures|proteins|sequences"
    r"|trajectories|episodes|demonstrations"
    r"|queries|triplets|records|repositories|files|books|papers|articles|web ?pages|time[- ]series|observations"
    r"|(?:time|data)[- ]points|scans|slides|patients"
    r"|notes|summaries|reports|transcripts|abstracts|posts|problems|photos|photographs|radiographs|tiles"
    r"|comments|tweets|reviews|messages|threads"
    r"|tasks|questions|annotations|instances|emails|chats|stories|games|maps|songs|genomes|specimens|readings"
    r"|measurements|composites|paintings|artworks|illustrations|drawings|renders"
    r"|nucleotides|base pairs|residues|reads|variants|cells|patches|crops|chips|items)\b"
)
#: Future promises: a sentence that only says something will come is not evidence.
FUTURE = _compile(
    r"\bwill (?:be )?(?:soon )?(?:release|publish|open[- ]?source|share|made available|available|provide|upload|update)"
    r"|\b(?:to be|soon to be) (?:released|published|open[- ]?sourced)|\bplan(?:s|ned)? to (?:release|open|publish)"
    r"|\bcoming soon\b|\bin the (?:near )?future\b|\bupcoming\b|\bforthcoming\b"
    # "Release training code (scheduled in Jan. 2021)": a task given a date to come
    # (fixtures/training_method/absent-release-scheduled-for-a-date.md)
    r"|\bscheduled (?:in|for) (?:\*{0,2})(?:early |late |mid-?)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|q[1-4]|20\d\d"
    r"|next)"
    # an unchecked task of a to-do list, "- [ ] Release training code" (training_method/absent-unchecked-todo-items.md)
    r"|^\s*\[ \]\s"
    # a condition, not a fact: "when a new version of the model is released", "once the weights are released"
    r"|\b(?:when|whenever|once|if|until)\b[^.,;\n]{0,60}\b(?:is|are|gets?) (?:\w+ )?released\b"
    r"|即将|后续(?:将|会)?(?:开源|发布|公开)|敬请期待|将(?:会)?(?:开源|发布|公开)|计划(?:开源|发布)"
    # a time to come: "将于近期开源", "将在论文接收后发布" (fixtures/training_method/partial-zh-promised-at-a-time.md)
    r"|将(?:于|在)[^。，\n]{0,12}?(?:开源|发布|公开)|(?:近期|稍后)(?:开源|发布|公开)",
    IGNORECASE,
)

#: Headings of user-facing sections: how to use or adapt the model, not how it was made.
USAGE_HEADING = _compile(
    r"\busage\b|\bhow to (?:use|get started|run|fine-?tune)|\bget(?:ting)? started|quick ?start|\binference\b"
    r"|\binstall|\bdeploy|\bdemo\b|\bserving\b|\bquantiz|\bexamples?\b|\bdownstream use|\bcitation\b|\bcite\b|\bbibtex\b"
    r"|fine-?tun\w* (?:on|with|for) (?:your|custom|own)|your own data|\bcommunity\b|\bfaq\b|\bnews\b|\bupdates?\b"
    r"|\bchangelog\b|\brelease notes?\b|\bcontact\b|\backnowledg|\bdisclaimer|\blimitations?\b|\bbias\b|\brisks?\b"
    r"|使用方法|快速开始|快速使用|快速上手|推理|部署|安装|示例|引用|致谢|免责|声明|局限|新闻|更新|动态|常见问题|下游|微调你的|用于下游",
    IGNORECASE,
)

#: Where a Latin word or number starts and ends. Python's ``\b`` counts a Chinese character as a word character, so
#: it sees no boundary in "使用SGD优化器" or "batch_size为16"; these see one (rules build patterns from them).
LATIN_BEFORE = r"(?<![0-9A-Za-z_])"
LATIN_AFTER = r"(?![0-9A-Za-z_])"

#: Link targets and bare URLs: ``github.com/…`` or ``arxiv.org/…`` inside a link is an address, not prose.
_URL = _compile(r"\]\([^()\s]{1,2000}\)|\bhttps?://[^\s<>()\[\]\"'`|]{1,2000}")


#: Where one clause ends and another begins: "AdamW and a cosine schedule; the values will be shared later", "trained on
#: X, which will be released later" (fixtures/training_data/partial-named-corpus-which-will-be-released.md), "trained on
#: X, achieving 28.5% on HellaSwag".
CLAUSE_BREAK = _compile(
    r"[;；]|[,，]\s*(?:and|but|while|whereas|although|though|however|yet|so|which)\b|[,，]\s*(?:但|而|并且|不过|其中)|\s—\s|\s-\s"
    # ", achieving 28.5% on HellaSwag": a result told after what was done (training_data/partial-trained-on-then-score.md)
    r"|,\s*(?:achieving|reaching|scoring|obtaining|outperforming)\b",
    IGNORECASE,
)
