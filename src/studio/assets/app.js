// drizzle-kit studio: the app. The token comes from the URL the server printed and goes with every
// API call as the X-Studio-Token header; text from the database is only ever set as textContent.
// Values arrive as strings (or null) in one spelling per kind (see catalog.hpp): numbers stay
// strings, so a big integer is never rounded by JavaScript.
"use strict";

const token = new URLSearchParams(location.search).get("token") || "";
const statusLine = document.getElementById("status");
const PAGE = 50;
const $ = (id) => document.getElementById(id);

async function api(path, body, raw, retried) {
  const init = { headers: { "X-Studio-Token": token } };
  if (body !== undefined) {
    init.method = "POST";
    init.headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (e) {
    throw new Error("The studio server does not answer (stopped?): start drizzle-kit studio again.");
  }
  if (raw && response.ok) return response;
  const reply = await response.json().catch(() => ({ error: "the server sent no JSON" }));
  if (response.status === 401) throw new Error("Unauthorised: open the URL drizzle-kit studio printed (it carries the token).");
  if (response.status === 503) {
    // The server connects again on the next call: one more try, a moment later, for a read
    // (edits and SQL might have been applied before the connection went).
    if (!retried && path !== "/api/edits" && path !== "/api/sql") {
      say("The database connection was lost; reconnecting…");
      await new Promise((resolve) => setTimeout(resolve, 1000));
      return api(path, body, raw, true);
    }
    throw new Error("The database connection was lost: " + reply.error + ". Try again to reconnect.");
  }
  if (!response.ok) throw Object.assign(new Error(reply.error || response.statusText), { reply });
  return reply;
}

function element(tag, text, className) {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (className) e.className = className;
  return e;
}

function say(text) {
  statusLine.textContent = text;
  statusLine.className = "";
}

function showError(e) {
  statusLine.textContent = e.message;
  statusLine.className = "error";
}

const qualified = (t) => (t.schema ? t.schema + "." : "") + t.name;
let allTables = [];
let dialect = "";
let declaresRelations = false; // the schema's code declares relations: they, not the foreign keys, relate rows

// ---------------------------------------------------------------- values by kind

// JSON re-indented token by token, never parsed into numbers, so nothing is rounded.
function prettyJson(text) {
  let out = "", depth = 0, i = 0;
  const pad = () => "\n" + "  ".repeat(depth);
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === "\\" ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (c === "{" || c === "[") {
      const close = c === "{" ? "}" : "]";
      let j = i + 1;
      while (/\s/.test(text[j] || "")) j++;
      if (text[j] === close) { out += c + close; i = j + 1; continue; }
      depth++;
      out += c + pad();
    } else if (c === "}" || c === "]") {
      depth--;
      out += pad() + c;
    } else if (c === ",") {
      out += "," + pad();
    } else if (c === ":") {
      out += ": ";
    } else if (!/\s/.test(c)) {
      out += c;
    }
    i++;
  }
  return out;
}

function byteCount(hex) { return Math.max(0, (hex.length - 2) / 2); }

// A cell's content: NULL and the empty string look different (NULL is a marked word).
function renderValue(td, value, column) {
  td.className = "";
  if (value === null) { td.textContent = "NULL"; td.classList.add("null"); return; }
  const kind = column ? column.kind : "text";
  td.classList.add("k-" + kind);
  if (kind === "binary") {
    td.textContent = value.length > 34 ? value.slice(0, 34) + "…" : value;
    td.title = `${byteCount(value).toLocaleString()} bytes`;
    td.append(element("span", ` (${byteCount(value)} B)`, "size"));
  } else if (kind === "boolean") {
    td.textContent = value === "true" ? "✓ true" : "✗ false";
  } else if (kind === "json") {
    td.textContent = value;
    td.title = prettyJson(value);
  } else {
    td.textContent = value;
    if (value === "") td.title = "the empty string";
    // An integer timestamp (SQLite's timestamp modes): its date on hover.
    if (column && (column.mode === "timestamp" || column.mode === "timestamp_ms") && /^-?\d+$/.test(value)) {
      const ms = Number(value) * (column.mode === "timestamp" ? 1000 : 1);
      if (Number.isFinite(ms)) td.title = new Date(ms).toISOString();
    }
  }
}

