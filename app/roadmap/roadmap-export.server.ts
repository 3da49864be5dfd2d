/**
 * The roadmap as CSV for board packs: the filtered list, one row per item,
 * written by csv-stringify. Cells people typed are neutralised so that a
 * spreadsheet never runs them as formulas (decision 045).
 */
import { stringify } from "csv-stringify/sync";
import type { SessionUser } from "../auth/principals";
import type { Translate } from "../i18n/translate";
import { relationsOfType } from "../links/link-relations";
import { type Db, getDb } from "../platform/db.server";
import { linkCountsByItem, listRoadmap } from "./roadmap-list.server";
import type { RoadmapQuery } from "./roadmap-query";

/**
 * What spreadsheets read as the start of a formula (`=`, `+`, `-`, `@`) or
 * may skip before one (tab, carriage return): a cell starting with any of
 * them gets a leading apostrophe, which shows it as the text it is.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The file's name, dated by the day it was made: `srs-roadmap-2026-05-01.csv`. */
export function roadmapCsvFileName(now: Date = new Date()): string {
  return `srs-roadmap-${isoDay(now.getTime())}.csv`;
}

/** The relations an item holds to the posts behind it: a column each. */
const ITEM_RELATIONS = relationsOfType("roadmap_item", "subject");

/** The filtered roadmap as CSV text (with a byte order mark, so that spreadsheets read it as UTF-8). */
export function roadmapCsv(
  reader: SessionUser,
  query: RoadmapQuery,
  t: Translate,
  db: Db = getDb(),
  now = Date.now(),
): string {
  const { items } = listRoadmap(reader, query, db, now);
  const counts = linkCountsByItem(
    reader,
    items.map((item) => item.id),
    db,
  );
  const header = [
    t("roadmapViews.csv.title"),
    t("roadmapViews.csv.slug"),
    t("roadmapViews.csv.theme"),
    t("roadmapViews.csv.status"),
    t("roadmapViews.csv.start"),
    t("roadmapViews.csv.target"),
    t("roadmapViews.csv.partners"),
    t("roadmapViews.csv.owner"),
    t("roadmapViews.csv.rag"),
    t("roadmapViews.csv.lastUpdate"),
    t("roadmapViews.csv.reviewed"),
    t("roadmapViews.csv.stale"),
    ...ITEM_RELATIONS.map((relation) => t("roadmapViews.csv.relation", { relation })),
  ];
  const rows = items.map((item) => [
    ...[
      item.title,
      item.slug,
      item.themeName,
      t(`roadmapViews.status.${item.status}`),
      item.startQuarter,
      item.targetQuarter,
      item.partners.map((partner) => partner.name).join("; "),
      item.ownerName ?? "",
      item.rag === "none" ? "" : t(`roadmapViews.rag.${item.rag}`),
      item.lastUpdate ?? "",
      isoDay(item.reviewedAt),
      item.stale ? t("roadmapViews.csv.yes") : t("roadmapViews.csv.no"),
    ].map(neutraliseCell),
    ...ITEM_RELATIONS.map((relation) => counts.get(item.id)?.[relation] ?? 0),
  ]);
  return stringify([header.map(neutraliseCell), ...rows], { bom: true, record_delimiter: "windows" });
}
