// drizzle-kit studio: the app. The token comes from the URL the server printed and goes with every
// API call as the X-Studio-Token header; text from the database is only ever set as textContent.
"use strict";

const token = new URLSearchParams(location.search).get("token") || "";
const statusLine = document.getElementById("status");
const PAGE = 50;

async function api(path, body) {
  const init = { headers: { "X-Studio-Token": token } };
  if (body !== undefined) {
    init.method = "POST";
    init.headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  const response = await fetch(path, init);
  const reply = await response.json().catch(() => ({ error: "the server sent no JSON" }));
  if (response.status === 401) throw new Error("Unauthorised: open the URL drizzle-kit studio printed (it carries the token).");
  if (response.status === 503) throw new Error("The database connection was lost: " + reply.error + ". Try again to reconnect.");
  if (!response.ok) throw new Error(reply.error || response.statusText);
  return reply;
}

function element(tag, text, className) {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (className) e.className = className;
  return e;
}

function showError(e) {
  statusLine.textContent = e.message;
  statusLine.className = "error";
}

// ---------------------------------------------------------------- the grid of one table

const view = { table: null, offset: 0, sort: null, filters: [], page: null };
let allTables = [];

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
  if (edit.op === "update") return `update ${key}: ${values(edit.set)}`;
  if (edit.op === "insert") return `insert ${values(edit.values) || "(defaults)"}`;
  return `delete ${key}`;
}

function stage(edit) {
  staged.push(edit);
  renderStaged();
}

function renderStaged(failed) {
  const panel = document.getElementById("staged");
  panel.hidden = staged.length === 0;
  document.getElementById("staged-list").replaceChildren(...staged.map((e, i) =>
    element("li", describe(e), i === failed ? "failed" : "")));
}

async function applyStaged() {
  const t = view.table;
  try {
    const reply = await api("/api/edits", { schema: t.schema, table: t.name, edits: staged });
    staged = [];
    renderStaged();
    statusLine.textContent = `Applied ${reply.applied} ${reply.applied === 1 ? "edit" : "edits"}`;
    await loadPage();
  } catch (e) {
    // Nothing was applied; the failing edit is marked and the edits stay staged.
    const match = /^edit (\d+):/.exec(e.message);
    renderStaged(match ? Number(match[1]) - 1 : undefined);
    showError(e);
  }
}

document.getElementById("apply").addEventListener("click", applyStaged);
document.getElementById("discard").addEventListener("click", () => { staged = []; renderStaged(); loadPage(); });

// A cell edits in place: Enter or a double click opens it, Enter stages the new text, Escape
// leaves it, Alt+N stages NULL.
function editCell(td, row, columnIndex) {
  if (!view.table.key.length || td.querySelector("input")) return;
  const before = row[columnIndex];
  const input = element("input");
  input.value = before === null ? "" : before;
  input.setAttribute("aria-label", `New value of ${view.page.columns[columnIndex]} (Alt+N for NULL)`);
  td.replaceChildren(input);
  input.focus();
  const finish = (value) => {
    td.textContent = value === null ? "NULL" : value;
    td.className = value === null ? "null" : "";
    if (value !== before) {
      td.classList.add("changed");
      stage({ op: "update", key: keyOf(row), set: { [view.page.columns[columnIndex]]: value } });
    }
    td.focus();
  };
  input.addEventListener("keydown", (e) => {
    if (e.key === "Enter") { e.preventDefault(); finish(input.value); }
    else if (e.key === "Escape") { e.preventDefault(); finish(before); }
    else if (e.altKey && (e.key === "n" || e.key === "N")) { e.preventDefault(); finish(null); }
  });
}

document.getElementById("add-row").addEventListener("click", () => {
  // Empty fields are left to the database (its default, or NULL).
  const form = document.getElementById("new-row");
  form.replaceChildren(...view.table.columns.map((c) => {
    const label = element("label", c.name);
    const input = element("input");
    input.name = c.name;
    label.append(input);
    return label;
  }), element("button", "Stage insert"));
  form.hidden = false;
});
document.getElementById("new-row").addEventListener("submit", (e) => {
  e.preventDefault();
  const values = {};
  for (const input of e.target.querySelectorAll("input")) if (input.value !== "") values[input.name] = input.value;
  stage({ op: "insert", values });
  e.target.hidden = true;
});

async function openTable(t, filters = []) {
  Object.assign(view, { table: t, offset: 0, sort: null, filters });
  history.replaceState(null, "", location.search + "#table=" + encodeURIComponent((t.schema ? t.schema + "." : "") + t.name));
  document.getElementById("grid").hidden = false;
  document.getElementById("grid-title").textContent = (t.schema ? t.schema + "." : "") + t.name;
  const columnSelect = document.getElementById("filter-column");
  columnSelect.replaceChildren(...t.columns.map((c) => element("option", c.name)));
  await loadPage();
}

