-- Retention Lab: the cohort table from long-form subscription rows, in PostgreSQL.
-- Equivalent to sql/duckdb/cohorts_long_form.sql (which a test runs against the app's own
-- triangle); the same input, output and definitions; see sql/README.md.
-- Input: subscriptions(customer_id, month date, mrr numeric), one row per customer and month.
WITH paid AS (
    SELECT customer_id, date_trunc('month', month)::date AS month, sum(mrr) AS mrr
    FROM subscriptions
    WHERE mrr > 0
    GROUP BY customer_id, date_trunc('month', month)::date
),
observed AS (
    SELECT max(month) AS through FROM paid
),
starts AS (
    SELECT customer_id, min(month) AS cohort FROM paid GROUP BY customer_id
),
cells AS (
    SELECT s.cohort,
           ((extract(year FROM p.month) - extract(year FROM s.cohort)) * 12
             + extract(month FROM p.month) - extract(month FROM s.cohort))::int AS period,
           count(*) AS customers, sum(p.mrr) AS revenue
    FROM paid p JOIN starts s USING (customer_id)
    GROUP BY 1, 2
),
grid AS (
    SELECT c.cohort, g.period
    FROM (SELECT DISTINCT cohort FROM starts) c
    CROSS JOIN observed o
    CROSS JOIN LATERAL generate_series(0,
        ((extract(year FROM o.through) - extract(year FROM c.cohort)) * 12
          + extract(month FROM o.through) - extract(month FROM c.cohort))::int) AS g(period)
)
SELECT to_char(grid.cohort, 'YYYY-MM') AS cohort, grid.period,
       coalesce(cells.customers, 0) AS customers, coalesce(cells.revenue, 0) AS revenue
FROM grid LEFT JOIN cells USING (cohort, period)
ORDER BY 1, 2;
