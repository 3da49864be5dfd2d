/**
 * Another process holding the database's write lock: opens the SQLite file
 * given as its argument, begins an IMMEDIATE transaction, says "locked" and
 * keeps the lock until it is killed. Run with `node --import tsx`.
 */
import Database from "better-sqlite3";

const file = process.argv[2];
if (!file) throw new Error("usage: write-lock-holder.ts <database file>");
const db = new Database(file);
db.exec("BEGIN IMMEDIATE");
process.stdout.write("locked\n");
setInterval(() => {}, 60_000);
