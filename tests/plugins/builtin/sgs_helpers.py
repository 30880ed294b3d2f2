import datetime as dt

from plugins.builtin.shuanggongshi.models import DisclosureListingPage, DisclosureRecord

HEADER = "决定文书号,相对人名称,相对人类别,证件号码,决定日期,事由,依据,结果,决定机关,公示日期\n"


def make_record(**fields):
    values = dict(
        kind="penalty", document_number="沪应急罚〔2025〕1号", party_name="上海测试有限公司",
        party_type="legal_person", id_number="91310115MA1K3ABC1X", decision_date=dt.date(2025, 9, 29),
        matter="未按规定开展隐患排查。", legal_basis="《安全生产法》第四十一条", result="罚款一万元",
        authority="上海市应急管理局", published_on=dt.date(2025, 10, 10),
    )
    values.update(fields)
    return DisclosureRecord.objects.create(**values)


def make_listing(column, kind="penalty", slug="records"):
    page = DisclosureListingPage(title="行政处罚信息公示", slug=slug, record_kind=kind)
    column.add_child(instance=page)
    page.save_revision().publish()
    return page
