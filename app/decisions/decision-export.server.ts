/**
 * /decisions.csv for board packs: the filtered register, every page, by
 * csv-stringify, with cells neutralised as /roadmap.csv's are. A decision
 * the reader may not read shows its reference, date, board and status, and
 * "Restricted" where its title would be: nothing else of it.
 */
import { stringify } from "csv-stringify/sync";
import type { SessionUser } from "../auth/principals";
import type { Locale, Translate } from "../i18n/translate";
import { type Db, getDb } from "../platform/db.server";
import { neutraliseCell } from "../roadmap/roadmap-export.server";
import type { DecisionQuery } from "./decision-query";
import { filteredRegister } from "./decision-register.server";

/** The file's name, dated by the day it was made: `srs-decisions-2026-05-01.csv`. */
export function decisionsCsvFileName(now: Date = new Date()): string {
  return `srs-decisions-${now.toISOString().slice(0, 10)}.csv`;
}

export function decisionsCsv(
  reader: SessionUser,
  query: DecisionQuery,
  locale: Locale,
  t: Translate,
  db: Db = getDb(),
): string {
  const { rows } = filteredRegister(reader, query, locale, db);
  const header = [
    t("decisions.csv.reference"),
    t("decisions.csv.date"),
    t("decisions.csv.board"),
    t("decisions.csv.status"),
    t("decisions.csv.title"),
    t("decisions.csv.decisionMaker"),
    t("decisions.csv.effectiveDate"),
    t("decisions.csv.leadOfficer"),
    t("decisions.csv.items"),
  ];
  const body = rows.map((row) =>
    [
      row.reference,
      row.date.slice(0, 10),
      row.board.name,
      t(`decisions.status.${row.status}`),
      row.content ? row.content.title : t("decisions.restricted"),
      row.content?.decisionMaker ?? "",
      row.content?.effectiveDate ?? "",
      row.content?.leadOfficer ?? "",
      row.content?.items.map((item) => item.title).join("; ") ?? "",
    ].map(neutraliseCell),
  );
  return stringify([header.map(neutraliseCell), ...body], { bom: true, record_delimiter: "windows" });
}
