import pytest

from storage.search.normalize import detect_language, fold, index_terms


def test_fold_casefolds_and_drops_punctuation():
    assert fold("Засе́дание  СМИД-ОДКБ, «Ёлка»!") == "засе дание смид одкб елка"


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        ("Министров иностранных дел", ["министр", "иностранный", "дело"]),
        ("на заседании в Минске", ["заседание", "минск"]),
        ("Who chaired the meeting", ["председательствовать", "заседание"]),
        ("COVID-19 и ОДКБ", ["covid", "19", "одкб"]),
    ],
)
def test_index_terms_are_lemmas_without_stop_words(text, terms):
    assert index_terms(text) == terms


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("Who chaired the CSTO summit?", "en"),
        ("smid odkb covid", "ru"),
        ("Кто председательствовал?", "ru"),
        ("Когда прошёл CSTO summit?", "ru"),
    ],
)
def test_detects_language(question, language):
    assert detect_language(question) == language