// An input for one value of `column`, holding `value` (null: empty), and how to read it back.
function valueInput(column, value) {
  const kind = column ? column.kind : "text";
  let input;
  if (kind === "boolean" || kind === "enum") {
    input = element("select");
    const options = kind === "boolean" ? ["true", "false"] : column.enumValues || [];
    input.append(element("option", "", "")); // nothing chosen yet
    for (const v of options) input.append(element("option", v));
    input.value = value === null ? "" : value;
  } else if (kind === "json") {
    input = element("textarea");
    input.rows = 6;
    input.value = value === null ? "" : prettyJson(value);
  } else {
    input = element("input");
    input.value = value === null ? "" : value;
    if (kind === "binary") input.placeholder = "\\x00ff (hex)";
  }
  const read = () => {
    if (kind === "json" && input.value.trim() !== "") {
      JSON.parse(input.value); // throws on text that is not JSON: said before anything is staged
    }
    return input.value;
  };
  return { input, read };
}

// ---------------------------------------------------------------- the grid of one table

const view = { table: null, sort: null, filters: [], page: null, pages: [{ offset: 0 }], index: 0, selected: null, hidden: new Set() };

const columnInfo = (name) => view.table.columns.find((c) => c.name === name);
const hiddenKey = () => "drizzle-studio:hidden:" + qualified(view.table);

// ---------------------------------------------------------------- staged edits

// Edits wait here until Apply sends them together (one transaction on the server).
let staged = [];

function keyOf(row) {
  const key = {};
  for (const k of view.table.key) key[k] = row[view.page.columns.indexOf(k)];
  return key;
}

function describe(edit) {
  const key = edit.key ? Object.entries(edit.key).map(([k, v]) => `${k}=${v}`).join(", ") : "";
  const values = (o) => Object.entries(o).map(([k, v]) => `${k} = ${v === null ? "NULL" : JSON.stringify(v)}`).join(", ");
  if (edit.op === "update") return `update ${key}: ${values(edit.set)}` + (edit.before ? ` (was ${values(edit.before)})` : "");
  if (edit.op === "insert") return `insert ${values(edit.values) || "(defaults)"}`;
  return `delete ${key}`;
}

function stage(edit) {
  staged.push(edit);
  renderStaged();
}

function renderStaged(failed, message) {
  $("staged").hidden = staged.length === 0;
  $("staged-list").replaceChildren(...staged.map((e, i) => {
    const item = element("li", describe(e), i === failed ? "failed" : "");
    if (i === failed) item.setAttribute("aria-invalid", "true");
    if (i === failed && message) item.append(element("div", message, "why"));
    const unstage = element("button", "×");
    unstage.setAttribute("aria-label", "Unstage this edit");
    unstage.addEventListener("click", () => { staged.splice(i, 1); renderStaged(); loadPage(); });
    item.append(" ", unstage);
    return item;
  }));
}

async function applyStaged() {
  const t = view.table;
  // The server wants the edits only; what a cell held before is for the person reading them.
  const edits = staged.map(({ before, ...edit }) => edit);
  try {
    const reply = await api("/api/edits", { schema: t.schema, table: t.name, edits });
    staged = [];
    renderStaged();
    await loadPage(`Applied ${reply.applied} ${reply.applied === 1 ? "edit" : "edits"}`);
    listTables(false).catch(showError); // the row counts changed
  } catch (e) {
    // Nothing was applied; the failing edit is marked with the database's error and stays staged.
    const failed = e.reply && typeof e.reply.edit === "number" ? e.reply.edit : undefined;
    renderStaged(failed, e.message);
    showError(e);
    // An update's failing cell carries the error too.
    const edit = staged[failed];
    if (edit && edit.op === "update") {
      const tr = [...$("rows-body").children].find((r) => r.dataset.key === JSON.stringify(edit.key));
      for (const td of tr ? tr.children : []) {
        if (td.dataset.column in edit.set) { td.classList.add("failed"); td.title = e.message; }
      }
    }
  }
}

$("apply").addEventListener("click", applyStaged);
$("discard").addEventListener("click", () => { staged = []; renderStaged(); loadPage(); });

