/**
 * The relevance test set: queries staff of the partners would type, each with
 * the demo records they would want to see, judged by reading the demo content
 * (content/posts, content/roadmap, content/boards), never by looking at what
 * the engine returns. `npm run eval:search` measures the finder against it
 * (docs/search-quality.md, decision 061).
 *
 * Records are named by keys that survive a fresh import:
 *   post:<slug>                  roadmap:<slug>
 *   decision:<board>/<key>       (the decision's key in its board's decisions.md;
 *                                 its reference, SB-2026-001, depends on the import's year)
 *   meeting:<board>/<file>       (the meeting's import key)
 *   paper:<board>/<file name>    (the file beside _papers.md)
 * Every key must name a record a signed-in reader may see (published, not
 * confidential): test/unit/relevance-set.test.ts checks them against content/.
 */

export const CATEGORIES = [
  "known-item",
  "typo",
  "abbreviation",
  "everyday",
  "word-form",
  "welsh",
  "partner-topic",
] as const;
export type Category = (typeof CATEGORIES)[number];

export interface RelevanceQuery {
  q: string;
  category: Category;
  /** The records wanted, most wanted first; 1 to 5 (up to 15 when `anyOf`). */
  expected: string[];
  /**
   * A broad query ("gwersi a ddysgwyd": lessons learned) that any one of the
   * listed records answers: it counts as found when any of them is in the top 5.
   */
  anyOf?: true;
  /** Why these records, where it is not obvious. */
  note?: string;
}

const post = (slug: string) => `post:${slug}`;
const item = (slug: string) => `roadmap:${slug}`;
const decision = (boardAndKey: string) => `decision:${boardAndKey}`;
const meeting = (boardAndFile: string) => `meeting:${boardAndFile}`;
const paper = (boardAndFile: string) => `paper:${boardAndFile}`;

/** Published lessons: any of them answers "lessons learned". */
const LESSONS = [
  "teams-rollout-covid",
  "torfaen-mfa-frontline-staff",
  "blaenau-gwent-laptop-lifecycle-five-years",
  "blaenau-gwent-shared-drive-retention",
  "gwent-police-anpr-data-retention",
  "gwent-police-body-worn-video-storage",
  "monmouthshire-generative-ai-pilot",
  "monmouthshire-pstn-switch-off-telecare",
  "newport-ransomware-tabletop-exercise",
  "newport-website-accessibility-lessons",
  "srs-psn-cyber-essentials-plus-evidence",
  "srs-sd-wan-rollout-sequencing",
].map(post);

const NEWPORT = [
  "newport-bilingual-chatbot",
  "newport-city-data-platform",
  "newport-customer-access-strategy-2025-2028",
  "newport-digital-champion-every-ward",
  "newport-digital-strategy-2022-2027",
  "newport-ransomware-tabletop-exercise",
  "newport-teams-rollout-council-meetings",
  "newport-website-accessibility-lessons",
].map(post);

const GWENT_POLICE = [
  "gwent-police-anpr-data-retention",
  "gwent-police-body-worn-video-storage",
  "gwent-police-digital-evidence-without-discs",
  "gwent-police-digital-strategy-2023-2028",
  "gwent-police-information-management-strategy-2025-2028",
  "gwent-police-roadside-mobile-working",
  "gwent-police-teams-rollout-lockdown",
  "gwent-police-waspi-safeguarding-sharing",
].map(post);

const MONMOUTHSHIRE = [
  "monmouthshire-bilingual-by-design",
  "monmouthshire-device-lending-hubs",
  "monmouthshire-digital-data-strategy-2023-2027",
  "monmouthshire-generative-ai-pilot",
  "monmouthshire-pstn-switch-off-telecare",
  "monmouthshire-rpa-blue-badge-backlog",
  "monmouthshire-rural-connectivity-hubs",
  "monmouthshire-sustainable-it-plan-2024-2030",
].map(post);

