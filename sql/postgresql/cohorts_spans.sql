-- Retention Lab: the cohort table from subscription spans, in PostgreSQL.
-- Equivalent to sql/duckdb/cohorts_spans.sql; see sql/README.md.
-- Input: subscriptions(customer_id, start_date date, end_date date NULL while running, mrr).
WITH observed AS (
    SELECT date_trunc('month', max(greatest(start_date, coalesce(end_date, start_date))))::date AS through
    FROM subscriptions
),
pieces AS (
    SELECT s.customer_id, date_trunc('month', s.start_date)::date AS first_month,
           least(date_trunc('month', coalesce(s.end_date, o.through))::date, o.through) AS last_month,
           s.mrr
    FROM subscriptions s CROSS JOIN observed o
    WHERE s.mrr > 0 AND date_trunc('month', s.start_date)::date <= o.through
),
paid AS (
    SELECT customer_id, m.month::date AS month, sum(mrr) AS mrr
    FROM pieces
    CROSS JOIN LATERAL generate_series(first_month, last_month, interval '1 month') AS m(month)
    GROUP BY 1, 2
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
