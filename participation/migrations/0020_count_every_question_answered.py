from collections import Counter

from django.db import migrations


def answered_only_questions(apps):
    """(page id → {question key: type}) of the questions counted only as answered."""
    from participation.surveys.tallies import COUNTED_TYPES, NOT_COUNTED_TYPES

    SurveyFormField = apps.get_model("participation", "SurveyFormField")
    questions = {}
    for field in SurveyFormField.objects.all():
        if (
            field.field_type in COUNTED_TYPES
            or field.field_type in NOT_COUNTED_TYPES
            or field.personal_data
            or field.field_type == "email"
        ):
            continue
        questions.setdefault(field.page_id, {})[field.clean_name] = field.field_type
    return questions


def count_free_text_answers(apps, schema_editor):
    """Free-text (and other uncounted) questions now count how many answered them."""
    from participation.surveys.tallies import EVERY, facts, keyed, slice_of, write_rows

    SurveyPage = apps.get_model("participation", "SurveyPage")
    SurveySubmission = apps.get_model("participation", "SurveySubmission")
    questions = answered_only_questions(apps)
    keys = dict(SurveyPage.objects.values_list("pk", "translation_key"))
    rows = Counter()
    answers = SurveySubmission.objects.filter(page_id__in=list(questions)).order_by()
    for submission in answers.iterator(chunk_size=2000):
        found = facts(submission.form_data, questions[submission.page_id])
        del found[(EVERY, "", "")]  # the answer itself is counted already
        rows.update(keyed(keys[submission.page_id], found, slice_of(submission)))
        if len(rows) > 200_000:
            write_rows(rows)
            rows.clear()
    write_rows(rows)


def forget_free_text_counts(apps, schema_editor):
    from participation.surveys.tallies import EVERY

    AnswerCount = apps.get_model("participation", "AnswerCount")
    SurveyPage = apps.get_model("participation", "SurveyPage")
    keys = dict(SurveyPage.objects.values_list("pk", "translation_key"))
    for page_id, fields in answered_only_questions(apps).items():
        AnswerCount.objects.filter(
            survey_key=str(keys[page_id]), question__in=list(fields), part=EVERY
        ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("participation", "0019_latest_answers_by_slice"),
    ]

    operations = [
        migrations.RunPython(count_free_text_answers, forget_free_text_counts),
    ]
