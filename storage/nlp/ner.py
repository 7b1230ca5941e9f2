"""The natasha adapter: models built once, person spans normalised to the nominative.

The extractor's own name finder (storage.ingest.extract.people) is what ingestion uses: it is
faster and handles rare surnames natasha's normaliser leaves inflected ("Засем"). This adapter is
kept so the two can be compared on the labelled set (bench/ingest.py prints both accuracies) and
for text where names are not preceded by a known first name.
"""
from __future__ import annotations

from functools import cache, lru_cache


@cache
def models():
    from natasha import MorphVocab, NewsEmbedding, NewsMorphTagger, NewsNERTagger, Segmenter  # noqa: PLC0415

    embedding = NewsEmbedding()
    return Segmenter(), NewsMorphTagger(embedding), NewsNERTagger(embedding), MorphVocab()


@lru_cache(maxsize=20_000)
def person_names(sentence: str) -> tuple[str, ...]:
    """Names natasha tags PER in a Russian sentence, normalised by natasha to the nominative."""
    from natasha import Doc  # noqa: PLC0415

    segmenter, morph_tagger, ner_tagger, vocab = models()
    doc = Doc(sentence)
    doc.segment(segmenter)
    doc.tag_morph(morph_tagger)
    doc.tag_ner(ner_tagger)
    names = []
    for span in doc.spans:
        if span.type == "PER":
            span.normalize(vocab)
            names.append(span.normal)
    return tuple(names)
