-- mysql/schema.hpp's tables, seeded for studio.e2e.mjs (the same rows as pg/seed.sql).
INSERT INTO projects (id, name) VALUES (1, 'Studio'), (2, 'Kit');
-- users.bio holds an empty string, a NULL and a text: the grid must tell "" from NULL.
INSERT INTO users (id, name, email, bio, active, role, created_at) VALUES
  (1, 'Ada', 'ada@example.com', '', true, 'admin', '2024-01-02 03:04:05'),
  (2, 'Brian', 'brian@example.com', NULL, false, 'member', '2024-02-03 04:05:06'),
  (3, 'Chen', 'chen@example.com', 'Writes the tests', true, 'guest', '2024-03-04 05:06:07');
-- 125 tasks: three pages of 50. Titles are a permutation of 'Task 001'..'Task 125' (7 is prime
-- to 125), so sorting by title moves other rows to the top; every tenth task has no assignee.
INSERT INTO tasks (id, project_id, title, points, estimate_ms, done, assignee_id, details, due_at, status)
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 125)
SELECT i, i % 2 + 1, CONCAT('Task ', LPAD((i * 7) % 125 + 1, 3, '0')), i % 13, i * 1000000000000,
       i % 2 = 0, CASE WHEN i % 10 = 0 THEN NULL ELSE i % 3 + 1 END,
       CASE WHEN i % 5 = 0 THEN NULL ELSE JSON_OBJECT('n', i, 'tags', JSON_ARRAY('a', 'b')) END,
       CASE WHEN i % 4 = 0 THEN NULL ELSE TIMESTAMP '2024-01-01 09:00:00' + INTERVAL i DAY END,
       ELT(i % 3 + 1, 'todo', 'doing', 'done')
FROM n;
-- A bigint past 2^53: JavaScript would round it; the grid must show every digit.
UPDATE tasks SET estimate_ms = 9007199254740993 WHERE id = 7;
