"""The one StreamField block set every content page body uses."""
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock


class ImageWithCaptionBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=255)

    class Meta:
        icon = "image"
        template = "core/blocks/image.html"
        label = _("Image")


class AttachmentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(label=_("Link text"), required=False, max_length=255)

    class Meta:
        icon = "doc-full"
        template = "core/blocks/attachment.html"
        label = _("Attachment")


class TableBlock(blocks.StructBlock):
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=255)
    rows = blocks.ListBlock(
        blocks.ListBlock(blocks.CharBlock(required=False, max_length=500), label=_("Cells")),
        label=_("Rows (the first row is the header)"),
    )

    class Meta:
        icon = "table"
        template = "core/blocks/table.html"
        label = _("Table")


class BodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=255, template="core/blocks/heading.html", icon="title")
    paragraph = blocks.RichTextBlock(label=_("Paragraph"), icon="pilcrow")
    image = ImageWithCaptionBlock()
    attachment = AttachmentBlock()
    table = TableBlock()

    class Meta:
        block_counts = {}
