"""Example namespace file: a script the flows of company.team share."""


def transform(rows):
    return [row for row in rows if row.get("status") == "paid"]
