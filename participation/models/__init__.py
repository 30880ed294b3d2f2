from .consultation import (  # noqa: F401
    Adoption, CommentStatus, ConsultationPage, DraftKind, FeedbackPage, ParticipationComment, State,
)
from .decisions import DecisionCataloguePage, DecisionItem, DecisionStatus  # noqa: F401
from .interview import InterviewExchange, InterviewPage  # noqa: F401
from .survey import QuestionKind, SurveyAnswer, SurveyPage, SurveyQuestion, SurveyResponse  # noqa: F401
