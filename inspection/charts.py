"""Small server-side SVG charts for the dashboards.

Drawn here rather than with a JavaScript chart library: the admin must work
without a CDN (government networks often block them) and without scripts,
and a 30-point line and a few bars need nothing more. Each chart carries a
text table alternative for screen readers.
"""
from django.utils.html import format_html, format_html_join


def line_chart(points, width=640, height=160, label=""):
    """points: [(x label, value)], drawn left to right, y from 0 to the maximum."""
    if not points:
        return ""
    top = max(max(v for _x, v in points), 1)
    pad = 28
    step = (width - 2 * pad) / max(1, len(points) - 1)
    coords = [(pad + i * step, height - pad - (v / top) * (height - 2 * pad)) for i, (_x, v) in enumerate(points)]
    path = " ".join(f"{x:.1f},{y:.1f}" for x, y in coords)
    dots = format_html_join("", '<circle cx="{}" cy="{}" r="3"><title>{}: {}</title></circle>',
                            ((f"{x:.1f}", f"{y:.1f}", p[0], p[1]) for (x, y), p in zip(coords, points)))
    return format_html(
        '<svg class="inspection-chart" viewBox="0 0 {w} {h}" width="100%" role="img" aria-label="{label}">'
        '<line x1="{pad}" y1="{base}" x2="{right}" y2="{base}" stroke="#999"/>'
        '<text x="2" y="{ty}" font-size="11">{top}</text><text x="2" y="{base}" font-size="11">0</text>'
        '<polyline fill="none" stroke="#007d7e" stroke-width="2" points="{path}"/>'
        '<g fill="#007d7e">{dots}</g>'
        '<text x="{pad}" y="{h1}" font-size="11">{first}</text><text x="{right}" y="{h1}" font-size="11" text-anchor="end">{last}</text>'
        "</svg>",
        w=width, h=height, label=label, pad=pad, base=height - pad, right=width - pad, ty=pad, top=top, path=path,
        dots=dots, h1=height - 8, first=points[0][0], last=points[-1][0],
    )


def bar_rows(rows, width=320):
    """rows: [(label, value)]; horizontal bars as inline SVG, one per row."""
    top = max([v for _l, v in rows] + [1])
    return [
        (label, value, format_html(
            '<svg width="{w}" height="14" aria-hidden="true"><rect width="{bw}" height="14" fill="#cd4444"></rect></svg>',
            w=width, bw=int(width * value / top)))
        for label, value in rows
    ]
