/** Deterministic, realistic-looking posts for benchmarks: same seed, same posts. */

import { KIND_SECTIONS } from "../../app/posts/post-kinds";
import type { PostInput } from "../../app/posts/post-schemas";
import { POST_KINDS } from "../../db/enums";

function mulberry32(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOPICS = [
  "Microsoft 365 licensing",
  "Teams telephony",
  "multi-factor authentication",
  "cloud backup",
  "data centre exit",
  "laptop refresh",
  "digital inclusion hubs",
  "social care case management",
  "ANPR data retention",
  "body-worn video storage",
  "SD-WAN roll-out",
  "service desk self-service",
  "cyber incident response",
  "PSN compliance",
  "Cyber Essentials Plus",
  "records retention",
  "robotic process automation",
  "generative AI",
  "contact centre chatbots",
  "Welsh language website",
  "accessibility audits",
  "school Wi-Fi",
  "Hwb devices",
  "apprenticeships in IT",
  "graduate schemes",
  "ISDN switch-off",
  "mobile data terminals",
  "e-waste recycling",
  "GIS mapping",
  "council tax portal",
  "planning applications online",
  "library PCs",
  "smart buildings",
];
const VERBS = ["Rolling out", "Replacing", "Learning from", "Planning", "Funding", "Measuring", "Scaling", "Securing"];
const PARTNERS = ["newport", "monmouthshire", "torfaen", "blaenau-gwent", "gwent-police", "srs"];
const TAGS = [
  "microsoft-365",
  "teams",
  "cyber-security",
  "cloud",
  "digital-inclusion",
  "workforce",
  "skills",
  "data-sharing",
  "telephony",
  "device-refresh",
  "remote-working",
  "mfa",
  "network",
  "service-desk",
  "ai",
  "automation",
  "customer-service",
  "social-care",
  "schools",
  "records-management",
  "procurement",
  "value-for-money",
];
const SENTENCES = [
  "The project board met fortnightly and kept a single risk log shared with the SRS.",
  "Staff feedback shaped the second phase more than any vendor roadmap did.",
  "We underestimated the time needed to migrate historic data from the old system.",
  "Licensing costs fell once unused accounts were found and removed each quarter.",
  "Digital champions in each service area answered most questions before they reached the service desk.",
  "The supplier's cloud platform met our security requirements after a joint assurance review.",
  "Frontline officers needed offline access, which changed the design late on.",
  "Welsh language versions of every screen were tested with fluent speakers before launch.",
  "Savings were reinvested in training rather than returned to the corporate budget.",
  "The change freeze over the budget-setting period pushed the go-live back by a month.",
];

export function generatePosts(count: number, seed = 2026): (PostInput & { slug: string; publishedAt: Date })[] {
  const random = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const paragraph = (n: number) => Array.from({ length: n }, () => pick(SENTENCES)).join(" ");
  return Array.from({ length: count }, (_, i) => {
    const kind = POST_KINDS[i % POST_KINDS.length] ?? "lesson";
    const topic = pick(TOPICS);
    const partner = PARTNERS[i % PARTNERS.length] ?? "srs";
    const sections = Object.fromEntries(KIND_SECTIONS[kind].map((key) => [key, paragraph(2)]));
    return {
      slug: `bench-${i + 1}`,
      title: `${pick(VERBS)} ${topic} (${i + 1})`,
      summary: `How ${partner} approached ${topic}: ${paragraph(1)}`,
      body: `## Background\n\n${paragraph(4)}\n\n## What we did\n\n${paragraph(5)}\n\n## Next steps\n\n${paragraph(3)}`,
      kind,
      partner,
      status: random() < 0.9 ? "published" : "draft",
      tags: [pick(TAGS), pick(TAGS), pick(TAGS)].filter((tag, index, all) => all.indexOf(tag) === index),
      tagNames: [],
      eventDate: null,
      targetDate: null,
      reviewBy: null,
      contact: "",
      sections,
      publishedAt: new Date(
        Date.UTC(2019 + Math.floor(random() * 8), Math.floor(random() * 12), 1 + Math.floor(random() * 28)),
      ),
    };
  });
}
