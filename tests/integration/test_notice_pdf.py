"""The public notice board PDF: CJK font embedded, text extracts, every certificate and factor."""

from __future__ import annotations

from pathlib import Path

import pytest

from salesdesk.services.container import Services
from tests.pdfcheck import assert_cjk_embedded, compact, pdf_text


def test_notice_lists_every_certificate_and_factor(demo: Services, reception,
                                                   tmp_path: Path) -> None:
    out = demo.notice.print_notice(reception, tmp_path / "notice.pdf")
    assert_cjk_embedded(out)
    text = compact(pdf_text(out))
    overview = demo.projects.overview(reception)
    assert overview.sunshine is not None
    assert compact(overview.sunshine.title) in text
    for c in overview.certificates:
        assert compact(c.number) in text, c.number
        assert compact(c.label) in text
    for f in overview.factors:
        assert compact(f.title) in text, f.title
        assert compact(f.description) in text, f.description
        assert f"约{f.distance_m:g}米" in text
    assert "3号楼不在任何商品房预售许可证范围内" in text
    assert "12358" in text


def test_notice_needs_a_project(services: Services, tmp_path: Path) -> None:
    admin = services.auth.create_first_admin("售楼处", "赵敏", "9000")
    from salesdesk.domain.errors import NotFound

    with pytest.raises(NotFound, match="尚未导入项目"):
        services.notice.print_notice(admin, tmp_path / "n.pdf")
    assert not (tmp_path / "n.pdf").exists()
