// drizzle-kit studio end to end in a real browser: Debian's Chromium driven by playwright-core.
//
//   node studio.e2e.mjs URL ARTIFACT_DIR DIALECT
//
// run.sh starts the studio on a seeded scratch database and passes its URL; DRIZZLE_E2E_DB_URL
// names that database (a SQLite file or a server URL) so the steps can check through the
// database's own CLI client what the app changed. Each step is a small named function: it drives
// the page, asserts, saves a screenshot per view, and prints one line when it passes. The first
// failure prints the step, saves failure-*.png and exits 1. DRIZZLE_E2E_STEPS=regex picks steps.
//
// Selectors keep to the ids and ARIA names of index.html and app.js.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { chromium } from "playwright-core";

const [url, artifacts, dialect] = process.argv.slice(2);
if (!url || !artifacts || !["sqlite", "pg", "mysql"].includes(dialect)) {
  console.error("usage: node studio.e2e.mjs URL ARTIFACT_DIR sqlite|pg|mysql");
  process.exit(2);
}
const TIMEOUT = 10_000;

// What differs per dialect: the seeded tables (see run.sh and */seed.sql), the nullable text
// column holding "" in users 1, NULL in user 2 and a value in user 3, and an edit of tasks row 3
// that the database refuses (SQLite takes text in an integer column, so a NOT NULL violation).
const scenario = {
  sqlite: { tables: ["users", "tasks"], nullableText: "created_at", refused: { column: "title", value: null } },
  pg: { tables: ["projects", "users", "tasks"], nullableText: "bio", refused: { column: "points", value: "many" } },
  mysql: { tables: ["projects", "users", "tasks"], nullableText: "bio", refused: { column: "points", value: "many" } },
}[dialect];

// ------------------------------------------------------------------------------ the database

// The database's own answer through its CLI client: arguments, never a shell; the SQL is this
// file's constants and integers checked by sqlInt.
function sql(query) {
  const target = process.env.DRIZZLE_E2E_DB_URL;
  if (!target) throw new Error("DRIZZLE_E2E_DB_URL is not set (run.sh sets it)");
  let command, args;
  let env = process.env;
  if (dialect === "sqlite") [command, args] = ["sqlite3", ["-batch", "-bail", target]];
  else if (dialect === "pg") [command, args] = ["psql", ["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", target]];
  else {
    const u = new URL(target);
    command = "mariadb";
    args = ["--protocol=TCP", `--host=${u.hostname}`, `--port=${u.port || 3306}`, `--user=${decodeURIComponent(u.username)}`,
      "--default-character-set=utf8mb4", "--batch", "--raw", "--skip-column-names", decodeURIComponent(u.pathname.slice(1))];
    env = { ...process.env, MYSQL_PWD: decodeURIComponent(u.password) };
  }
  return execFileSync(command, args, { input: query, env, encoding: "utf8" }).replace(/\n$/, "");
}
function sqlInt(value) {
  if (!/^\d+$/.test(value)) throw new Error(`expected an integer key, got ${JSON.stringify(value)}`);
  return value;
}
const count = (table) => Number(sql(`SELECT count(*) FROM ${table}`));
const isNullIn = (table, column, id) =>
  sql(`SELECT CASE WHEN ${column} IS NULL THEN 'null' ELSE 'value' END FROM ${table} WHERE id = ${sqlInt(id)}`) === "null";

// ------------------------------------------------------------------------------ the browser

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox"],
});
const pageErrors = [];
let current;  // the page the running step works on, for its failure screenshot

// A page in a fresh context, watched from its first moment: every text the status line shows is
// logged in window.statusLog, so a step can wait for a status that lasts a moment only ("Applied
// 1 edit", replaced when the row count follows), and window.gridRenders counts the grid's
// renders (the app rebuilds the header row with every page), so a step can wait for the page its
// action asked for rather than take the one before it, or a late status about it, for the answer.
async function newPage(options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: "en-US", colorScheme: "light", ...options });
  await context.addInitScript(() => {
    window.statusLog = [];
    window.gridRenders = 0;
    new MutationObserver((records) => {
      const status = document.getElementById("status");
      if (status && records.some((r) => status.contains(r.target))) window.statusLog.push(status.textContent);
      if (records.some((r) => r.target.id === "rows-head")) ++window.gridRenders;
    }).observe(document, { childList: true, subtree: true, characterData: true });
  });
  const p = await context.newPage();
  p.setDefaultTimeout(TIMEOUT);
  p.on("pageerror", (e) => pageErrors.push(e.message));
  current = p;
  return p;
}
const page = await newPage();