// A cell edits in place: Enter or a double click opens it, Enter (Ctrl+Enter in JSON) stages the
// new value, Escape leaves it, Alt+N stages NULL.
function editCell(td, row, columnIndex) {
  const name = view.page.columns[columnIndex];
  const column = columnInfo(name);
  if (!view.table.key.length || column.generated || td.querySelector("input, select, textarea")) return;
  const shown = [...td.childNodes]; // to put back as it was (a link, say) when nothing changes
  const before = row[columnIndex];
  const { input, read } = valueInput(column, before);
  input.setAttribute("aria-label", `New value of ${name} (Alt+N for NULL)`);
  td.replaceChildren(input);
  input.focus();
  const finish = (value) => {
    if (value === before) {
      td.replaceChildren(...shown);
      td.focus();
      return;
    }
    renderValue(td, value, column);
    td.classList.add("changed");
    stage({ op: "update", key: keyOf(row), set: { [name]: value }, before: { [name]: before } });
    td.focus();
  };
  input.addEventListener("keydown", (e) => {
    const submit = e.key === "Enter" && (input.tagName !== "TEXTAREA" || e.ctrlKey);
    if (submit) {
      e.preventDefault();
      try { finish(read()); } catch (error) { showError(new Error(`${name}: not JSON (${error.message})`)); }
    } else if (e.key === "Escape") { e.preventDefault(); finish(before); }
    else if (e.altKey && (e.key === "n" || e.key === "N")) { e.preventDefault(); finish(null); }
  });
}

$("add-row").addEventListener("click", async () => {
  // Empty fields are left to the database: its default, or NULL. Columns with an app-side
  // default (defaultFn) start with a fresh value from the schema's code, which can be changed.
  const t = view.table;
  let produced = {};
  if (t.columns.some((c) => c.defaultFn)) {
    try { produced = (await api("/api/defaults", { schema: t.schema, table: t.name })).values; } catch (e) { showError(e); }
  }
  const form = $("new-row");
  const fields = t.columns.filter((c) => !c.generated).map((c) => {
    const app = c.defaultFn && c.name in produced;
    const label = element("label", c.name + (app ? " (app default)" : c.notNull && !c.hasDefault ? " (required)" : ""));
    const { input } = valueInput(c, app ? produced[c.name] : null);
    input.name = c.name;
    if (c.hasDefault) input.placeholder = "default";
    label.append(input);
    return label;
  });
  form.replaceChildren(...fields, element("button", "Stage insert"));
  form.hidden = false;
  form.querySelector("input, select, textarea").focus();
});
$("new-row").addEventListener("submit", (e) => {
  e.preventDefault();
  const values = {};
  for (const input of e.target.querySelectorAll("input, select, textarea")) {
    if (input.value === "") continue;
    if (columnInfo(input.name).kind === "json") {
      try { JSON.parse(input.value); } catch (error) { showError(new Error(`${input.name}: not JSON (${error.message})`)); return; }
    }
    values[input.name] = input.value;
  }
  stage({ op: "insert", values });
  e.target.hidden = true;
});

async function openTable(t, filters = []) {
  Object.assign(view, { table: t, sort: null, filters, pages: [{ offset: 0 }], index: 0, selected: null });
  view.hidden = new Set(JSON.parse(localStorage.getItem(hiddenKey()) || "[]"));
  history.replaceState(null, "", location.search + "#table=" + encodeURIComponent(qualified(t)));
  showView("grid");
  $("grid-title").textContent = qualified(t) + (t.kind !== "table" ? ` (${t.kind})` : "");
  $("filter-column").replaceChildren(...t.columns.map((c) => element("option", c.name)));
  $("add-row").hidden = !t.key.length;
  $("new-row").hidden = true;
  $("related").hidden = true;
  showColumnChooser(false);
  renderColumnChooser();
  await loadPage();
}

function rowRequest() {
  const t = view.table;
  return { schema: t.schema, table: t.name, sort: view.sort, filters: view.filters };
}

// `note` (what just happened) leads the status line, before the rows shown.
async function loadPage(note) {
  const start = view.pages[view.index];
  try {
    const page = await api("/api/rows", { ...rowRequest(), limit: PAGE, ...start });
    view.page = page;
    // Where the next page starts: after this page's last row when the order allows, else by offset.
    const offset = view.index * PAGE;
    view.pages[view.index + 1] = page.next ? { after: page.next } : { offset: offset + PAGE };
    renderPage(page);
    const range = (note ? note + ". " : "") + (page.rows.length ? `Rows ${offset + 1}–${offset + page.rows.length}` : "No rows");
    say(range);
    $("prev").disabled = view.index === 0;
    $("next").disabled = !page.hasMore;
    // The count can take longer than the page on a big table: it follows.
    if (page.rows.length) {
      api("/api/rows", { ...rowRequest(), limit: 0, count: true })
        .then((c) => { if (view.page === page) say(`${range} of ${c.total.toLocaleString()}`); })
        .catch(() => {});
    }
  } catch (e) {
    showError(e);
  }
}

