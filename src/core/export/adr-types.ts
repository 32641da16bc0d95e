// What an imported ADR becomes before it turns into records: every field the templates carry, in
// our vocabulary, with the text kept as Markdown source (never HTML).
import type { Raci, Stance, Status } from '../schemas';
import type { AdrLink } from './adr-fields';

export type AdrTemplate = 'madr-4' | 'madr-3' | 'madr-2' | 'log4brains' | 'nygard' | 'markdown';

export interface ParsedOption {
  title: string;
  description: string;
  pros: string[];
  cons: string[];
  neutral: string[];
  chosen: boolean;
}

export interface ParsedTradeoff {
  gain: string;
  cost: string;
  bornBy: string;
}

export interface ParsedStance {
  name: string;
  raci: Raci | null;
  stance: Stance;
  note: string;
}

export interface ParsedFollowUp {
  title: string;
  owner: string;
  /** `YYYY-MM-DD` */
  due: string | null;
  done: boolean;
  /** `YYYY-MM-DD` when known. */
  doneOn: string | null;
}

export interface ParsedSource {
  url: string;
  title: string;
  quote: string;
}

export interface ParsedAdr {
  fileName: string | null;
  /** Which template the file looks like (informative). */
  template: AdrTemplate;
  number: number | null;
  title: string;
  status: Status;
  /** The status as written, e.g. "superseded by ADR-0005". */
  statusText: string;
  supersededBy: AdrLink | null;
  supersedes: AdrLink | null;
  /** `YYYY-MM-DD`: MADR's "date" (when the decision was last updated), Nygard's "Date:". */
  date: string | null;
  reviewDate: string | null;
  /** MADR 4 decision-makers, MADR 2/3 and log4brains deciders: the Accountable people. */
  decisionMakers: string[];
  responsible: string[];
  consulted: string[];
  informed: string[];
  tags: string[];
  sources: ParsedSource[];
  context: string;
  drivers: string[];
  options: ParsedOption[];
  /** The decision outcome: the justification after "Chosen option: …, because". */
  rationale: string;
  consequences: string;
  tradeoffs: ParsedTradeoff[];
  confirmation: string;
  risks: string;
  stances: ParsedStance[];
  followUps: ParsedFollowUp[];
  moreInformation: string;
  /** Sections no template names, kept so nothing is lost. */
  otherSections: { heading: string; text: string }[];
  warnings: string[];
}

export type ParseAdrResult = { ok: true; decision: ParsedAdr } | { ok: false; error: string };
