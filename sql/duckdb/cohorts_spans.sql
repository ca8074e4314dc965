-- Retention Lab: the cohort table from subscription spans, in DuckDB.
--
-- Input: a table or view `subscriptions(customer_id, start_date, end_date, mrr)`, one row per
-- subscription span; `end_date` NULL while it runs. Output as cohorts_long_form.sql:
-- `cohort, period, customers, revenue`, every observed period, zeros included.
--
-- The same definitions as the app (month grain): a span pays every month from its start month
-- to its end month inclusive; the data is observed through the month of its latest start or
-- end date ("data as of"), so an open span, or one ending later, counts up to that month and
-- no further; spans with MRR ≤ 0 do not count; overlapping spans of one customer add up.
WITH observed AS (
    SELECT date_trunc('month', max(greatest(start_date, coalesce(end_date, start_date)))) AS through
    FROM subscriptions
),
pieces AS (
    SELECT s.customer_id, date_trunc('month', s.start_date) AS first_month,
           least(date_trunc('month', coalesce(s.end_date, o.through)), o.through) AS last_month,
           s.mrr
    FROM subscriptions s, observed o
    WHERE s.mrr > 0 AND date_trunc('month', s.start_date) <= o.through
),
paid AS (
    SELECT customer_id, m.month, sum(mrr) AS mrr
    FROM pieces, generate_series(first_month, last_month, INTERVAL 1 MONTH) AS m(month)
    GROUP BY customer_id, m.month
),
starts AS (
    SELECT customer_id, min(month) AS cohort FROM paid GROUP BY customer_id
),
cells AS (
    SELECT s.cohort, datediff('month', s.cohort, p.month) AS period,
           count(*) AS customers, sum(p.mrr) AS revenue
    FROM paid p JOIN starts s USING (customer_id)
    GROUP BY s.cohort, period
),
grid AS (
    SELECT c.cohort, g.period
    FROM (SELECT DISTINCT cohort FROM starts) c, observed o,
         generate_series(0, datediff('month', c.cohort, o.through)) AS g(period)
)
SELECT strftime(grid.cohort, '%Y-%m') AS cohort, grid.period,
       coalesce(cells.customers, 0) AS customers, coalesce(cells.revenue, 0) AS revenue
FROM grid LEFT JOIN cells USING (cohort, period)
ORDER BY cohort, period;