function referencedTable(fk) {
  return allTables.find((t) => t.name === fk.table && (t.schema || "") === (fk.schema || ""));
}

function renderPage(page) {
  const head = element("tr");
  const visible = page.columns.map((name) => !view.hidden.has(name));
  page.columns.forEach((name, i) => {
    if (!visible[i]) return;
    const th = element("th");
    th.scope = "col";
    const sorted = view.sort && view.sort.column === name;
    const column = columnInfo(name);
    const button = element("button", name + (sorted ? (view.sort.desc ? " ▼" : " ▲") : ""));
    button.title = `Sort by ${name} (${column.type})`;
    th.setAttribute("aria-sort", sorted ? (view.sort.desc ? "descending" : "ascending") : "none");
    button.addEventListener("click", () => {
      view.sort = { column: name, desc: Boolean(sorted) && !view.sort.desc };
      view.pages = [{ offset: 0 }];
      view.index = 0;
      loadPage();
    });
    th.append(button);
    head.append(th);
  });
  if (view.table.key.length) head.append(element("th", "", "actions"));
  const singleFks = (view.table.foreignKeys || []).filter((f) => f.columns.length === 1);
  const body = page.rows.map((row) => {
    const tr = element("tr");
    if (view.table.key.length) tr.dataset.key = JSON.stringify(keyOf(row));
    tr.addEventListener("focusin", () => selectRow(row, tr));
    tr.addEventListener("click", () => selectRow(row, tr));
    row.forEach((value, i) => {
      if (!visible[i]) return;
      const td = element("td");
      renderValue(td, value, columnInfo(page.columns[i]));
      td.dataset.column = page.columns[i];
      td.tabIndex = -1;
      // A foreign-key value links to the row it references.
      const fk = value === null ? null : singleFks.find((f) => f.columns[0] === page.columns[i]);
      const target = fk && referencedTable(fk);
      if (target) {
        const link = element("a", value);
        link.href = "#table=" + encodeURIComponent(qualified(target));
        link.title = `Open the ${target.name} row it references`;
        link.addEventListener("click", (e) => {
          e.preventDefault();
          openTable(target, [{ column: fk.references[0], op: "eq", value }]);
        });
        td.replaceChildren(link);
      }
      td.addEventListener("dblclick", () => editCell(td, row, i));
      td.addEventListener("keydown", (e) => { if (e.key === "Enter" && e.target === td) { e.preventDefault(); editCell(td, row, i); } });
      tr.append(td);
    });
    if (view.table.key.length) {
      const remove = element("button", "Delete");
      remove.setAttribute("aria-label", "Stage deleting this row");
      remove.addEventListener("click", () => { tr.classList.add("deleted"); stage({ op: "delete", key: keyOf(row) }); });
      const td = element("td", undefined, "actions");
      td.append(remove);
      tr.append(td);
    }
    return tr;
  });
  $("rows-head").replaceChildren(head);
  $("rows-body").replaceChildren(...body);
  renderFilters();
}

