-- Example namespace file: a shared query.
SELECT customer_id, SUM(amount) AS total
FROM orders
GROUP BY customer_id;