async function loadPage() {
  const t = view.table;
  try {
    const page = await api("/api/rows", {
      schema: t.schema, table: t.name, limit: PAGE, offset: view.offset, sort: view.sort, filters: view.filters,
    });
    view.page = page;
    renderPage(page);
    statusLine.className = "";
    statusLine.textContent = page.total === 0 ? "No rows" :
      `Rows ${view.offset + 1}–${view.offset + page.rows.length} of ${page.total.toLocaleString()}`;
    document.getElementById("prev").disabled = view.offset === 0;
    document.getElementById("next").disabled = view.offset + page.rows.length >= page.total;
  } catch (e) {
    showError(e);
  }
}

function renderPage(page) {
  const head = element("tr");
  for (const name of page.columns) {
    const th = element("th");
    th.scope = "col";
    const sorted = view.sort && view.sort.column === name;
    const button = element("button", name + (sorted ? (view.sort.desc ? " ▼" : " ▲") : ""));
    button.title = "Sort by " + name;
    th.setAttribute("aria-sort", sorted ? (view.sort.desc ? "descending" : "ascending") : "none");
    button.addEventListener("click", () => {
      view.sort = { column: name, desc: sorted && !view.sort.desc };
      view.offset = 0;
      loadPage();
    });
    th.append(button);
    head.append(th);
  }
  if (view.table.key.length) head.append(element("th", "", "actions"));
  const body = page.rows.map((row) => {
    const tr = element("tr");
    row.forEach((value, i) => {
      // NULL and the empty string look different: NULL is a marked word, "" an empty cell.
      const td = value === null ? element("td", "NULL", "null") : element("td", value);
      td.tabIndex = -1;
      // A foreign-key value links to the row it references.
      const fk = value === null ? null : (view.table.foreignKeys || []).find((f) => f.columns.length === 1 && f.columns[0] === page.columns[i]);
      const target = fk && allTables.find((t) => t.name === fk.table && (t.schema || "") === (fk.schema || ""));
      if (target) {
        const link = element("a", value);
        link.href = "#table=" + encodeURIComponent((target.schema ? target.schema + "." : "") + target.name);
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
  document.getElementById("rows-head").replaceChildren(head);
  document.getElementById("rows-body").replaceChildren(...body);
  renderFilters();
}

function renderFilters() {
  const list = document.getElementById("filters");
  list.replaceChildren(...view.filters.map((f, i) => {
    const chip = element("li");
    chip.append(element("span", `${f.column} ${f.op}${f.value !== undefined ? " " + f.value : ""}${f.values ? " " + f.values.join(", ") : ""}`));
    const remove = element("button", "×");
    remove.setAttribute("aria-label", "Remove this filter");
    remove.addEventListener("click", () => { view.filters.splice(i, 1); view.offset = 0; loadPage(); });
    chip.append(remove);
    return chip;
  }));
}

// Arrow keys move between cells of the grid.
document.getElementById("rows-body").addEventListener("keydown", (e) => {
  const cell = e.target.closest("td");
  if (!cell) return;
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

document.getElementById("prev").addEventListener("click", () => { view.offset = Math.max(0, view.offset - PAGE); loadPage(); });
document.getElementById("next").addEventListener("click", () => { view.offset += PAGE; loadPage(); });
document.getElementById("filter-form").addEventListener("submit", (e) => {
  e.preventDefault();
  const column = document.getElementById("filter-column").value;
  const op = document.getElementById("filter-op").value;
  const value = document.getElementById("filter-value").value;
  const filter = { column, op };
  if (op === "in") filter.values = value.split(",").map((v) => v.trim());
  else if (op !== "isNull" && op !== "notNull") filter.value = value;
  view.filters.push(filter);
  view.offset = 0;
  loadPage();
});

// ---------------------------------------------------------------- the tables

async function listTables() {
  const { dialect, tables } = await api("/api/tables");
  allTables = tables;
  const list = document.getElementById("tables");
  list.replaceChildren();
  const bySchema = new Map();
  for (const t of tables) {
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
      item.append(element("span", `${t.rows.toLocaleString()} ${t.rows === 1 ? "row" : "rows"}`, "rows"));
      inner.append(item);
    }
    group.append(inner);
    list.append(group);
  }
  statusLine.textContent = `${tables.length} tables and views (${dialect})`;
  // A link to a table (#table=schema.name) opens it.
  const wanted = new URLSearchParams(location.hash.slice(1)).get("table");
  const linked = tables.find((t) => (t.schema ? t.schema + "." : "") + t.name === wanted);
  if (linked) await openTable(linked);
}

listTables().catch(showError);
