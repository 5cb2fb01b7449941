"""Transcript highlighting: only a finding's words are marked, in any script."""

from __future__ import annotations

from api.pages.transcript import transcript_view
from tests.api.test_pages import utterance


def test_transcript_highlights_only_the_finding_words_in_any_script():
    zh = utterance("u000", "agent", 1.0, 3.0, "那 不是 我们的 问题", "zh")
    # Whisper's Chinese words have no spaces between them: the text is their concatenation.
    words = [{"start": w.span.start, "end": w.span.end, "text": w.text} for w in zh.words]
    utt = {"id": "u000", "role": "agent", "start": 1.0, "end": 3.0, "text": "那不是我们的问题", "words": words}
    arguing = {"rubric": "arguing", "start": words[1]["start"], "end": words[3]["end"], "utterance_ids": ["u000"]}
    [view] = transcript_view([utt], [arguing], "zh")
    assert [(p["text"], "finding" in p) for p in view["pieces"]] == [("那", False), ("不是我们的问题", True)]
    assert view["lang"] == "zh" and view["findings"] == [arguing]

    # Words that can't be placed in the text: the whole utterance is highlighted.
    odd = dict(utt, words=[{"start": 1.0, "end": 2.0, "text": "???"}])
    [view] = transcript_view([odd], [arguing], None)
    assert view["pieces"] == [{"text": "那不是我们的问题", "finding": arguing}]
    # A finding about another utterance highlights nothing here.
    other = dict(arguing, utterance_ids=["u009"])
    [view] = transcript_view([utt], [other], None)
    assert view["pieces"] == [{"text": "那不是我们的问题"}] and view["findings"] == []
