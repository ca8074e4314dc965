-- Retention Lab: the cohort table from long-form subscription rows, in DuckDB.
--
-- Input: a table or view `subscriptions(customer_id, month, mrr)`, one row per customer and
-- month billed; `month` a DATE anywhere in the month (or cast it: strptime(m || '-01', '%Y-%m-%d')).
-- Output: `cohort` (YYYY-MM of the customer's first paid month), `period` (months since it),
-- `customers` (distinct customers paying that month), `revenue` (their MRR that month), for
-- every period observed for the cohort (up to the last month billed), zeros included. Save it
-- as CSV and import it in the app's Data section as a cohort table.
--
-- The same definitions as the app's own triangle (month grain): rows with MRR ≤ 0 do not
-- count; a customer who stops and comes back stays in its first cohort and counts again in the
-- months it pays; several rows of one customer and month add up. The data is observed through
-- its last month billed: if it has rows dated after today, filter them out first.
WITH paid AS (
    SELECT customer_id, date_trunc('month', month) AS month, sum(mrr) AS mrr
    FROM subscriptions
    WHERE mrr > 0
    GROUP BY customer_id, date_trunc('month', month)
),
observed AS (
    SELECT max(month) AS through FROM paid
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
