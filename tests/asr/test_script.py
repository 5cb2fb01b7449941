"""Mandarin transcripts in one script, the words' timings kept."""

import pytest

from qa.asr import RawWord, TranscriptionOptions, to_chinese_script


def test_chinese_words_are_converted_to_one_script_with_their_timings():
    words = [RawWord(0.0, 0.4, "我", 0.9), RawWord(0.4, 0.9, "離開", 0.8), RawWord(1.0, 1.5, "头发", 0.7),
             RawWord(1.5, 2.0, "了,", 0.9), RawWord(2.0, 2.2, " OK", 0.9)]  # fmt: skip
    simple = to_chinese_script(words, "simplified")
    assert [w.text for w in simple] == ["我", "离开", "头发", "了,", " OK"]
    assert [(w.start, w.end, w.probability) for w in simple] == [(w.start, w.end, w.probability) for w in words]
    assert [w.text for w in to_chinese_script(words, "traditional")] == ["我", "離開", "頭髮", "了,", " OK"]
    assert to_chinese_script([], "simplified") == []
    with pytest.raises(Exception, match="Chinese script"):
        TranscriptionOptions(chinese_script="cantonese")
