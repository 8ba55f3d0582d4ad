-- 0007 · The Quartz lock rows of the scheduler "mystamp" (Hosting/JobHosting.cs), seeded
--
-- Quartz takes a lock by SELECT ... FOR UPDATE on its row, and inserts the row the first time. When two
-- nodes start together on a new database, the one whose insert finds the other's row waits a retry period
-- with its transaction open, and that wait runs on the node's TimeProvider. A node on a clock that
-- does not move (the tests' fake clocks) then never finished starting. With the rows here, every node
-- finds them, and contended nodes wait in PostgreSQL's own row lock. Idempotent.

INSERT INTO qrtz_locks (sched_name, lock_name)
VALUES ('mystamp', 'TRIGGER_ACCESS'), ('mystamp', 'STATE_ACCESS')
ON CONFLICT DO NOTHING;
