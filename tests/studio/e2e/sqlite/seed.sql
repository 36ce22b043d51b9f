-- The quick start's tables (examples/quickstart/src/db/schema.hpp), seeded for studio.e2e.mjs.
-- users.created_at holds an empty string, a NULL and a date: the grid must tell "" from NULL.
INSERT INTO users (id, name, email, created_at) VALUES
  (1, 'Ada', 'ada@example.com', ''),
  (2, 'Brian', 'brian@example.com', NULL),
  (3, 'Chen', 'chen@example.com', '2024-05-01 10:00:00');
-- 125 tasks: three pages of 50. Titles are a permutation of 'Task 001'..'Task 125' (7 is prime
-- to 125), so sorting by title moves other rows to the top; every tenth task has no assignee.
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 125)
INSERT INTO tasks (id, title, done, assignee_id)
SELECT i, printf('Task %03d', (i * 7) % 125 + 1), i % 2 = 0, CASE WHEN i % 10 = 0 THEN NULL ELSE i % 3 + 1 END
FROM n;
