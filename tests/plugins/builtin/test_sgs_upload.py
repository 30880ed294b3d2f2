"""Uploading a CSV in the admin: per-row results, permissions, hostile files."""
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from plugins.builtin.shuanggongshi.models import DisclosureRecord
from tests.plugins.builtin.sgs_helpers import HEADER

URL = "/admin/shuanggongshi/import/"
GOOD = "沪应急罚〔2025〕1号,上海锦程化工有限公司,法人,91310115MA1K3ABC1X,2025-09-03,事由,依据,罚款,上海市应急管理局,2025-09-09\n"
BAD = "沪应急罚〔2025〕2号,某公司,法人,,2025-02-30,事由,依据,结果,上海市应急管理局,\n"


def upload(client, content, **extra):
    data = {"kind": "penalty", "csv_file": SimpleUploadedFile("records.csv", content, content_type="text/csv"), **extra}
    return client.post(URL, data)


@pytest.fixture
def admin_client(client, make_user, site_tree):
    client.force_login(make_user("importer", is_superuser=True, is_staff=True))
    return client


def test_upload_imports_good_rows_and_lists_bad_ones(admin_client):
    assert admin_client.get(URL).status_code == 200
    response = upload(admin_client, (HEADER + GOOD + BAD).encode("gb18030"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "2025-02-30" in html and "<td>3</td>" in html
    assert list(DisclosureRecord.objects.values_list("document_number", flat=True)) == ["沪应急罚〔2025〕1号"]


@pytest.mark.parametrize("content", [b"", b"\xff\xfe\x81" * 100, b"a,b\n1,2\n", "<script>x</script>".encode()])
def test_hostile_files_are_form_errors(admin_client, content):
    response = upload(admin_client, content)
    assert response.status_code == 200
    assert "<script>x</script>" not in response.content.decode()
    assert DisclosureRecord.objects.count() == 0


def test_editors_without_permission_are_refused(client, make_user, site_tree):
    client.force_login(make_user("editor", groups=["宣传培训处"]))
    assert client.get(URL).status_code in (302, 403)
    response = upload(client, (HEADER + GOOD).encode())
    assert response.status_code in (302, 403)
    assert DisclosureRecord.objects.count() == 0
