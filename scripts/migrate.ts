/** `npm run db:migrate`: applies the committed migrations to $DATA_DIR/hub.db. */
import { closeDb } from "../app/platform/db.server";
import { getEnv } from "../app/platform/env.server";
import { migrateDatabase } from "../app/platform/migrate.server";

migrateDatabase();
console.log(`Database is up to date: ${getEnv().databasePath}`);
closeDb();
