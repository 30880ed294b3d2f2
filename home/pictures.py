"""The first picture of an item's body, for the 图片新闻 carousel (one query for all images)."""


def _first_image_id(page):
    body = getattr(page, "body", None)
    if body is None:
        return None
    for block in body.raw_data:
        if block.get("type") == "image":
            value = block.get("value") or {}
            image_id = value.get("image") if isinstance(value, dict) else None
            if image_id:
                return image_id
    return None


def with_first_picture(items, limit):
    """[(item, image)] for the first ``limit`` items whose body holds an image, in the items' order."""
    from wagtail.images import get_image_model

    wanted = [(item, _first_image_id(item)) for item in items]
    wanted = [(item, image_id) for item, image_id in wanted if image_id]
    images = get_image_model().objects.in_bulk([image_id for _item, image_id in wanted])
    result = [(item, images[image_id]) for item, image_id in wanted if image_id in images]
    return result[:limit]
