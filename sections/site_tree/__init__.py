"""Load an agency's column tree from a data file (see sections/data/)."""
from .loader import LoadReport, apply_site_tree  # noqa: F401
from .spec import SiteTreeError, parse_site_tree, read_site_tree  # noqa: F401
