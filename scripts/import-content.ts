/**
 * `npm run content:import [folder]`: imports partners and posts from Markdown
 * files (default: $CONTENT_DIR), updating by slug. Safe to run repeatedly.
 */
import path from "node:path";
import { readContentDirectory } from "../app/content/content-files.server";
import { importBoardContent } from "../app/content/import-boards.server";
import { importContent } from "../app/content/import-content.server";
import { closeDb } from "../app/platform/db.server";
import { getEnv } from "../app/platform/env.server";
import { migrateDatabase } from "../app/platform/migrate.server";

try {
  const folder = process.argv[2] ? path.resolve(process.argv[2]) : getEnv().contentDir;
  migrateDatabase();
  const report = importContent(readContentDirectory(folder));
  // Boards seat people by email: accounts missing now are seated by a later import.
  const boards = importBoardContent(folder);
  const line = (what: string, r: { created: number; updated: number; unchanged: number }) =>
    `${what}: ${r.created} created, ${r.updated} updated, ${r.unchanged} unchanged`;
  console.log(
    `Imported ${folder}\n${line("Partners", report.partners)}\n${line("Posts", report.posts)}\n${line("Roadmap items", report.roadmap)} (${report.roadmap.updates} updates, ${report.roadmap.links} links)\n${line("Interest", report.interest)}\n${line("Glossary terms", report.glossary)}\n${line("Boards", boards.boards)}\n${line("Meetings", boards.meetings)}`,
  );
} catch (error) {
  console.error(`Import failed, nothing was written: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
} finally {
  closeDb();
}