// The rows related to the selected one: those it references and those that reference it,
// through the schema's foreign keys (composite ones too).
function selectRow(row, tr) {
  if (view.selected === tr) return;
  if (view.selected) view.selected.classList.remove("selected");
  view.selected = tr;
  tr.classList.add("selected");
  const t = view.table;
  const at = (name) => row[view.page.columns.indexOf(name)];
  const links = [];
  const tableOf = (where) => allTables.find((x) => x.name === where.table && (x.schema || "") === (where.schema || ""));
  for (const r of declaresRelations ? t.relations || [] : []) {
    const target = tableOf(r.target);
    const values = r.columns.map(at);
    if (!target || values.some((v) => v === null || v === undefined)) continue;
    links.push({ text: r.kind === "one" ? `${r.name}: the ${target.name} row` : `${target.name} rows whose ${r.name} is this row`, target,
      filters: r.references.map((c, i) => ({ column: c, op: "eq", value: values[i] })) });
  }
  for (const fk of declaresRelations ? [] : t.foreignKeys || []) {
    const target = referencedTable(fk);
    const values = fk.columns.map(at);
    if (!target || values.some((v) => v === null)) continue;
    links.push({ text: `${target.name} referenced by ${fk.columns.join(", ")}`, target,
      filters: fk.references.map((c, i) => ({ column: c, op: "eq", value: values[i] })) });
  }
  for (const other of declaresRelations ? [] : allTables) {
    for (const fk of other.foreignKeys || []) {
      if (referencedTable(fk) !== t) continue;
      const values = fk.references.map(at);
      if (values.some((v) => v === null || v === undefined)) continue;
      links.push({ text: `${other.name} whose ${fk.columns.join(", ")} reference this row`, target: other,
        filters: fk.columns.map((c, i) => ({ column: c, op: "eq", value: values[i] })) });
    }
  }
  $("related").hidden = links.length === 0;
  $("related-list").replaceChildren(...links.map((l) => {
    const a = element("a", l.text);
    a.href = "#table=" + encodeURIComponent(qualified(l.target));
    a.addEventListener("click", (e) => { e.preventDefault(); openTable(l.target, l.filters); });
    const item = element("li");
    item.append(a);
    return item;
  }));
}

function renderFilters() {
  $("filters").replaceChildren(...view.filters.map((f, i) => {
    const chip = element("li");
    chip.append(element("span", `${f.column} ${f.op}${f.value !== undefined ? " " + f.value : ""}${f.values ? " " + f.values.join(", ") : ""}`));
    const remove = element("button", "×");
    remove.setAttribute("aria-label", "Remove this filter");
    remove.addEventListener("click", () => { view.filters.splice(i, 1); restart(); });
    chip.append(remove);
    return chip;
  }));
}

function restart() {
  view.pages = [{ offset: 0 }];
  view.index = 0;
  loadPage();
}

function showColumnChooser(shown) {
  $("column-list").hidden = !shown;
  $("columns-button").setAttribute("aria-expanded", String(shown));
}
$("columns-button").addEventListener("click", () => showColumnChooser($("column-list").hidden));

function renderColumnChooser() {
  const list = $("column-list");
  list.replaceChildren(element("legend", "Visible columns"), ...view.table.columns.map((c) => {
    const label = element("label");
    const box = element("input");
    box.type = "checkbox";
    box.checked = !view.hidden.has(c.name);
    box.addEventListener("change", () => {
      if (box.checked) view.hidden.delete(c.name); else view.hidden.add(c.name);
      localStorage.setItem(hiddenKey(), JSON.stringify([...view.hidden]));
      renderPage(view.page);
    });
    label.append(box, " " + c.name);
    return label;
  }));
}

// Arrow keys move between cells of the grid.
$("rows-body").addEventListener("keydown", (e) => {
  const cell = e.target.closest("td");
  if (!cell || e.target !== cell) return;
  const row = cell.parentElement;
  const moves = {
    ArrowRight: () => cell.nextElementSibling,
    ArrowLeft: () => cell.previousElementSibling,
    ArrowDown: () => row.nextElementSibling && row.nextElementSibling.children[cell.cellIndex],
    ArrowUp: () => row.previousElementSibling && row.previousElementSibling.children[cell.cellIndex],
  };
  const next = moves[e.key] && moves[e.key]();
  if (next) { e.preventDefault(); next.focus(); }
});

$("prev").addEventListener("click", () => { view.index = Math.max(0, view.index - 1); loadPage(); });
$("next").addEventListener("click", () => { view.index += 1; loadPage(); });
$("filter-form").addEventListener("submit", (e) => {
  e.preventDefault();
  const column = $("filter-column").value;
  const op = $("filter-op").value;
  const value = $("filter-value").value;
  const filter = { column, op };
  if (op === "in") filter.values = value.split(",").map((v) => v.trim());
  else if (op !== "isNull" && op !== "notNull") filter.value = value;
  view.filters.push(filter);
  $("filter-value").value = "";
  restart();
});

// The grid's rows, filters and order applied, as a file.
async function exportRows(format) {
  try {
    const response = await api("/api/export", { ...rowRequest(), format }, true);
    const blob = await response.blob();
    const link = element("a");
    link.href = URL.createObjectURL(blob);
    link.download = view.table.name + "." + format;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10000);
    say(`Exported ${view.table.name}.${format} (${blob.size.toLocaleString()} bytes)`);
  } catch (e) {
    showError(e);
  }
}
$("export-csv").addEventListener("click", () => exportRows("csv"));
$("export-json").addEventListener("click", () => exportRows("json"));

