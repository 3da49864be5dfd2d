/**
 * Writes the demo boards' papers under content/boards/<board>/papers/: small
 * PDF, DOCX and XLSX files, the same bytes every time (the outputs are
 * committed; run again after changing the text here). Each holds a phrase
 * its title does not, so a search for it shows that a paper is found by the
 * words inside it.
 *
 *   npx tsx scripts/make-demo-papers.ts
 */
import fs from "node:fs";
import path from "node:path";
import { makeDocx, makePdf, makeXlsx } from "./lib/paper-documents";

type Paper = { board: string; file: string } & (
  | { kind: "pdf"; title: string; paragraphs: string[] }
  | { kind: "docx"; title: string; paragraphs: string[] }
  | { kind: "xlsx"; sheet: string; rows: (string | number)[][] }
);

async function bytesOf(paper: Paper): Promise<Buffer> {
  if (paper.kind === "pdf") return makePdf(paper.title, paper.paragraphs);
  if (paper.kind === "docx") return makeDocx(paper.title, paper.paragraphs);
  return makeXlsx(paper.sheet, paper.rows);
}

const PAPERS: Paper[] = [
  {
    board: "srs-strategic-board",
    file: "storage-options-appraisal.pdf",
    kind: "pdf",
    title: "Data centre consolidation: storage options appraisal",
    paragraphs: [
      "Purpose: to recommend how the partnership stores its data once the Blaenavon data centre closes.",
      "Three options were appraised: like-for-like replacement, a single all-flash array, and tiered storage with older data moved to lower-cost disk and object storage.",
      "Recommendation: moving to tiered storage saves £84,000 a year against like-for-like replacement, with no change to recovery times for critical systems.",
      "Risks: the migration window overlaps the year-end closedown for two partners; the plan keeps finance systems on their current storage until April.",
    ],
  },
  {
    board: "srs-strategic-board",
    file: "sd-wan-progress-report.docx",
    kind: "docx",
    title: "SD-WAN rollout: progress report",
    paragraphs: [
      "Summary: eleven of the fourteen library sites now run on the new network, and the remaining three are booked for next month.",
      "Schools: the pilot in four Torfaen primary schools finished without a single lost lesson.",
      "Issues: one supplier circuit in Monmouthshire was delivered late; the supplier has agreed service credits.",
    ],
  },
  {
    board: "srs-strategic-board",
    file: "soc-supplier-evaluation.pdf",
    kind: "pdf",
    title: "Shared security operations centre: supplier evaluation",
    paragraphs: [
      "This paper is exempt from publication: it contains commercially sensitive information about bidders.",
      "Four bids were evaluated against the published criteria. The preferred bidder scored 87 out of 100 on incident response and offered a fixed price for three years.",
      "The board is asked to approve contract award subject to the usual legal checks.",
    ],
  },
  {
    board: "finance-and-governance-board",
    file: "budget-monitoring-month-10.xlsx",
    kind: "xlsx",
    sheet: "Month 10",
    rows: [
      ["Budget line", "Annual budget", "Forecast outturn", "Variance", "Note"],
      ["Staffing", 4120000, 4095000, -25000, "Two vacancies held"],
      ["Microsoft 365 licences", 1350000, 1288000, -62000, "Microsoft 365 licence underspend after the true-up"],
      ["Network circuits", 610000, 633000, 23000, "SD-WAN dual running until March"],
      ["Backup storage", 240000, 251000, 11000, "Immutable copies added"],
    ],
  },
  {
    board: "finance-and-governance-board",
    file: "internal-audit-backup-and-recovery.docx",
    kind: "docx",
    title: "Internal audit: backup and recovery",
    paragraphs: [
      "Opinion: reasonable assurance.",
      "Restore tests passed for 23 of 24 critical systems; the exception, the housing repairs system, restored within a day rather than the four hours its plan allows.",
      "Management actions: immutable backups for every partner by the end of the year, and a restore test of each critical system every quarter.",
    ],
  },
];

const contentDir = path.resolve(process.argv[2] ?? "content");
for (const paper of PAPERS) {
  const folder = path.join(contentDir, "boards", paper.board, "papers");
  fs.mkdirSync(folder, { recursive: true });
  const bytes = await bytesOf(paper);
  fs.writeFileSync(path.join(folder, paper.file), bytes);
  console.log(`${path.relative(process.cwd(), path.join(folder, paper.file))} (${bytes.length} bytes)`);
}
