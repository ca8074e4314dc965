-- Retention Lab: the cohort table from subscription spans, in BigQuery (GoogleSQL).
-- Equivalent to sql/duckdb/cohorts_spans.sql; see sql/README.md.
-- Input: `subscriptions`: customer_id, start_date DATE, end_date DATE (NULL while running), mrr.
WITH observed AS (
  SELECT DATE_TRUNC(MAX(GREATEST(start_date, COALESCE(end_date, start_date))), MONTH) AS through
  FROM subscriptions
),
pieces AS (
  SELECT s.customer_id, DATE_TRUNC(s.start_date, MONTH) AS first_month,
         LEAST(DATE_TRUNC(COALESCE(s.end_date, o.through), MONTH), o.through) AS last_month,
         s.mrr
  FROM subscriptions s CROSS JOIN observed o
  WHERE s.mrr > 0 AND DATE_TRUNC(s.start_date, MONTH) <= o.through
),
paid AS (
  SELECT customer_id, month, SUM(mrr) AS mrr
  FROM pieces
  CROSS JOIN UNNEST(GENERATE_DATE_ARRAY(first_month, last_month, INTERVAL 1 MONTH)) AS month
  GROUP BY 1, 2
),
starts AS (
  SELECT customer_id, MIN(month) AS cohort FROM paid GROUP BY customer_id
),
cells AS (
  SELECT s.cohort, DATE_DIFF(p.month, s.cohort, MONTH) AS period,
         COUNT(*) AS customers, SUM(p.mrr) AS revenue
  FROM paid p JOIN starts s USING (customer_id)
  GROUP BY s.cohort, period
),
grid AS (
  SELECT c.cohort, period
  FROM (SELECT DISTINCT cohort FROM starts) c
  CROSS JOIN observed o
  CROSS JOIN UNNEST(GENERATE_ARRAY(0, DATE_DIFF(o.through, c.cohort, MONTH))) AS period
)
SELECT FORMAT_DATE('%Y-%m', grid.cohort) AS cohort, grid.period,
       COALESCE(cells.customers, 0) AS customers, COALESCE(cells.revenue, 0) AS revenue
FROM grid LEFT JOIN cells USING (cohort, period)
ORDER BY cohort, period;
