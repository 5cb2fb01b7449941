"""Personal data in call transcripts: detection, redacted text, and the audio spans to mask.

    spans = detect(call)                                  # list[PiiSpan]
    text = redact_utterance_text(call.utterances[i], spans, i)   # "my card is [CARD_NUMBER]"
    mask = audio_spans(spans, margin_s=0.15)              # list[Span] to replace by a tone

See ``qa/redact/README.md`` for what is detected in which language, the libraries chosen, and
the measured recall and precision.
"""

from qa.redact.apply import audio_spans, redact_utterance_text
from qa.redact.detect import detect
from qa.redact.records import ENTITIES, PiiSpan, RedactOptions, placeholder

__all__ = [
    "ENTITIES",
    "PiiSpan",
    "RedactOptions",
    "audio_spans",
    "detect",
    "placeholder",
    "redact_utterance_text",
]
