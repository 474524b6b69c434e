"""A font that has Chinese glyphs, for charts.

Matplotlib's default font has no CJK glyphs and draws Chinese as empty boxes. We look for
a system font by family name, then for the Noto Sans CJK file shipped by the ``mplfonts``
package (``pip install 'pucli[cjk]'``), located with ``importlib.util.find_spec`` so the
package itself is never imported. With neither, callers draw English labels.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

CJK_FAMILIES = (
    "Noto Sans CJK SC", "Noto Sans CJK JP", "Noto Sans CJK TC", "Noto Sans SC",
    "Source Han Sans SC", "Source Han Sans CN", "Source Han Sans",
    "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "SimHei", "Microsoft YaHei",
    "PingFang SC", "Hiragino Sans GB", "Heiti SC", "STHeiti", "Noto Serif CJK SC",
)
PACKAGED = ("mplfonts", ("NotoSansCJKsc-Regular.otf", "SimHei.ttf"))


def packaged_font_file() -> Path | None:
    """The CJK font file of the ``mplfonts`` package, when it is installed."""
    package, files = PACKAGED
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    for location in spec.submodule_search_locations:
        for name in files:
            candidate = Path(location) / "fonts" / name
            if candidate.is_file():
                return candidate
    return None


def find_cjk_font() -> str | None:
    """The family name of a usable CJK font (registering the packaged one), or None."""
    from matplotlib import font_manager

    installed = {f.name for f in font_manager.fontManager.ttflist}
    for family in CJK_FAMILIES:
        if family in installed:
            return family
    path = packaged_font_file()
    if path is None:
        return None
    font_manager.fontManager.addfont(str(path))
    return font_manager.FontProperties(fname=str(path)).get_name()
