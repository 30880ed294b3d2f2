from .article import ArticlePage  # noqa: F401
from .column import ColumnPage  # noqa: F401
from .link_column import LinkColumnPage  # noqa: F401
from .section import SectionPage  # noqa: F401