let shots = 0;
async function shot(name, p = page) {
  await p.screenshot({ path: path.join(artifacts, `${String(++shots).padStart(2, "0")}-${name}.png`), fullPage: true });
}

// ------------------------------------------------------------------------------ assertions

function assert(condition, message) {
  if (!condition) throw new Error(message);
}
function assertEqual(actual, expected, what) {
  assert(JSON.stringify(actual) === JSON.stringify(expected), `${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

async function assertHides(locator, what) {
  await locator.waitFor({ state: "hidden" }).catch(() => {
    throw new Error(`${what} is still shown`);
  });
}

// Polls read() until ok(value), as Playwright Test's expect.poll does (playwright-core has no expect).
async function until(what, read, ok, timeout = TIMEOUT) {
  const deadline = Date.now() + timeout;
  for (;;) {
    let seen;
    try {
      seen = await read();
      if (ok(seen)) return seen;
    } catch (e) {
      seen = `(${e.message.split("\n")[0]})`;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last saw ${JSON.stringify(seen)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

// How many status texts the page has shown: pass it to waitForStatus to wait for a new one.
const mark = (p = page) => p.evaluate(() => window.statusLog.length);

// Waits until the status texts shown since `since` include `patterns`, in that order.
async function waitForStatus(patterns, since, p = page) {
  const wanted = [patterns].flat();
  return until(`status ${wanted.join(" then ")}`, () => p.evaluate((n) => window.statusLog.slice(n), since), (log) => {
    let i = 0;
    for (const text of log) if (i < wanted.length && wanted[i].test(text)) ++i;
    return i === wanted.length;
  });
}

// Runs action, then waits until the grid has rendered again; returns the status log's length
// from before the action, for waitForStatus.
async function reloading(action, p = page) {
  const [since, renders] = await p.evaluate(() => [window.statusLog.length, window.gridRenders]);
  await action();
  const read = () => p.evaluate(() => ({ renders: window.gridRenders, status: document.getElementById("status").textContent }));
  await until("the grid to show the new page", read, (now) => now.renders > renders);
  return since;
}

// "Rows 1–50 of 125"; the total is optional: the app shows the page first and the count after.
function rowsStatus(from, to, total) {
  return new RegExp(`^Rows ${from}–${to}(?: of ${total.toLocaleString("en-US")})?$`);
}

// ------------------------------------------------------------------------------ the app

const tablesNav = () => page.getByRole("navigation", { name: "Tables" });
const staged = () => page.getByRole("region", { name: "Staged edits" });

// Opens the app (unless open) and one table in it; resets paging, sorting and filters.
async function openTable(name, p = page) {
  if (p.url() === "about:blank") {
    await p.goto(url);
    await waitForStatus(/^\d+ tables and views/, 0, p);
  }
  const since = await reloading(() => p.getByRole("navigation", { name: "Tables" }).getByRole("button", { name, exact: true }).click(), p);
  await waitForStatus(/^(Rows \d|No rows)/, since, p);
  const title = await p.locator("#grid-title").textContent();
  assert(title === name || title.endsWith(`.${name}`), `the grid shows ${JSON.stringify(title)}, not ${name}`);
}

// The grid as text: column names and one array of cell texts per row.
function readGrid(p = page) {
  return p.evaluate(() => ({
    columns: [...document.querySelectorAll("#rows-head th")].map((th) => th.textContent.replace(/ [▲▼]$/, "")),
    rows: [...document.querySelectorAll("#rows-body tr")].map((tr) => [...tr.cells].map((td) => td.textContent)),
  }));
}
function columnOf(grid, name) {
  const i = grid.columns.indexOf(name);
  assert(i >= 0, `the grid has no column ${name} (it has ${grid.columns.join(", ")})`);
  return i;
}
async function columnValues(name) {
  const grid = await readGrid();
  const i = columnOf(grid, name);
  return grid.rows.map((r) => r[i]);
}
// The cell of `column` in the row whose id is `id`.
async function cell(id, column) {
  const grid = await readGrid();
  const [idAt, at] = [columnOf(grid, "id"), columnOf(grid, column)];
  const row = grid.rows.findIndex((r) => r[idAt] === String(id));
  assert(row >= 0, `no row with id ${id} in the grid`);
  return page.locator("#rows-body > tr").nth(row).locator("td").nth(at);
}

// Applies the staged edits and waits for the grid's reload and the confirmation.
async function applyAll(edits) {
  const since = await reloading(() => staged().getByRole("button", { name: "Apply all" }).click());
  await waitForStatus(new RegExp(`^Applied ${edits} edits?(\\.|$)`), since);
  await assertHides(staged(), "after Apply all, the Staged edits panel");
}

async function stagedTexts() {
  return staged().getByRole("listitem").allTextContents();
}

// ------------------------------------------------------------------------------ the steps

async function tableListShowsSeededTablesWithRowCounts() {
  await page.goto(url);
  await waitForStatus(/^\d+ tables and views/, 0);
  for (const table of scenario.tables) {
    const rows = count(table);
    const item = tablesNav().getByRole("button", { name: table, exact: true }).locator("xpath=..");
    const text = await item.textContent();
    assert(text.includes(`${rows.toLocaleString("en-US")} ${rows === 1 ? "row" : "rows"}`),
      `the list says ${JSON.stringify(text)} for ${table}, which has ${rows} rows`);
  }
  await shot("tables");
}

async function gridPagesThroughFiftyRowsAtATime() {
  const total = count("tasks");
  assert(total > 100 && total <= 150, `the seed should make three pages of tasks, made ${total} rows`);
  await openTable("tasks");
  await waitForStatus(rowsStatus(1, 50, total), 0);
  let ids = await columnValues("id");
  assertEqual([ids.length, ids[0], ids[49]], [50, "1", "50"], "page 1 (rows, first id, last id)");
  assert(await page.getByRole("button", { name: "Previous" }).isDisabled(), "Previous is enabled on page 1");
  await shot("tasks-page-1");

  const pageTo = async (button, from, to) => {
    const since = await reloading(() => page.getByRole("button", { name: button, exact: true }).click());
    await waitForStatus(rowsStatus(from, to, total), since);
    ids = await columnValues("id");
    assertEqual([ids.length, ids[0]], [to - from + 1, String(from)], `after ${button}: rows and first id`);
  };
  await pageTo("Next", 51, 100);
  await pageTo("Next", 101, total);
  assert(await page.getByRole("button", { name: "Next" }).isDisabled(), "Next is enabled on the last page");
  await shot("tasks-page-3");
  await pageTo("Previous", 51, 100);
}

async function sortingByAHeaderReordersBothWays() {
  await openTable("tasks");
  const unsortedFirst = (await columnValues("title"))[0];
  for (const [direction, order] of [["ascending", "ASC"], ["descending", "DESC"]]) {
    const expected = sql(`SELECT title FROM tasks ORDER BY title ${order}, id LIMIT 1`);
    assert(expected !== unsortedFirst, `the seed should put another title first when sorted ${direction}`);
    const since = await reloading(() => page.locator("#rows-head").getByRole("button", { name: /^title( [▲▼])?$/ }).click());
    await waitForStatus(/^Rows 1–50/, since);
    assertEqual(await page.locator('#rows-head th[aria-sort]:not([aria-sort="none"])').getAttribute("aria-sort"), direction, "aria-sort of the sorted column");
    assertEqual((await columnValues("title"))[0], expected, `first title sorted ${direction}`);
  }
  await shot("tasks-sorted-descending");
}

async function aFilterKeepsOnlyMatchingRowsUntilRemoved() {
  await openTable("tasks");
  const total = count("tasks");
  const matching = count("tasks WHERE assignee_id = 2");
  assert(matching > 0 && matching < 50, `the seed should give user 2 some tasks, gave ${matching}`);
  await page.locator("#filter-column").selectOption("assignee_id");
  await page.locator("#filter-op").selectOption("eq");
  await page.locator("#filter-value").fill("2");
  let since = await reloading(() => page.getByRole("button", { name: "Add filter" }).click());
  await waitForStatus(rowsStatus(1, matching, matching), since);
  const values = await columnValues("assignee_id");
  assertEqual(values.length, matching, "rows shown under assignee_id = 2");
  assert(values.every((v) => v === "2"), `rows that do not match shown: ${values.filter((v) => v !== "2").join(", ")}`);
  const chips = page.getByRole("list", { name: "Filters" }).getByRole("listitem");
  assertEqual(await chips.count(), 1, "filter chips");
  assert((await chips.first().textContent()).includes("assignee_id"), "the chip does not name the column");
  await shot("tasks-filtered");

  since = await reloading(() => chips.first().getByRole("button", { name: "Remove this filter" }).click());
  await waitForStatus(rowsStatus(1, 50, total), since);
  assertEqual(await chips.count(), 0, "filter chips after removing the filter");
}

async function editingACellStagesAndAppliesIt() {
  await openTable("tasks");
  const title = `Ada's "edited" task — ✓`;  // quotes and non-ASCII make the round trip
  await (await cell(1, "title")).dblclick();
  const input = page.getByRole("textbox", { name: /^New value of title/ });
  await input.fill(title);
  await input.press("Enter");
  const items = await stagedTexts();
  assertEqual(items.length, 1, "staged edits");
  assert(items[0].includes("title") && items[0].includes(JSON.stringify(title)), `the staged edit reads ${JSON.stringify(items[0])}`);
  await shot("edit-staged");
  await applyAll(1);
  assertEqual(sql("SELECT title FROM tasks WHERE id = 1"), title, "tasks.title of id 1 in the database");
  assertEqual(await (await cell(1, "title")).textContent(), title, "the grid after the reload");
}

async function altNSetsNullWhichLooksUnlikeAnEmptyString() {
  const column = scenario.nullableText;
  await openTable("users");
  const look = async (id) => (await cell(id, column)).evaluate((td) => ({ text: td.textContent, style: getComputedStyle(td).fontStyle }));
  const [empty, nul] = [await look(1), await look(2)];
  assertEqual(empty.text, "", `users ${column} of id 1 (an empty string)`);
  assertEqual(nul.text, "NULL", `users ${column} of id 2 (NULL)`);
  assert(empty.style !== nul.style, `NULL and "" are styled alike (${empty.style})`);

  assert(!isNullIn("users", column, "3"), "the seed should give user 3 a value");
  await (await cell(3, column)).dblclick();
  await page.getByRole("textbox", { name: new RegExp(`^New value of ${column}`) }).press("Alt+n");
  const items = await stagedTexts();
  assert(items.length === 1 && items[0].includes("NULL"), `the staged edit reads ${JSON.stringify(items)}`);
  await applyAll(1);
  assert(isNullIn("users", column, "3"), `users.${column} of id 3 is not NULL in the database`);
  assertEqual(await look(3), nul, "the grid's NULL cell after the reload");
  await shot("null-applied");
}

async function addingAndDeletingARowReachTheDatabase() {
  await openTable("users");
  const email = "e2e@example.com";
  const emails = () => sql("SELECT email FROM users ORDER BY id").split("\n");
  const before = emails().length;
  await page.getByRole("button", { name: "Add row" }).click();
  const form = page.getByRole("form", { name: "New row" });
  const field = (column) => form.getByLabel(new RegExp(`^${column}( \\(.*\\))?$`));  // "name (required)"
  await field("name").fill("E2E Person");
  await field("email").fill(email);
  await shot("new-row-form");
  await form.getByRole("button", { name: "Stage insert" }).click();
  await assertHides(form, "after Stage insert, the New row form");
  const items = await stagedTexts();
  assert(items.length === 1 && items[0].includes(email), `the staged insert reads ${JSON.stringify(items)}`);
  await applyAll(1);
  assertEqual(emails().length, before + 1, "users in the database after the insert");
  assert(emails().includes(email), "the inserted user is not in the database");

  const row = page.locator("#rows-body > tr").filter({ has: page.getByRole("cell", { name: email, exact: true }) });
  await row.getByRole("button", { name: "Stage deleting this row" }).click();
  assert((await stagedTexts()).length === 1, "the delete is not staged");
  await shot("delete-staged");
  await applyAll(1);
  assert(!emails().includes(email), "the deleted user is still in the database");
  assertEqual(await row.count(), 0, "rows with the deleted user in the grid");
}

async function aRefusedEditAppliesNothingAndIsMarked() {
  await openTable("tasks");
  const { column, value } = scenario.refused;
  const titleBefore = sql("SELECT title FROM tasks WHERE id = 2");
  const refusedBefore = sql(`SELECT ${column} FROM tasks WHERE id = 3`);

  await (await cell(2, "title")).dblclick();  // edit 1: fine on its own
  await page.getByRole("textbox", { name: /^New value of title/ }).fill("Must not be applied");
  await page.keyboard.press("Enter");
  await (await cell(3, column)).dblclick();   // edit 2: the database refuses it
  const input = page.getByRole("textbox", { name: new RegExp(`^New value of ${column}`) });
  if (value === null) await input.press("Alt+n");
  else {
    await input.fill(value);
    await input.press("Enter");
  }
  assertEqual((await stagedTexts()).length, 2, "staged edits");

  const since = await mark();
  await staged().getByRole("button", { name: "Apply all" }).click();
  const message = (await waitForStatus(/^edit 2:/, since)).find((text) => /^edit 2:/.test(text));
  assert(/nothing was applied/.test(message), `the status does not say nothing was applied: ${message}`);
  const marked = await staged().getByRole("listitem").evaluateAll((items) =>
    items.map((li) => li.classList.contains("failed") || li.getAttribute("aria-invalid") === "true"));
  assertEqual(marked, [false, true], "staged edits marked as failed");
  await shot("refused-edit");
  assertEqual(sql("SELECT title FROM tasks WHERE id = 2"), titleBefore, "tasks.title of id 2 (edit 1 rolled back)");
  assertEqual(sql(`SELECT ${column} FROM tasks WHERE id = 3`), refusedBefore, `tasks.${column} of id 3`);

  const again = await reloading(() => staged().getByRole("button", { name: "Discard" }).click());
  await assertHides(staged(), "after Discard, the Staged edits panel");
  await waitForStatus(/^Rows 1–50/, again);
}

async function aForeignKeyLinkOpensTheReferencedRow() {
  await openTable("tasks");
  const link = (await cell(1, "assignee_id")).getByRole("link");  // seeded: task 1 has an assignee
  const target = await link.textContent();
  const since = await reloading(() => link.click());
  await waitForStatus(rowsStatus(1, 1, 1), since);
  const title = await page.locator("#grid-title").textContent();
  assert(title === "users" || title.endsWith(".users"), `the link opened ${title}, not users`);
  assertEqual(await columnValues("id"), [target], "ids shown after following the link");
  const chip = await page.getByRole("list", { name: "Filters" }).getByRole("listitem").allTextContents();
  assert(chip.length === 1 && chip[0].includes(`id eq ${target}`), `the filter chips read ${JSON.stringify(chip)}`);
  await shot("foreign-key-followed");
}

async function arrowKeysMoveBetweenCells() {
  await openTable("tasks");
  const focused = () => page.evaluate(() => {
    const e = document.activeElement;
    return e.tagName === "TD" ? [e.parentElement.sectionRowIndex, e.cellIndex] : e.tagName;
  });
  await page.locator("#rows-body > tr").first().locator("td").first().focus();
  assertEqual(await focused(), [0, 0], "focus on the first cell");
  for (const [key, where] of [["ArrowRight", [0, 1]], ["ArrowDown", [1, 1]], ["ArrowLeft", [1, 0]], ["ArrowUp", [0, 0]], ["ArrowRight", [0, 1]]]) {
    await page.keyboard.press(key);
    assertEqual(await focused(), where, `focus after ${key}`);
  }
  await page.keyboard.press("Enter");  // opens the cell's editor...
  assertEqual(await focused(), "INPUT", "focus after Enter");
  await page.keyboard.press("Escape");  // ...and Escape leaves it, staging nothing
  assertEqual(await focused(), [0, 1], "focus after Escape");
  assert(await staged().isHidden(), "Escape staged an edit");
  await shot("keyboard");
}

async function aNarrowWindowStacksTheListAboveTheGrid() {
  const narrow = await newPage({ viewport: { width: 500, height: 800 } });
  await openTable("tasks", narrow);
  const [nav, grid] = [await narrow.getByRole("navigation", { name: "Tables" }).boundingBox(), await narrow.locator("#grid").boundingBox()];
  assert(nav.y + nav.height <= grid.y, `the table list (bottom ${nav.y + nav.height}) is not above the grid (top ${grid.y})`);
  const width = await narrow.evaluate(() => document.documentElement.scrollWidth);
  assert(width <= 500, `the page scrolls sideways: ${width}px wide in a 500px window`);
  await shot("narrow", narrow);
  await narrow.context().close();
  current = page;
}

async function darkModeChangesTheColours() {
  const colours = (p) => p.evaluate(() => [getComputedStyle(document.body).backgroundColor, getComputedStyle(document.body).color]);
  await openTable("tasks");
  const light = await colours(page);
  const dark = await newPage({ colorScheme: "dark" });
  await openTable("tasks", dark);
  const night = await colours(dark);
  assert(night[0] !== light[0], `the background is ${light[0]} in both schemes`);
  assert(night[1] !== light[1], `the text colour is ${light[1]} in both schemes`);
  await shot("dark", dark);
  await dark.context().close();
  current = page;
}

async function withoutTheTokenTheAppSaysUnauthorised() {
  const bare = new URL(url);
  bare.search = "";
  const p = await newPage();
  await p.goto(bare.href);
  await waitForStatus(/^Unauthorised/, 0, p);
  assertEqual(await p.getByRole("navigation", { name: "Tables" }).getByRole("button").count(), 0, "tables listed without the token");
  await shot("unauthorised", p);
  await p.context().close();
  current = page;
}

async function typedCellsShowAndEditByKind() {
  await openTable("tasks");
  // A boolean shows as one and edits with a choice of true or false, whatever the dialect stores.
  const doneBefore = (await (await cell(1, "done")).textContent()).includes("true");
  await (await cell(1, "done")).dblclick();
  const choice = page.getByRole("combobox", { name: /^New value of done/ });
  assertEqual(await choice.locator("option").allTextContents(), ["", "true", "false"], "the choices of a boolean");
  await choice.selectOption(doneBefore ? "false" : "true");
  await choice.press("Enter");
  await applyAll(1);
  const stored = sql("SELECT CASE WHEN done THEN 'yes' ELSE 'no' END FROM tasks WHERE id = 1");
  assertEqual(stored, doneBefore ? "no" : "yes", "tasks.done of id 1 in the database");
  assert((await (await cell(1, "done")).textContent()).includes(doneBefore ? "false" : "true"), "the grid's boolean after the reload");
  if (dialect === "sqlite") return;

  // A bigint past 2^53 keeps every digit; JSON shows as JSON and edits pretty-printed; an enum
  // edits with a choice of its values.
  await page.locator("#filter-column").selectOption("id");
  await page.locator("#filter-op").selectOption("eq");
  await page.locator("#filter-value").fill("7");
  const since = await reloading(() => page.getByRole("button", { name: "Add filter" }).click());
  await waitForStatus(rowsStatus(1, 1, 1), since);
  assertEqual(await (await cell(7, "estimate_ms")).textContent(), "9007199254740993", "a bigint past 2^53");
  assert(/"n":\s*7/.test(await (await cell(7, "details")).textContent()), "the JSON cell");
  await (await cell(7, "details")).dblclick();
  const editor = page.getByRole("textbox", { name: /^New value of details/ });
  assert((await editor.inputValue()).includes("\n"), "the JSON editor is not pretty-printed");
  await editor.fill("{not json");
  await editor.press("Control+Enter");
  await waitForStatus(/^details: not JSON/, since);
  assert(await staged().isHidden(), "text that is not JSON was staged");
  await editor.fill('{"n": 7, "big": 12345678901234567890}');
  await editor.press("Control+Enter");
  await (await cell(7, "status")).dblclick();
  const status = page.getByRole("combobox", { name: /^New value of status/ });
  assertEqual(await status.locator("option").allTextContents(), ["", "todo", "doing", "done"], "the choices of the enum");
  await status.selectOption("done");
  await status.press("Enter");
  await shot("typed-edits-staged");
  await applyAll(2);
  assert(sql("SELECT details FROM tasks WHERE id = 7").includes("12345678901234567890"), "the JSON's big number was rounded");
  assertEqual(sql("SELECT status FROM tasks WHERE id = 7"), "done", "tasks.status of id 7");
}

async function aRowShowsItsRelatedRows() {
  await openTable("users");
  await (await cell(2, "name")).click();
  const related = page.getByRole("region", { name: "Related rows" });
  const link = related.getByRole("link", { name: /tasks/ }).first();
  await link.waitFor();
  await shot("related-rows");
  const since = await reloading(() => link.click());
  await waitForStatus(/^(Rows \d|No rows)/, since);
  const title = await page.locator("#grid-title").textContent();
  assert(title === "tasks" || title.endsWith(".tasks"), `the related link opened ${title}`);
  const values = await columnValues("assignee_id");
  assertEqual(values.length, count("tasks WHERE assignee_id = 2"), "tasks of user 2 shown");
  assert(values.every((v) => v === "2"), "a task of another user is shown");
}

async function theColumnChooserHidesAColumnAndRemembersIt() {
  await openTable("tasks");
  await page.getByRole("button", { name: "Columns" }).click();
  const box = page.getByRole("group", { name: "Visible columns" }).getByRole("checkbox", { name: "title" });
  await box.uncheck();
  assert(!(await readGrid()).columns.includes("title"), "title is still shown");
  await shot("columns-chosen");
  await openTable("users");
  await openTable("tasks");
  assert(!(await readGrid()).columns.includes("title"), "title came back after reopening the table");
  await page.getByRole("button", { name: "Columns" }).click();
  await page.getByRole("group", { name: "Visible columns" }).getByRole("checkbox", { name: "title" }).check();
  assert((await readGrid()).columns.includes("title"), "title did not come back");
  await page.getByRole("button", { name: "Columns" }).click();
}

async function exportDownloadsTheFilteredRows() {
  await openTable("tasks");
  const matching = count("tasks WHERE assignee_id = 2");
  await page.locator("#filter-column").selectOption("assignee_id");
  await page.locator("#filter-op").selectOption("eq");
  await page.locator("#filter-value").fill("2");
  const since = await reloading(() => page.getByRole("button", { name: "Add filter" }).click());
  await waitForStatus(rowsStatus(1, matching, matching), since);
  const download = async (button) => {
    const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: button }).click()]);
    const chunks = [];
    for await (const chunk of await file.createReadStream()) chunks.push(chunk);
    return [file.suggestedFilename(), Buffer.concat(chunks).toString("utf8")];
  };
  const [csvName, csv] = await download("Export CSV");
  assertEqual(csvName, "tasks.csv", "the CSV's name");
  const lines = csv.trimEnd().split("\r\n");
  assertEqual(lines.length, matching + 1, "CSV lines (a header and one per matching row)");
  assert(lines[0].startsWith("id,"), `the CSV header reads ${lines[0]}`);
  const [jsonName, json] = await download("Export JSON");
  assertEqual(jsonName, "tasks.json", "the JSON's name");
  const rows = JSON.parse(json);
  assertEqual(rows.length, matching, "JSON rows");
  assert(rows.every((r) => String(r.assignee_id) === "2"), "an exported row does not match the filter");
}

