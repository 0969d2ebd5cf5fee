"""Every model of the ``participation`` app, gathered for Django's app registry.

Each room keeps its own models (``surveys``, ``needs``, ``challenges``); code inside the app
imports them from their room, never from here.
"""

from .challenges.models import (
    CriterionScore,
    Evaluation,
    EvaluatorAssignment,
    Proposal,
    ProposalAttachment,
    ProposalDecision,
    Support,
)
from .challenges.pages import (
    CallNeed,
    CallQuestion,
    ChallengeCallPage,
    ChallengeIndexPage,
    EvaluationCriterion,
)
from .hubs.models import Facilitator
from .needs.models import Need
from .needs.pages import NeedsIndexPage
from .surveys.models import (
    CHOICE_FIELD_TYPES,
    FREE_TEXT_TYPES,
    MULTIPLE_CHOICE_TYPES,
    SURVEY_FIELD_CHOICES,
    AnswerCount,
    SurveyFormField,
    SurveySubmission,
    Theme,
)
from .surveys.pages import SurveyIndexPage, SurveyPage

__all__ = [
    "AnswerCount",
    "CHOICE_FIELD_TYPES",
    "FREE_TEXT_TYPES",
    "MULTIPLE_CHOICE_TYPES",
    "SURVEY_FIELD_CHOICES",
    "CallNeed",
    "CallQuestion",
    "ChallengeCallPage",
    "ChallengeIndexPage",
    "CriterionScore",
    "Evaluation",
    "EvaluationCriterion",
    "EvaluatorAssignment",
    "Facilitator",
    "Need",
    "NeedsIndexPage",
    "Proposal",
    "ProposalAttachment",
    "ProposalDecision",
    "Support",
    "SurveyFormField",
    "SurveyIndexPage",
    "SurveyPage",
    "SurveySubmission",
    "Theme",
]
