// drizzle-kit studio: the app. The token comes from the URL the server printed and goes with every
// API call as the X-Studio-Token header; text from the database is only ever set as textContent.
"use strict";

const token = new URLSearchParams(location.search).get("token") || "";
const statusLine = document.getElementById("status");

async function api(path) {
  const response = await fetch(path, { headers: { "X-Studio-Token": token } });
  const body = await response.json().catch(() => ({ error: "the server sent no JSON" }));
  if (response.status === 401) throw new Error("Unauthorised: open the URL drizzle-kit studio printed (it carries the token).");
  if (response.status === 503) throw new Error("The database connection was lost: " + body.error + ". Reload to reconnect.");
  if (!response.ok) throw new Error(body.error || response.statusText);
  return body;
}

function element(tag, text, className) {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (className) e.className = className;
  return e;
}

async function listTables() {
  const { dialect, tables } = await api("/api/tables");
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
      item.append(element("span", t.name, "name"));
      if (t.kind !== "table") item.append(element("span", t.kind, "kind"));
      item.append(element("span", `${t.rows.toLocaleString()} ${t.rows === 1 ? "row" : "rows"}`, "rows"));
      inner.append(item);
    }
    group.append(inner);
    list.append(group);
  }
  statusLine.textContent = `${tables.length} tables and views (${dialect})`;
}

listTables().catch((e) => {
  statusLine.textContent = e.message;
  statusLine.className = "error";
});