const DIGITAL_STRATEGIES = [
  "blaenau-gwent-digital-strategy-2021-2026",
  "newport-digital-strategy-2022-2027",
  "torfaen-digital-strategy-2024-2029",
  "monmouthshire-digital-data-strategy-2023-2027",
  "gwent-police-digital-strategy-2023-2028",
].map(post);

export const RELEVANCE_SET: readonly RelevanceQuery[] = [
  // Known items: a title or near-title, as someone who has seen the record types it.
  { q: "Rolling out Microsoft Teams in three weeks", category: "known-item", expected: [post("teams-rollout-covid")] },
  {
    q: "ransomware tabletop exercise",
    category: "known-item",
    expected: [post("newport-ransomware-tabletop-exercise")],
  },
  { q: "blue badge backlog", category: "known-item", expected: [post("monmouthshire-rpa-blue-badge-backlog")] },
  {
    q: "multi-agency safeguarding information sharing",
    category: "known-item",
    expected: [post("gwent-police-waspi-safeguarding-sharing")],
  },
  {
    q: "fixing accessibility on the council website",
    category: "known-item",
    expected: [post("newport-website-accessibility-lessons")],
  },
  { q: "Torfaen Digital Strategy", category: "known-item", expected: [post("torfaen-digital-strategy-2024-2029")] },
  { q: "SD-WAN for every partner site", category: "known-item", expected: [item("sd-wan-rollout")] },
  {
    q: "Immutable backups with quarterly restore tests",
    category: "known-item",
    expected: [item("immutable-backups"), post("srs-immutable-backup-restore-testing")],
  },
  {
    q: "place data platform",
    category: "known-item",
    expected: [item("place-data-platform"), post("newport-city-data-platform")],
  },
  {
    q: "Generative AI with shared guardrails",
    category: "known-item",
    expected: [item("generative-ai-guardrails"), decision("srs-strategic-board/ai-guardrails")],
  },
  {
    q: "Telecare ready for the PSTN switch-off",
    category: "known-item",
    expected: [item("pstn-telecare-migration"), post("monmouthshire-pstn-switch-off-telecare")],
  },
  { q: "shared pool of laptops", category: "known-item", expected: [item("shared-device-pool")] },
  {
    q: "Fund immutable backups from the shared reserve",
    category: "known-item",
    expected: [decision("finance-and-governance-board/immutable-backup-funding")],
  },
  {
    q: "cloud-smart hosting policy",
    category: "known-item",
    expected: [decision("srs-strategic-board/cloud-smart-hosting")],
  },
  {
    q: "apprenticeship levy transfer",
    category: "known-item",
    expected: [decision("finance-and-governance-board/apprenticeship-levy-transfer")],
  },
  {
    q: "Internal audit report: backup and recovery",
    category: "known-item",
    expected: [paper("finance-and-governance-board/internal-audit-backup-and-recovery.docx")],
  },
  {
    q: "storage options appraisal",
    category: "known-item",
    expected: [paper("srs-strategic-board/storage-options-appraisal.pdf")],
  },
  {
    q: "budget monitoring month 10",
    category: "known-item",
    expected: [paper("finance-and-governance-board/budget-monitoring-month-10.xlsx")],
  },
  { q: "winter change freeze", category: "known-item", expected: [meeting("operational-board/02-change-freeze")] },

  // Typos: one or two letters wrong, as typed in a hurry.
  {
    q: "telefony",
    category: "typo",
    expected: [
      post("blaenau-gwent-cloud-telephony-isdn"),
      post("monmouthshire-pstn-switch-off-telecare"),
      item("pstn-telecare-migration"),
    ],
  },
  {
    q: "ransomwear",
    category: "typo",
    expected: [
      post("newport-ransomware-tabletop-exercise"),
      post("srs-immutable-backup-restore-testing"),
      item("immutable-backups"),
    ],
  },
  {
    q: "Micosoft Teems",
    category: "typo",
    expected: [
      post("teams-rollout-covid"),
      post("gwent-police-teams-rollout-lockdown"),
      post("newport-teams-rollout-council-meetings"),
      item("microsoft-365-rollout"),
    ],
  },
  {
    q: "apprenticships",
    category: "typo",
    expected: [post("blaenau-gwent-it-apprenticeships"), item("it-apprenticeships-partnership")],
  },
  { q: "accesibility audit", category: "typo", expected: [post("newport-website-accessibility-lessons")] },
  { q: "safegaurding referrals", category: "typo", expected: [post("gwent-police-waspi-safeguarding-sharing")] },
  {
    q: "digitial inclusion",
    category: "typo",
    expected: [
      post("blaenau-gwent-inclusion-with-housing-partners"),
      post("newport-digital-champion-every-ward"),
      post("monmouthshire-device-lending-hubs"),
      item("device-lending-and-champions"),
    ],
  },
  { q: "bilingal chatbot", category: "typo", expected: [post("newport-bilingual-chatbot")] },
  {
    q: "immutible backups",
    category: "typo",
    expected: [
      item("immutable-backups"),
      post("srs-immutable-backup-restore-testing"),
      decision("finance-and-governance-board/immutable-backup-funding"),
    ],
  },
  {
    q: "telecar alarms",
    category: "typo",
    expected: [
      post("monmouthshire-pstn-switch-off-telecare"),
      item("pstn-telecare-migration"),
      decision("operational-board/telecare-first"),
    ],
  },
  {
    q: "Monmouthshre device lending",
    category: "typo",
    expected: [post("monmouthshire-device-lending-hubs"), item("device-lending-and-champions")],
  },
  { q: "robotic proces automation", category: "typo", expected: [post("monmouthshire-rpa-blue-badge-backlog")] },

  // Abbreviations: what staff say, where the records mostly spell it out.
  {
    q: "BWV",
    category: "abbreviation",
    expected: [post("gwent-police-body-worn-video-storage"), post("gwent-police-digital-evidence-without-discs")],
  },
  {
    q: "SIEM",
    category: "abbreviation",
    expected: [
      post("srs-shared-security-operations-centre"),
      item("shared-security-operations-centre"),
      post("blaenau-gwent-cyber-security-strategy-2024-2027"),
    ],
    note: "Security monitoring: the shared SOC and the strategy's round-the-clock monitoring; no record says SIEM.",
  },
  {
    q: "DR testing",
    category: "abbreviation",
    expected: [
      post("srs-immutable-backup-restore-testing"),
      item("immutable-backups"),
      post("srs-data-centre-consolidation-cloud"),
      paper("finance-and-governance-board/internal-audit-backup-and-recovery.docx"),
    ],
    note: "Disaster recovery tests: restore tests, recovery moved to the cloud, the audit of restore tests.",
  },
  {
    q: "Copilot",
    category: "abbreviation",
    expected: [post("monmouthshire-generative-ai-pilot"), item("generative-ai-guardrails")],
    note: "Microsoft's AI assistant in Microsoft 365: the pilot gave staff one; no record names the product.",
  },
  {
    q: "PSN",
    category: "abbreviation",
    expected: [post("srs-psn-cyber-essentials-plus-evidence"), item("cyber-essentials-plus-evidence")],
  },
  { q: "ANPR", category: "abbreviation", expected: [post("gwent-police-anpr-data-retention")] },
  {
    q: "SOC",
    category: "abbreviation",
    expected: [post("srs-shared-security-operations-centre"), item("shared-security-operations-centre")],
  },
  { q: "MFA", category: "abbreviation", expected: [post("torfaen-mfa-frontline-staff")] },
  { q: "RPA", category: "abbreviation", expected: [post("monmouthshire-rpa-blue-badge-backlog")] },
  {
    q: "M365 rollout",
    category: "abbreviation",
    expected: [item("microsoft-365-rollout"), decision("srs-strategic-board/m365-for-every-partner")],
  },
  {
    q: "O365 migration",
    category: "abbreviation",
    expected: [
      item("microsoft-365-rollout"),
      decision("srs-strategic-board/m365-for-every-partner"),
      post("blaenau-gwent-shared-drive-retention"),
    ],
  },
  { q: "WASPI", category: "abbreviation", expected: [post("gwent-police-waspi-safeguarding-sharing")] },
  { q: "ISDN", category: "abbreviation", expected: [post("blaenau-gwent-cloud-telephony-isdn")] },
  { q: "VfM reporting", category: "abbreviation", expected: [post("srs-value-for-money-reporting")] },
  {
    q: "DEMS",
    category: "abbreviation",
    expected: [
      post("gwent-police-digital-evidence-without-discs"),
      item("digital-evidence-sharing"),
      post("gwent-police-body-worn-video-storage"),
    ],
    note: "Digital evidence management system, as police staff call it.",
  },
  {
    q: "CPS evidence",
    category: "abbreviation",
    expected: [item("digital-evidence-sharing"), post("gwent-police-digital-evidence-without-discs")],
  },

  // Everyday phrasing: the problem in the searcher's words, not the record's.
  {
    q: "what went wrong moving to the cloud",
    category: "everyday",
    expected: [
      post("blaenau-gwent-shared-drive-retention"),
      post("srs-data-centre-consolidation-cloud"),
      decision("srs-strategic-board/cloud-smart-hosting"),
    ],
  },
  {
    q: "hackers encrypt our files",
    category: "everyday",
    expected: [
      post("newport-ransomware-tabletop-exercise"),
      post("srs-immutable-backup-restore-testing"),
      item("immutable-backups"),
    ],
  },
  {
    q: "lending laptops to residents who have none",
    category: "everyday",
    expected: [
      post("monmouthshire-device-lending-hubs"),
      item("device-lending-and-champions"),
      post("newport-digital-champion-every-ward"),
    ],
  },
  {
    q: "how long to keep police camera footage",
    category: "everyday",
    expected: [post("gwent-police-body-worn-video-storage"), post("gwent-police-anpr-data-retention")],
  },
  {
    q: "staff without a work phone signing in",
    category: "everyday",
    expected: [post("torfaen-mfa-frontline-staff")],
  },
  {
    q: "phone lines being switched off",
    category: "everyday",
    expected: [
      post("monmouthshire-pstn-switch-off-telecare"),
      post("blaenau-gwent-cloud-telephony-isdn"),
      item("pstn-telecare-migration"),
    ],
  },
  {
    q: "council meetings online during covid",
    category: "everyday",
    expected: [post("newport-teams-rollout-council-meetings")],
  },
  {
    q: "too many password reset calls",
    category: "everyday",
    expected: [post("srs-service-desk-self-service-portal"), item("service-desk-self-service")],
  },
  {
    q: "keeping laptops longer to save money",
    category: "everyday",
    expected: [post("blaenau-gwent-laptop-lifecycle-five-years"), post("monmouthshire-sustainable-it-plan-2024-2030")],
  },
  {
    q: "sending evidence to court without DVDs",
    category: "everyday",
    expected: [post("gwent-police-digital-evidence-without-discs"), item("digital-evidence-sharing")],
  },
  {
    q: "we cannot recruit IT staff",
    category: "everyday",
    expected: [post("blaenau-gwent-it-apprenticeships"), item("it-apprenticeships-partnership")],
  },
  {
    q: "who decides during a cyber attack",
    category: "everyday",
    expected: [post("newport-ransomware-tabletop-exercise")],
  },
  {
    q: "residents doing things online instead of phoning",
    category: "everyday",
    expected: [
      post("torfaen-self-service-for-residents"),
      item("resident-self-service-platform"),
      post("newport-customer-access-strategy-2025-2028"),
    ],
  },
  {
    q: "clearing out old files before migration",
    category: "everyday",
    expected: [post("blaenau-gwent-shared-drive-retention")],
  },
  {
    q: "officers filling in forms on their phones",
    category: "everyday",
    expected: [post("gwent-police-roadside-mobile-working")],
  },
  {
    q: "what each partner pays for SRS services",
    category: "everyday",
    expected: [post("srs-value-for-money-reporting")],
  },
  {
    q: "network outage in Newport",
    category: "everyday",
    expected: [meeting("operational-board/01-service-performance")],
    note: "The Operational Board's minutes record a four-hour outage in Newport.",
  },

  // Word forms: another form of a word the records use.
  {
    q: "reducing carbon",
    category: "word-form",
    expected: [post("monmouthshire-sustainable-it-plan-2024-2030"), post("blaenau-gwent-laptop-lifecycle-five-years")],
  },
  {
    q: "proving value",
    category: "word-form",
    expected: [post("srs-value-for-money-reporting"), post("srs-strategy-roadmap-2022-2027")],
    note: "The strategy says the pandemic 'proved the value of the partnership' and promises to show value for money.",
  },
  {
    q: "devices",
    category: "word-form",
    expected: [
      post("torfaen-schools-hwb-device-refresh"),
      post("monmouthshire-device-lending-hubs"),
      post("blaenau-gwent-laptop-lifecycle-five-years"),
      item("device-lending-and-champions"),
      item("shared-device-pool"),
    ],
  },
  {
    q: "migrating case records",
    category: "word-form",
    expected: [post("torfaen-social-care-case-management")],
  },
  { q: "retaining footage", category: "word-form", expected: [post("gwent-police-body-worn-video-storage")] },
  {
    q: "apprentice",
    category: "word-form",
    expected: [post("blaenau-gwent-it-apprenticeships"), item("it-apprenticeships-partnership")],
  },
  { q: "chatbots", category: "word-form", expected: [post("newport-bilingual-chatbot")] },
  {
    q: "tested restores",
    category: "word-form",
    expected: [
      post("srs-immutable-backup-restore-testing"),
      item("immutable-backups"),
      paper("finance-and-governance-board/internal-audit-backup-and-recovery.docx"),
    ],
  },
  {
    q: "automating processes",
    category: "word-form",
    expected: [post("monmouthshire-rpa-blue-badge-backlog")],
  },
  {
    q: "telecare alarm",
    category: "word-form",
    expected: [
      post("monmouthshire-pstn-switch-off-telecare"),
      item("pstn-telecare-migration"),
      decision("operational-board/telecare-first"),
    ],
  },
  {
    q: "consolidating data centres",
    category: "word-form",
    expected: [post("srs-data-centre-consolidation-cloud"), item("data-centre-consolidation")],
  },
  {
    q: "digital champion",
    category: "word-form",
    expected: [
      post("newport-digital-champion-every-ward"),
      item("device-lending-and-champions"),
      post("monmouthshire-device-lending-hubs"),
    ],
  },

  // Welsh: staff who work in Welsh; the records are in English for now.
  {
    q: "seiberddiogelwch",
    category: "welsh",
    expected: [
      post("blaenau-gwent-cyber-security-strategy-2024-2027"),
      item("shared-security-operations-centre"),
      post("srs-shared-security-operations-centre"),
    ],
    note: "Cyber security.",
  },
  {
    q: "cynhwysiant digidol",
    category: "welsh",
    expected: [
      post("blaenau-gwent-inclusion-with-housing-partners"),
      post("newport-digital-champion-every-ward"),
      post("monmouthshire-device-lending-hubs"),
      item("device-lending-and-champions"),
    ],
    note: "Digital inclusion.",
  },
  { q: "gwersi a ddysgwyd", category: "welsh", expected: LESSONS, anyOf: true, note: "Lessons learned: any lesson." },
  {
    q: "Casnewydd",
    category: "welsh",
    expected: [...NEWPORT, item("place-data-platform")],
    anyOf: true,
    note: "Newport: anything of Newport's.",
  },
  {
    q: "Heddlu Gwent",
    category: "welsh",
    expected: [...GWENT_POLICE, item("digital-evidence-sharing")],
    anyOf: true,
    note: "Gwent Police: anything of the force's.",
  },
  { q: "Sir Fynwy", category: "welsh", expected: MONMOUTHSHIRE, anyOf: true, note: "Monmouthshire." },
  {
    q: "copïau wrth gefn",
    category: "welsh",
    expected: [
      item("immutable-backups"),
      post("srs-immutable-backup-restore-testing"),
      decision("finance-and-governance-board/immutable-backup-funding"),
    ],
    note: "Backups.",
  },
  {
    q: "fideo a wisgir ar y corff",
    category: "welsh",
    expected: [post("gwent-police-body-worn-video-storage"), post("gwent-police-digital-evidence-without-discs")],
    note: "Body-worn video.",
  },
  {
    q: "adfer ar ôl trychineb",
    category: "welsh",
    expected: [
      post("srs-data-centre-consolidation-cloud"),
      post("srs-immutable-backup-restore-testing"),
      item("immutable-backups"),
    ],
    note: "Disaster recovery.",
  },
  {
    q: "teleffoni",
    category: "welsh",
    expected: [
      post("blaenau-gwent-cloud-telephony-isdn"),
      post("monmouthshire-pstn-switch-off-telecare"),
      item("pstn-telecare-migration"),
    ],
    note: "Telephony.",
  },
  {
    q: "sgiliau digidol",
    category: "welsh",
    expected: [post("torfaen-workforce-digital-skills-plan"), item("frontline-digital-skills")],
    note: "Digital skills.",
  },
  {
    q: "strategaeth ddigidol",
    category: "welsh",
    expected: DIGITAL_STRATEGIES,
    anyOf: true,
    note: "Digital strategy: any partner's.",
  },

  // A partner and a topic.
  { q: "Torfaen Teams", category: "partner-topic", expected: [post("teams-rollout-covid")] },
  {
    q: "Gwent Police body-worn video",
    category: "partner-topic",
    expected: [post("gwent-police-body-worn-video-storage")],
  },
  { q: "Newport ransomware", category: "partner-topic", expected: [post("newport-ransomware-tabletop-exercise")] },
  {
    q: "Monmouthshire AI",
    category: "partner-topic",
    expected: [post("monmouthshire-generative-ai-pilot"), item("generative-ai-guardrails")],
  },
  {
    q: "Blaenau Gwent apprenticeships",
    category: "partner-topic",
    expected: [post("blaenau-gwent-it-apprenticeships"), item("it-apprenticeships-partnership")],
  },
  { q: "Newport City Council chatbot", category: "partner-topic", expected: [post("newport-bilingual-chatbot")] },
  { q: "Gwent Police Teams", category: "partner-topic", expected: [post("gwent-police-teams-rollout-lockdown")] },
  { q: "Torfaen schools laptops", category: "partner-topic", expected: [post("torfaen-schools-hwb-device-refresh")] },
  {
    q: "Monmouthshire telecare",
    category: "partner-topic",
    expected: [post("monmouthshire-pstn-switch-off-telecare"), item("pstn-telecare-migration")],
  },
  {
    q: "SRS service desk",
    category: "partner-topic",
    expected: [
      post("srs-service-desk-self-service-portal"),
      item("service-desk-self-service"),
      meeting("operational-board/01-service-performance"),
    ],
  },
  {
    q: "Shared Resource Service data centre",
    category: "partner-topic",
    expected: [
      post("srs-data-centre-consolidation-cloud"),
      item("data-centre-consolidation"),
      paper("srs-strategic-board/storage-options-appraisal.pdf"),
    ],
  },
  {
    q: "Blaenau Gwent cyber strategy",
    category: "partner-topic",
    expected: [post("blaenau-gwent-cyber-security-strategy-2024-2027")],
  },
  {
    q: "Heddlu Gwent ANPR",
    category: "partner-topic",
    expected: [post("gwent-police-anpr-data-retention")],
  },
  {
    q: "Torfaen SD-WAN schools",
    category: "partner-topic",
    expected: [paper("srs-strategic-board/sd-wan-progress-report.docx"), post("srs-sd-wan-rollout-sequencing")],
    note: "The progress report's pilot in four Torfaen primary schools.",
  },
];
