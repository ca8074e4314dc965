#!/usr/bin/env python3
"""Runs one of sql/*/*.sql on a CSV with a real DuckDB and writes the cohort table it returns
as CSV: `run_duckdb.py <sql file> <long|spans> <input.csv> <output.csv> [dialect]`.

Without a dialect the file is DuckDB SQL and runs as written. With one (postgres, bigquery,
spark) it is first translated into DuckDB's dialect by sqlglot: a check that the other
dialects' files say the same thing, short of running them on their own engines.

Input CSVs as the app's importer reads them: long form `customer_id,month,mrr` (month YYYY-MM);
spans `customer_id,start,end,mrr` (ISO dates, end empty while running). Used by
tests/warehouse_sql.rs, which compares the result with the app's own triangle."""
import sys

import duckdb

sql_file, form, source, target = sys.argv[1:5]
dialect = sys.argv[5] if len(sys.argv) > 5 else None
con = duckdb.connect()
# A view cannot take a prepared parameter: the path goes in as a quoted literal.
csv = "read_csv('" + source.replace("'", "''") + "', all_varchar = true, header = true)"
if form == "long":
    con.execute(
        "CREATE VIEW subscriptions AS SELECT customer_id, "
        "strptime(month || '-01', '%Y-%m-%d')::DATE AS month, mrr::DOUBLE AS mrr "
        "FROM " + csv
    )
elif form == "spans":
    con.execute(
        "CREATE VIEW subscriptions AS SELECT customer_id, start::DATE AS start_date, "
        "nullif(\"end\", '')::DATE AS end_date, mrr::DOUBLE AS mrr "
        "FROM " + csv
    )
else:
    sys.exit(f"unknown form {form}")
query = open(sql_file, encoding="utf-8").read().strip().rstrip(";")
if dialect:
    import sqlglot

    query = sqlglot.transpile(query, read=dialect, write="duckdb")[0]
rows = con.execute(query).fetchall()
with open(target, "w", encoding="utf-8") as out:
    out.write("cohort,period,customers,revenue\n")
    for cohort, period, customers, revenue in rows:
        out.write(f"{cohort},{period},{customers},{float(revenue)!r}\n")
