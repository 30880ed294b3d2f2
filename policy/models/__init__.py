"""Policy library (政策文件库) models, one module per concern."""
from .topics import PolicyTopic  # noqa: F401
from .tags import PolicyTag, TagCategory, TaggedPolicyDocument  # noqa: F401
from .index_numbers import IndexNumber, IndexNumberCounter  # noqa: F401
from .validity import Validity  # noqa: F401
from .service_items import ServiceItem, ServiceItemsMixin  # noqa: F401
from .document import Disclosure, DocType, PolicyAttachment, PolicyDocumentPage, PolicyRelation  # noqa: F401
from .interpretation import InterpretationKind, InterpretationPage  # noqa: F401
from .holds import PublicationHold  # noqa: F401
from .library import NormativeDocumentsPage, PolicyLibraryPage  # noqa: F401
