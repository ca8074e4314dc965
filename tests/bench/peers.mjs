// The peers an analyst would pick instead, bundled by esbuild into www/peers.js for the bench
// page: DuckDB-WASM (SQL) and PapaParse + Arquero (JavaScript). Each reads the same CSV text
// and builds the same monthly cohort triangle: cohort = a customer's first month with MRR > 0,
// period = months since then, active = customers paying (MRR > 0), revenue = their MRR.
import * as duckdb from "@duckdb/duckdb-wasm";
import Papa from "papaparse";
import * as aq from "arquero";

let connection;

async function duckdbConnection() {
  if (connection) return connection;
  const worker = new Worker("./duckdb-browser-eh.worker.js");
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate("./duckdb-eh.wasm");
  connection = { db, conn: await db.connect() };
  return connection;
}

const TRIANGLE_SQL = `
  WITH rows AS (
    SELECT customer_id,
           CAST(substr(month, 1, 4) AS INTEGER) * 12 + CAST(substr(month, 6, 2) AS INTEGER) - 1 AS mi,
           SUM(mrr) AS mrr
    FROM read_csv('subs.csv', header = true,
                  columns = {'customer_id': 'VARCHAR', 'month': 'VARCHAR', 'mrr': 'DOUBLE'})
    WHERE mrr > 0
    GROUP BY 1, 2
  ), starts AS (
    SELECT customer_id, MIN(mi) AS start FROM rows GROUP BY 1
  )
  SELECT start AS cohort, mi - start AS period, COUNT(*) AS active, SUM(mrr) AS revenue
  FROM rows JOIN starts USING (customer_id)
  GROUP BY 1, 2 ORDER BY 1, 2`;

/** Reads the CSV and builds the triangle in DuckDB; returns flat [cohort, period, active, revenue]. */
export async function duckdbTriangle(csv) {
  const { db, conn } = await duckdbConnection();
  await db.registerFileText("subs.csv", csv);
  const table = await conn.query(TRIANGLE_SQL);
  const out = [];
  for (const row of table.toArray()) {
    out.push(Number(row.cohort), Number(row.period), Number(row.active), Number(row.revenue));
  }
  await db.dropFile("subs.csv");
  return out;
}

/** Parses with PapaParse and builds the triangle with Arquero. */
export function arqueroTriangle(csv) {
  const parsed = Papa.parse(csv, { header: true, dynamicTyping: { mrr: true }, skipEmptyLines: true });
  const rows = aq
    .from(parsed.data)
    .filter((d) => d.mrr > 0)
    .derive({ mi: (d) => aq.op.parse_int(aq.op.substring(d.month, 0, 4)) * 12 + aq.op.parse_int(aq.op.substring(d.month, 5, 7)) - 1 })
    .groupby("customer_id", "mi")
    .rollup({ mrr: aq.op.sum("mrr") });
  const starts = rows.groupby("customer_id").rollup({ start: aq.op.min("mi") });
  const triangle = rows
    .join(starts, "customer_id")
    .derive({ period: (d) => d.mi - d.start })
    .groupby("start", "period")
    .rollup({ active: aq.op.count(), revenue: aq.op.sum("mrr") })
    .orderby("start", "period");
  const out = [];
  for (const row of triangle.objects()) out.push(row.start, row.period, row.active, row.revenue);
  return out;
}

export async function warmUp() {
  await duckdbConnection();
}
