"""Why a document could not be ingested; each carries a one-line reason safe to show a user.

IngestError
 ├── DocumentNotFound
 ├── DocumentTooLarge
 ├── EmptyDocument
 ├── BinaryDocument
 ├── UnknownEncoding
 ├── UnsupportedFormat
 └── NoDateFound
"""


class IngestError(Exception):
    """Base: str(error) is the one-line reason stored in documents.reason."""


class DocumentNotFound(IngestError):
    pass


class DocumentTooLarge(IngestError):
    pass


class EmptyDocument(IngestError):
    pass


class BinaryDocument(IngestError):
    pass


class UnknownEncoding(IngestError):
    pass


class UnsupportedFormat(IngestError):
    pass


class NoDateFound(IngestError):
    pass
