"""Another organisation's bundle whose manifest writes its name decomposed (NFD, as a Mac or
another program may save it) is refused naming it as the app writes every text, in NFC: the
message's “Đoàn xã Tân Hưng” is the same letters the user reads and searches, and one of the
same name as this copy's is told apart as such."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from bundle_sync import bundle_of, every_row
from doancoso.core.bundle.merge import apply
from doancoso.core.bundle.rows import DictSource
from doancoso.core.bundle.sync_errors import ForeignBundle
from doancoso.core.organization import OrganizationInfo
from doancoso.core.workspace import Workspace


def _nfd_bundle(home: Workspace) -> DictSource:
    source = bundle_of(home)
    organization = dict(source.manifest["organization"])
    organization["name"] = unicodedata.normalize("NFD", organization["name"])
    source.manifest["organization"] = organization
    return source


@pytest.mark.parametrize(
    ("name", "said"),
    [
        (
            "Đoàn xã Tân Lộc",
            "Tệp này là dữ liệu của “Đoàn xã Tân Hưng”, không phải của “Đoàn xã Tân Lộc”.",
        ),
        (
            "Đoàn xã Tân Hưng",
            "Tệp này là dữ liệu của một Đoàn cơ sở khác cũng tên “Đoàn xã Tân Hưng”",
        ),
    ],
)
def test_a_decomposed_organisation_name_is_said_in_nfc(
    home: Workspace, tmp_path: Path, name: str, said: str
) -> None:
    with Workspace.open(tmp_path / "other") as other:
        other.organization.create(OrganizationInfo(name=name, superior_name="Tỉnh đoàn Cà Mau"))
        other.branches.create("Chi đoàn 1")
        before = every_row(other)

        with pytest.raises(ForeignBundle) as caught:
            apply(other, _nfd_bundle(home))

        message = caught.value.message
        assert message.startswith(said)
        assert unicodedata.is_normalized("NFC", message)
        assert every_row(other) == before
