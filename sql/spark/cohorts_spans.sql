-- Retention Lab: the cohort table from subscription spans, in Spark SQL.
-- Equivalent to sql/duckdb/cohorts_spans.sql; see sql/README.md.
-- Input: `subscriptions`: customer_id, start_date DATE, end_date DATE (NULL while running), mrr.
WITH observed AS (
  SELECT CAST(date_trunc('MONTH', max(greatest(start_date, coalesce(end_date, start_date)))) AS DATE) AS through
  FROM subscriptions
),
pieces AS (
  SELECT s.customer_id, CAST(date_trunc('MONTH', s.start_date) AS DATE) AS first_month,
         least(CAST(date_trunc('MONTH', coalesce(s.end_date, o.through)) AS DATE), o.through) AS last_month,
         s.mrr
  FROM subscriptions s CROSS JOIN observed o
  WHERE s.mrr > 0 AND CAST(date_trunc('MONTH', s.start_date) AS DATE) <= o.through
),
paid AS (
  SELECT customer_id, month, sum(mrr) AS mrr
  FROM pieces
  LATERAL VIEW explode(sequence(first_month, last_month, interval 1 month)) m AS month
  GROUP BY customer_id, month
),
starts AS (
  SELECT customer_id, min(month) AS cohort FROM paid GROUP BY customer_id
),
cells AS (
  SELECT s.cohort, CAST(months_between(p.month, s.cohort) AS INT) AS period,
         count(*) AS customers, sum(p.mrr) AS revenue
  FROM paid p JOIN starts s ON p.customer_id = s.customer_id
  GROUP BY s.cohort, CAST(months_between(p.month, s.cohort) AS INT)
),
grid AS (
  SELECT c.cohort, period
  FROM (SELECT DISTINCT cohort FROM starts) c
  CROSS JOIN observed o
  LATERAL VIEW explode(sequence(0, CAST(months_between(o.through, c.cohort) AS INT))) g AS period
)
SELECT date_format(grid.cohort, 'yyyy-MM') AS cohort, grid.period,
       coalesce(cells.customers, 0) AS customers, coalesce(cells.revenue, 0) AS revenue
FROM grid LEFT JOIN cells ON grid.cohort = cells.cohort AND grid.period = cells.period
ORDER BY cohort, period;
