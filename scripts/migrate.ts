/** `npm run db:migrate`: applies the committed migrations to $DATA_DIR/hub.db. */
import { closeDb, migrateDatabase } from "../app/platform/db.server";
import { getEnv } from "../app/platform/env.server";

migrateDatabase();
console.log(`Database is up to date: ${getEnv().databasePath}`);
closeDb();