// ---------------------------------------------------------------- the SQL console

const historyKey = "drizzle-studio:sql-history";
const sqlHistory = () => JSON.parse(localStorage.getItem(historyKey) || "[]");

function renderHistory() {
  $("sql-history").replaceChildren(...sqlHistory().map((sql) => {
    const item = element("li");
    const again = element("button", sql.length > 120 ? sql.slice(0, 120) + "…" : sql, "history");
    again.title = "Put this statement back in the console";
    again.addEventListener("click", () => { $("sql-text").value = sql; $("sql-text").focus(); });
    item.append(again);
    return item;
  }));
}

async function runSql() {
  const sql = $("sql-text").value;
  const error = $("sql-error");
  error.hidden = true;
  localStorage.setItem(historyKey, JSON.stringify([sql, ...sqlHistory().filter((s) => s !== sql)].slice(0, 50)));
  renderHistory();
  try {
    const result = await api("/api/sql", { sql });
    const head = element("tr");
    for (const c of result.columns) head.append(element("th", c));
    $("sql-head").replaceChildren(head);
    $("sql-body").replaceChildren(...result.rows.map((row) => {
      const tr = element("tr");
      for (const v of row) { const td = element("td"); renderValue(td, v); tr.append(td); }
      return tr;
    }));
    const ms = `${result.ms.toFixed(1)} ms`;
    say(result.columns.length
      ? `${result.rows.length.toLocaleString()} ${result.rows.length === 1 ? "row" : "rows"}${result.truncated ? " (the first ones only)" : ""} in ${ms}`
      : `${result.rowsAffected} ${result.rowsAffected === 1 ? "row" : "rows"} affected in ${ms}`);
  } catch (e) {
    let where = "";
    if (e.reply && e.reply.position) {
      // The database counts characters from 1; the text area counts UTF-16 units from 0.
      const before = Array.from(sql).slice(0, e.reply.position - 1).join("");
      const lines = before.split("\n");
      where = ` (line ${lines.length}, column ${lines[lines.length - 1].length + 1})`;
      $("sql-text").focus();
      $("sql-text").setSelectionRange(before.length, before.length + 1);
    }
    error.textContent = e.message + where;
    error.hidden = false;
    $("sql-head").replaceChildren(); // no result: the last statement's would mislead
    $("sql-body").replaceChildren();
    showError(new Error("The statement failed" + where));
  }
}
$("sql-form").addEventListener("submit", (e) => { e.preventDefault(); runSql(); });
$("sql-text").addEventListener("keydown", (e) => { if (e.key === "Enter" && e.ctrlKey) { e.preventDefault(); runSql(); } });

// ---------------------------------------------------------------- the diagram

const SVG = "http://www.w3.org/2000/svg";
function svg(tag, attributes, text) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attributes)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

