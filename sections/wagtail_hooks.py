from wagtail import hooks


@hooks.register("pagecache_related_pages")
def sibling_items_showing_the_page(page):
    """An item's 上一篇/下一篇 and 相关信息 are on its siblings' pages: purge those with it."""
    from .models.neighbours import NeighboursMixin, items_showing

    if isinstance(page, NeighboursMixin):
        return items_showing(page), []
    return [], []
