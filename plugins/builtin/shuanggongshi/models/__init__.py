from .listing_page import DisclosureListingPage  # noqa: F401
from .record import DisclosureRecord, PartyType, RecordKind  # noqa: F401