// Tables as boxes in rows, each foreign key a line from its columns to the referenced table.
function drawDiagram() {
  const tables = allTables.filter((t) => t.kind === "table");
  const W = 220, ROW = 18, GAP = 60, perLine = Math.max(1, Math.floor((($("diagram-frame").clientWidth || 1200) - GAP) / (W + GAP)));
  const boxes = new Map();
  let x = GAP / 2, y = 20, lineHeight = 0, n = 0;
  for (const t of tables) {
    const h = ROW * (t.columns.length + 1) + 8;
    if (n > 0 && n % perLine === 0) { x = GAP / 2; y += lineHeight + GAP; lineHeight = 0; }
    boxes.set(t, { x, y, h });
    x += W + GAP;
    lineHeight = Math.max(lineHeight, h);
    n++;
  }
  const picture = svg("svg", { width: perLine * (W + GAP), height: y + lineHeight + 40, role: "img", "aria-label": "Tables and their foreign keys" });
  const lines = svg("g", { class: "links" });
  picture.append(lines);
  for (const t of tables) {
    const b = boxes.get(t);
    const g = svg("g", { class: "table", tabindex: "0", role: "link", "aria-label": `Open ${qualified(t)}` });
    g.append(svg("rect", { x: b.x, y: b.y, width: W, height: b.h, rx: 4 }));
    g.append(svg("text", { x: b.x + 8, y: b.y + ROW - 3, class: "title" }, qualified(t)));
    t.columns.forEach((c, i) => {
      const label = svg("text", { x: b.x + 8, y: b.y + ROW * (i + 2) - 3 }, c.name);
      if (t.key.includes(c.name)) label.append(svg("tspan", { class: "type" }, " PK"));
      g.append(label);
      g.append(svg("text", { x: b.x + W - 8, y: b.y + ROW * (i + 2) - 3, class: "type", "text-anchor": "end" }, c.type));
    });
    const open = () => { location.hash = "#table=" + encodeURIComponent(qualified(t)); };
    g.addEventListener("click", open);
    g.addEventListener("keydown", (e) => { if (e.key === "Enter") open(); });
    picture.append(g);
    for (const fk of t.foreignKeys || []) {
      const target = referencedTable(fk);
      const to = target && boxes.get(target);
      if (!to) continue;
      const row = t.columns.findIndex((c) => c.name === fk.columns[0]);
      const fromY = b.y + ROW * (row + 1) + ROW / 2;
      const toRow = target.columns.findIndex((c) => c.name === fk.references[0]);
      const toY = to.y + ROW * (toRow + 1) + ROW / 2;
      const fromX = to.x > b.x ? b.x + W : b.x;
      const toX = to.x > b.x ? to.x : to.x + W;
      const bend = to === b ? 40 : (toX - fromX) / 2;
      const d = to === b
        ? `M ${b.x + W} ${fromY} C ${b.x + W + 40} ${fromY}, ${b.x + W + 40} ${toY}, ${b.x + W} ${toY}`
        : `M ${fromX} ${fromY} C ${fromX + bend} ${fromY}, ${toX - bend} ${toY}, ${toX} ${toY}`;
      const path = svg("path", { d });
      path.append(svg("title", {}, `${t.name}.${fk.columns.join(", ")} → ${target.name}.${fk.references.join(", ")}`));
      lines.append(path);
    }
  }
  $("diagram-frame").replaceChildren(picture);
}

// ---------------------------------------------------------------- views and the table list

function showView(name) {
  for (const id of ["grid", "console", "diagram"]) $(id).hidden = id !== name;
  for (const [tab, owner] of [["tab-tables", "grid"], ["tab-sql", "console"], ["tab-diagram", "diagram"]])
    $(tab).setAttribute("aria-current", owner === name ? "page" : "false");
  $("table-list").hidden = name === "diagram";
}

async function route() {
  const hash = location.hash.slice(1);
  if (hash === "sql") { showView("console"); renderHistory(); $("sql-text").focus(); return; }
  if (hash === "diagram") { showView("diagram"); drawDiagram(); say(`${allTables.length} tables and views`); return; }
  const wanted = new URLSearchParams(hash).get("table");
  const linked = allTables.find((t) => qualified(t) === wanted);
  if (linked && linked !== view.table) await openTable(linked);
  else if (!linked) showView(view.table ? "grid" : "none");
  else showView("grid");
}
window.addEventListener("hashchange", () => route().catch(showError));

// The table list with fresh row counts; `andRoute` then opens what the URL names.
async function listTables(andRoute = true) {
  const reply = await api("/api/tables");
  allTables = reply.tables;
  dialect = reply.dialect;
  declaresRelations = reply.declaresRelations;
  const list = $("tables");
  list.replaceChildren();
  const bySchema = new Map();
  for (const t of allTables) {
    const key = t.schema || "";
    if (!bySchema.has(key)) bySchema.set(key, []);
    bySchema.get(key).push(t);
  }
  for (const [schema, items] of bySchema) {
    const group = element("li");
    if (schema) group.append(element("h2", schema));
    const inner = element("ul");
    for (const t of items) {
      const item = element("li", undefined, "table");
      const open = element("button", t.name, "name");
      open.addEventListener("click", () => openTable(t));
      item.append(open);
      if (t.kind !== "table") item.append(element("span", t.kind, "kind"));
      const rows = element("span", `${t.rowsEstimated ? "≈ " : ""}${t.rows.toLocaleString()} ${t.rows === 1 ? "row" : "rows"}`, "rows");
      if (t.rowsEstimated) rows.title = "the database's estimate: the grid counts exactly";
      item.append(rows);
      inner.append(item);
    }
    group.append(inner);
    list.append(group);
  }
  if (!andRoute) return;
  say(`${allTables.length} tables and views (${dialect})`);
  await route();
}

listTables().catch(showError);
