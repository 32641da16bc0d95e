// One renderer of a decision's summary, a format per target (issue 20): what gets posted into a
// page's comment box and what "Copy" puts on the clipboard.
import { summaryHtml } from './html';
import { summaryMarkdown } from './markdown';
import { type SummaryInput, type SummaryOptions, summaryOf } from './model';
import { summaryText } from './text';

export { escapeHtml, SUMMARY_HTML_TAGS } from './html';
export {
  LIMITS,
  type SummaryInput,
  type SummaryModel,
  type SummaryOptions,
  summaryOf,
  truncate,
} from './model';

/**
 * `markdown`: GitHub and GitLab comments (headings, lists); `markdown-compact`: Linear and Notion
 * (bold labels); `html`: rich text for Jira, Confluence and any editor; `text`: chat and email;
 * `slack`: Slack mrkdwn.
 */
export const SUMMARY_FORMATS = ['markdown', 'markdown-compact', 'html', 'text', 'slack'] as const;
export type SummaryFormat = (typeof SUMMARY_FORMATS)[number];

export function renderSummary(
  input: SummaryInput,
  format: SummaryFormat,
  options: SummaryOptions = {},
): string {
  const m = summaryOf(input, options);
  switch (format) {
    case 'markdown':
      return summaryMarkdown(m);
    case 'markdown-compact':
      return summaryMarkdown(m, true);
    case 'html':
      return summaryHtml(m);
    case 'text':
      return summaryText(m);
    case 'slack':
      return summaryText(m, true);
  }
}

/** What a page's comment box receives: a textarea takes `text`; an editor is pasted `html` and `text`. */
export interface PostContent {
  /** Markdown for a Markdown textarea or editor; the plain-text part of a paste. */
  text: string;
  /** The rich-text part of a paste; null for a Markdown textarea. */
  html: string | null;
  /** The summary's first line as the page shows it once posted (how the posted comment is found). */
  marker: string;
}

/** The content for a site's comment box (SiteId of src/sites); unknown sites get rich text and Markdown. */
export function postContentFor(site: string, input: SummaryInput, options: SummaryOptions = {}): PostContent {
  const m = summaryOf(input, options);
  const marker = `Decision: ${m.title}`;
  if (site === 'github' || site === 'gitlab') return { text: summaryMarkdown(m), html: null, marker };
  // Editors that turn pasted Markdown into formatting too: the plain part is Markdown, so a paste
  // whose HTML part the editor drops still lands formatted.
  return { text: summaryMarkdown(m, site === 'linear' || site === 'notion'), html: summaryHtml(m), marker };
}
