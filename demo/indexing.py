"""Search and reference indexes rebuilt once after the demo is built, not once per save.

Building the demo saves pages about 450 times (drafts, revisions, publications, translations);
each save queues a search-index and a reference-index update, about 1,000 tasks that take
20 s of a 40 s build. Wagtail offers a switch for the reference index only
(``disable_reference_index_auto_update``); modelsearch has none, so its post-save handler is
disconnected for the build and both indexes are rebuilt by their own management commands.
"""

from contextlib import contextmanager

from django.core.management import call_command
from django.db.models.signals import post_save
from modelsearch import index
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.signal_handlers import disable_reference_index_auto_update


@contextmanager
def indexes_rebuilt_once():
    models = [
        model for model in index.get_indexed_models() if getattr(model, "search_auto_update", True)
    ]
    for model in models:
        post_save.disconnect(post_save_signal_handler, sender=model)
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        for model in models:
            post_save.connect(post_save_signal_handler, sender=model)
    call_command("update_index", verbosity=0)
    call_command("rebuild_references_index", verbosity=0)
