"""Participation: need surveys, the needs register and challenge calls with their proposals."""

from .challenges import (
    CallNeed,
    CallQuestion,
    ChallengeCallPage,
    ChallengeIndexPage,
    EvaluationCriterion,
)
from .needs import Need, NeedsIndexPage
from .proposals import (
    CriterionScore,
    Evaluation,
    EvaluatorAssignment,
    Proposal,
    ProposalAttachment,
    ProposalDecision,
    Support,
)
from .surveys import (
    CHOICE_FIELD_TYPES,
    FREE_TEXT_TYPES,
    MULTIPLE_CHOICE_TYPES,
    SURVEY_FIELD_CHOICES,
    SurveyFormField,
    SurveyIndexPage,
    SurveyPage,
    SurveySubmission,
    Theme,
)

__all__ = [
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
