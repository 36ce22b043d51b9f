// Runs Drizzle ORM's own migrator (drizzle-orm and its pure-JS drivers from the fixtures'
// node_modules) on a database, so the tests can check that it and `drizzle-kit migrate` share
// the tracking table in both directions.
//
//   node drizzle_orm_migrate.cjs <tests/fixtures/drizzle-kit> <postgresql|mysql|sqlite> <url | sqlite file> <migrations folder>
//
// SQLite goes through sql.js (WebAssembly, no native build): the file is loaded, migrated in
// memory and written back.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { createRequire } = require('node:module');

async function main() {
  const [fixtures, dialect, target, migrationsFolder] = process.argv.slice(2);
  if (!migrationsFolder) throw new Error('usage: drizzle_orm_migrate.cjs FIXTURES DIALECT URL FOLDER');
  const load = createRequire(path.join(path.resolve(fixtures), 'package.json'));
  const config = { migrationsFolder };

  if (dialect === 'postgresql') {
    const { Client } = load('pg');
    const client = new Client({ connectionString: target });
    await client.connect();
    try {
      const db = load('drizzle-orm/node-postgres').drizzle(client);
      await load('drizzle-orm/node-postgres/migrator').migrate(db, config);
    } finally {
      await client.end();
    }
  } else if (dialect === 'mysql') {
    const connection = await load('mysql2/promise').createConnection({ uri: target });
    try {
      const db = load('drizzle-orm/mysql2').drizzle(connection);
      await load('drizzle-orm/mysql2/migrator').migrate(db, config);
    } finally {
      await connection.end();
    }
  } else if (dialect === 'sqlite') {
    const SQL = await load('sql.js')();
    const sqlite = new SQL.Database(fs.existsSync(target) ? fs.readFileSync(target) : undefined);
    const db = load('drizzle-orm/sql-js').drizzle(sqlite);
    load('drizzle-orm/sql-js/migrator').migrate(db, config);
    fs.writeFileSync(target, Buffer.from(sqlite.export()));
    sqlite.close();
  } else {
    throw new Error(`unknown dialect ${dialect}`);
  }
}

main().catch((error) => {
  console.error(error && error.stack ? error.stack : String(error));
  process.exit(1);
});
