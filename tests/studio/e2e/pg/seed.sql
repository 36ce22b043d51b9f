-- pg/schema.hpp's tables, seeded for studio.e2e.mjs (the same rows as sqlite/seed.sql, more columns).
INSERT INTO projects (id, name) VALUES (1, 'Studio'), (2, 'Kit');
-- users.bio holds an empty string, a NULL and a text: the grid must tell "" from NULL.
INSERT INTO users (id, name, email, bio, active, role, created_at) VALUES
  (1, 'Ada', 'ada@example.com', '', true, 'admin', '2024-01-02 03:04:05'),
  (2, 'Brian', 'brian@example.com', NULL, false, 'member', '2024-02-03 04:05:06'),
  (3, 'Chen', 'chen@example.com', 'Writes the tests', true, 'guest', '2024-03-04 05:06:07');
-- 125 tasks: three pages of 50. Titles are a permutation of 'Task 001'..'Task 125' (7 is prime
-- to 125), so sorting by title moves other rows to the top; every tenth task has no assignee.
INSERT INTO tasks (id, project_id, title, points, estimate_ms, done, assignee_id, details, due_at, status)
SELECT i, i % 2 + 1, 'Task ' || lpad(((i * 7) % 125 + 1)::text, 3, '0'), i % 13, i::bigint * 1000000000000,
       i % 2 = 0, CASE WHEN i % 10 = 0 THEN NULL ELSE i % 3 + 1 END,
       CASE WHEN i % 5 = 0 THEN NULL ELSE jsonb_build_object('n', i, 'tags', jsonb_build_array('a', 'b')) END,
       CASE WHEN i % 4 = 0 THEN NULL ELSE timestamp '2024-01-01 09:00:00' + i * interval '1 day' END,
       (ARRAY['todo', 'doing', 'done'])[i % 3 + 1]::task_status
FROM generate_series(1, 125) AS i;
-- Explicit ids leave the serials behind: move them on, so the row the test adds gets a free id.
SELECT setval(pg_get_serial_sequence('projects', 'id'), 2),
       setval(pg_get_serial_sequence('users', 'id'), 3),
       setval(pg_get_serial_sequence('tasks', 'id'), 125);
-- A bigint past 2^53: JavaScript would round it; the grid must show every digit.
UPDATE tasks SET estimate_ms = 9007199254740993 WHERE id = 7;
