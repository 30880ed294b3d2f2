"""专题专栏: themed special-topic columns (进博会, 安全生产月 …), a built-in plugin."""
