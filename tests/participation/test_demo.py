import io

import pytest

pytestmark = pytest.mark.django_db


def test_demo_builds_each_state_and_is_idempotent(client, site_tree, make_user):
    from participation import demo
    from participation.models import (
        ConsultationPage, DecisionCataloguePage, FeedbackPage, InterviewPage, ParticipationComment, State, SurveyPage,
    )

    make_user("admin", is_superuser=True, is_staff=True)
    demo.load(io.StringIO())
    states = {p.slug: p.state() for p in ConsultationPage.objects.all()}
    assert states == {"demo-open": State.OPEN, "demo-closed": State.CLOSED, "demo-feedback": State.FEEDBACK}
    counts = (ConsultationPage.objects.count(), FeedbackPage.objects.count(), ParticipationComment.objects.count(),
              SurveyPage.objects.count(), InterviewPage.objects.count(), DecisionCataloguePage.objects.count())
    out = io.StringIO()
    demo.load(out)
    assert "already present" in out.getvalue()
    assert counts == (ConsultationPage.objects.count(), FeedbackPage.objects.count(), ParticipationComment.objects.count(),
                      SurveyPage.objects.count(), InterviewPage.objects.count(), DecisionCataloguePage.objects.count())
    feedback = FeedbackPage.objects.live().get()
    assert "上位法要求每年至少一次" in client.get(feedback.url).content.decode()
    survey = SurveyPage.objects.get()
    assert "survey-results" in client.get(survey.url).content.decode()
    catalogue = client.get(DecisionCataloguePage.objects.get().url).content.decode()
    assert feedback.url in catalogue and 'class="missing"' in catalogue
