"""Requests made the way the app makes them (through services), for tests."""
import datetime

from disclosure_requests import services
from disclosure_requests.models import DisclosureRequest

ID_CARD = "11010519491231002X"  # the standard's own example, check character X
USCC = "91350100M000100Y43"

PERSON = dict(applicant_type="natural", name="李明华", id_type="id_card", id_number=ID_CARD, phone="13912345678",
              email="liminghua@example.com", address="上海市黄浦区人民大道200号", postcode="200003")
COMPANY = dict(applicant_type="business", name="上海某某化工有限公司", id_type="uscc", id_number=USCC,
               contact_person="王建国", phone="021-63211234", email="wangjg@example.com")


def make_request(received=datetime.date(2025, 3, 3), user=None, channel="letter", **fields):
    data = dict(PERSON)
    data.update(info_title="2024年危险化学品经营许可证核发情况", description="请提供2024年本市危险化学品经营许可证核发数量及名单。",
                delivery_form="electronic", delivery_channel="email", received_channel=channel, received_date=received)
    data.update(fields)
    item = DisclosureRequest(**data)
    code = services.register(item, user=user)
    item.query_code = code
    return item


def close(item, outcome, day, user, approver, answer="经查，现将相关信息提供给您。"):
    services.draft_answer(item, user, outcome, answer)
    services.approve_answer(item, approver)
    services.send_answer(item, user, day, "电子邮件发送")
    return item