async function theSqlConsoleRunsStatementsAndPlacesErrors() {
  await page.getByRole("link", { name: "SQL console" }).click();
  const text = page.getByRole("textbox", { name: /^SQL \(/ });
  await text.fill("SELECT count(*) AS n FROM tasks");
  await text.press("Control+Enter");
  const result = page.getByRole("table", { name: "Result" });
  await until("the console's result", () => result.locator("td").first().textContent(), (t) => t === String(count("tasks")));
  assertEqual(await result.locator("th").allTextContents(), ["n"], "the result's columns");
  await shot("sql-console");
  await text.fill("SELECT id\nFORM tasks");
  await text.press("Control+Enter");
  const error = page.getByRole("alert");
  // "FORM" reads as a column alias, so every database places the error at "tasks".
  await until("the error", () => error.textContent(), (t) => /\(line 2, column 6\)$/.test(t));
  const selected = await text.evaluate((t) => t.value.slice(t.selectionStart, t.selectionStart + 5));
  assertEqual(selected, "tasks", "the text selected at the error");
  await shot("sql-error");
  const history = page.getByRole("list", { name: "History" }).getByRole("button");
  assert((await history.count()) >= 2, "the history does not keep both statements");
  await history.nth(1).click();
  assertEqual(await text.inputValue(), "SELECT count(*) AS n FROM tasks", "a statement taken back from the history");
}

async function theDiagramDrawsTablesAndTheirForeignKeys() {
  await page.getByRole("link", { name: "Diagram" }).click();
  const picture = page.getByRole("img", { name: "Tables and their foreign keys" });
  await picture.waitFor();
  const boxes = picture.locator("g.table");
  assertEqual(await boxes.count(), scenario.tables.length, "tables drawn");
  assert((await picture.locator("path").count()) >= 1, "no foreign key is drawn");
  await shot("diagram");
  const since = await reloading(() => picture.getByRole("link", { name: /users$/ }).click());
  await waitForStatus(/^Rows 1–/, since);
  const title = await page.locator("#grid-title").textContent();
  assert(title === "users" || title.endsWith(".users"), `the diagram opened ${title}`);
}

async function aNewRowStartsWithTheAppSideDefaults() {
  if (dialect === "sqlite") return;  // the quick start's schema has no defaultFn
  await openTable("tasks");
  await page.getByRole("button", { name: "Add row" }).click();
  const form = page.getByRole("form", { name: "New row" });
  const title = form.getByLabel(/^title \(app default\)$/);
  await until("the app-side default", () => title.inputValue(), (v) => v === "Draft task");
  await shot("new-row-defaults");
  await form.locator("input, select, textarea").first().press("Escape");
}

const steps = [
  tableListShowsSeededTablesWithRowCounts,
  gridPagesThroughFiftyRowsAtATime,
  sortingByAHeaderReordersBothWays,
  aFilterKeepsOnlyMatchingRowsUntilRemoved,
  editingACellStagesAndAppliesIt,
  altNSetsNullWhichLooksUnlikeAnEmptyString,
  addingAndDeletingARowReachTheDatabase,
  aRefusedEditAppliesNothingAndIsMarked,
  aForeignKeyLinkOpensTheReferencedRow,
  arrowKeysMoveBetweenCells,
  aNarrowWindowStacksTheListAboveTheGrid,
  darkModeChangesTheColours,
  typedCellsShowAndEditByKind,
  aRowShowsItsRelatedRows,
  theColumnChooserHidesAColumnAndRemembersIt,
  exportDownloadsTheFilteredRows,
  theSqlConsoleRunsStatementsAndPlacesErrors,
  theDiagramDrawsTablesAndTheirForeignKeys,
  aNewRowStartsWithTheAppSideDefaults,
  withoutTheTokenTheAppSaysUnauthorised,
];

// ------------------------------------------------------------------------------ the run

// DRIZZLE_E2E_STEPS=regex runs only the steps whose names match (while writing one).
const only = new RegExp(process.env.DRIZZLE_E2E_STEPS || "");
const chosen = steps.filter((step) => only.test(step.name));
for (const step of chosen) {
  const started = Date.now();
  try {
    await step();
    assert(pageErrors.length === 0, `the page threw: ${pageErrors.join("; ")}`);
    console.log(`ok   ${step.name} (${Date.now() - started} ms)`);
  } catch (e) {
    console.error(`FAIL ${step.name}: ${e.message}`);
    await current.screenshot({ path: path.join(artifacts, `failure-${step.name}.png`), fullPage: true }).catch(() => {});
    await browser.close();
    process.exit(1);
  }
}
await browser.close();
console.log(`studio e2e (${dialect}): ${chosen.length} of ${steps.length} steps passed`);
