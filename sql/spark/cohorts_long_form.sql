-- Retention Lab: the cohort table from long-form subscription rows, in Spark SQL.
-- Equivalent to sql/duckdb/cohorts_long_form.sql; see sql/README.md.
-- Input: `subscriptions`: customer_id, month DATE, mrr. (date_trunc gives a timestamp, cast back to a DATE;
-- months_between of two first-of-month dates is a whole number.)
WITH paid AS (
  SELECT customer_id, CAST(date_trunc('MONTH', month) AS DATE) AS month, sum(mrr) AS mrr
  FROM subscriptions
  WHERE mrr > 0
  GROUP BY customer_id, CAST(date_trunc('MONTH', month) AS DATE)
),
observed AS (
  SELECT max(month) AS through FROM paid
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
