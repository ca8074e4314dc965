-- Retention Lab: the cohort table from long-form subscription rows, in BigQuery (GoogleSQL).
-- Equivalent to sql/duckdb/cohorts_long_form.sql; see sql/README.md.
-- Input: `subscriptions` (replace with `project.dataset.table`): customer_id, month DATE, mrr.
WITH paid AS (
  SELECT customer_id, DATE_TRUNC(month, MONTH) AS month, SUM(mrr) AS mrr
  FROM subscriptions
  WHERE mrr > 0
  GROUP BY 1, 2
),
observed AS (
  SELECT MAX(month) AS through FROM paid
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
