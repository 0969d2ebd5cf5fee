"""Model instances read by hand-written SQL, as the ORM would make them: the columns of each
model named from its fields (``columns_of``), every value converted as Django converts it
(``read_rows``) and the instance made by ``Model.from_db`` (``instance_of``).

For the few queries every page view runs (``core.routing``), where Django took longer to
build and compile the ORM's query than PostgreSQL took to run it. Django offers
``Model.objects.raw`` for one model per row; these read several models side by side (a site
with its home page and settings, a page with its images)."""

from django.db import connection


def read_rows(cursor, groups) -> list[list]:
    """The cursor's rows cut into ``groups`` (each a model and the fields selected for it, in
    order, as ``columns_of`` selects them), each group's values converted as the ORM converts
    them (booleans, dates and UUIDs on SQLite, for one): per row, one list of values per group,
    or None where the group's first column is NULL (a LEFT JOIN that found nothing)."""
    ops = connection.ops
    plans = []
    for model, fields in groups:
        columns = [field.get_col(model._meta.db_table) for field in fields]
        plans.append(
            [
                (column, ops.get_db_converters(column) + column.get_db_converters(connection))
                for column in columns
            ]
        )
    result = []
    for row in cursor.fetchall():
        start, cut = 0, []
        for plan in plans:
            values = []
            for (column, functions), value in zip(plan, row[start:], strict=False):
                for function in functions:
                    value = function(value, column, connection)
                values.append(value)
            start += len(plan)
            cut.append(None if values[0] is None else values)
        result.append(cut)
    return result


def instance_of(model, fields, values):
    """A model instance from values read by hand, as the ORM makes one (``Model.from_db``)."""
    if values is None:
        return None
    return model.from_db(connection.alias, [field.attname for field in fields], values)


def columns_of(fields, alias: str) -> str:
    name = connection.ops.quote_name
    return ", ".join(f"{alias}.{name(field.column)}" for field in fields)
