// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { bundleDecisions, type DecisionBundle } from '../../../../src/core/export';
import {
  LIMITS,
  postContentFor,
  renderSummary,
  SUMMARY_FORMATS,
  SUMMARY_HTML_TAGS,
  truncate,
} from '../../../../src/core/summary';
import { type Block, type Inline, parseMarkdown } from '../../../../src/ui/markdown-parse';
import { recordMaker, sampleTables } from '../export/records';

const sample = () => bundleDecisions(sampleTables())[0] as DecisionBundle;

/** The sample with hostile text in every field a summary prints. */
function hostile(): DecisionBundle {
  const b = sample();
  const evil = '<img src=x onerror=alert(1)><script>alert(2)</script>';
  b.decision = {
    ...b.decision,
    title: `# Owned ${evil}`,
    rationale: `${evil}\n# Heading from a field\n\`\`\`\nunclosed fence`,
    tradeoffs: [{ id: 't', gain: `<b>gain</b>`, cost: '- not a list', bornBy: '<i>Ops</i>' }],
    options: [{ id: 'o', title: `<a href="javascript:x">SQLite</a>`, pros: '', cons: evil, chosen: false }],
  };
  b.stakeholders = b.stakeholders.map((s) => ({ ...s, name: `${s.name}<svg onload=x>` }));
  b.roles = b.roles.map((r) => ({ ...r, note: r.note && `${r.note} <iframe src=x>` }));
  return b;
}

const text = (inlines: Inline[]): string =>
  inlines
    .map((i) => ('children' in i ? text(i.children as Inline[]) : 'value' in i ? String(i.value) : ''))
    .join('');

const blocksOf = (blocks: Block[], type: Block['type']): Block[] =>
  blocks.flatMap((b) => [
    ...(b.type === type ? [b] : []),
    ...(b.type === 'list' ? b.items.flatMap((item) => blocksOf(item, type)) : []),
    ...(b.type === 'blockquote' ? blocksOf(b.children, type) : []),
  ]);

describe('renderSummary', () => {
  for (const format of SUMMARY_FORMATS) {
    it(`renders ${format} (snapshot)`, () => {
      expect(renderSummary(sample(), format, { timeZone: 'Europe/Berlin' })).toMatchSnapshot();
    });
  }

  it('says what was decided, when, why, the trade-offs, the rejected options, A/R/C with stances, next step and review', () => {
    const out = renderSummary(sample(), 'text', { timeZone: 'UTC' });
    expect(out).toContain('Decision: Use Postgres for sync');
    expect(out).toContain('Decided on 3 May 2024');
    expect(out).toContain('it is boring technology we already operate');
    expect(out).toContain(
      'We gain One well-known store; we give up Ops time for upgrades — borne by Operations',
    );
    expect(out).toContain('- SQLite on each node — Hard to share');
    expect(out).not.toContain('- Postgres');
    expect(out).toContain('Accountable: Dana Lee — supports');
    expect(out).toContain('Responsible: Sam Ortiz — disagree and commit: “I would have picked SQLite”');
    expect(out).toContain('Consulted: Kim — has concerns: “Cost”');
    expect(out).toContain('Informed: 1 person');
    expect(out).not.toContain('Lee, Jordan');
    // The open follow-up, not the done one.
    expect(out).toContain('Next step: Provision the database — Sam Ortiz, due 20 May 2024');
    expect(out).not.toContain('Write the RFC');
    expect(out).toContain('Review: 1 November 2024');
    // A, R, C in that order.
    expect(out.indexOf('Accountable')).toBeLessThan(out.indexOf('Responsible'));
    expect(out.indexOf('Responsible')).toBeLessThan(out.indexOf('Consulted'));
  });

  it('dates follow the reader’s time zone', () => {
    const b = sample();
    b.decision = { ...b.decision, decidedAt: '2024-05-03T23:30:00.000Z' };
    expect(renderSummary(b, 'text', { timeZone: 'UTC' })).toContain('Decided on 3 May 2024');
    expect(renderSummary(b, 'text', { timeZone: 'Asia/Tokyo' })).toContain('Decided on 4 May 2024');
  });

  it('an open decision says when it was logged and leaves out what is empty', () => {
    const { make } = recordMaker();
    const decision = make('decisions', { title: 'Pick a queue', status: 'proposed' });
    const out = renderSummary({ decision, roles: [], stakeholders: [], followUps: [] }, 'markdown');
    expect(out).toBe('### Decision: Pick a queue\n\n**Proposed · logged 1 May 2024**\n');
  });

  it('parses back as Markdown: a heading, sections and lists, user text as text', () => {
    const blocks = parseMarkdown(renderSummary(sample(), 'markdown'));
    const headings = blocksOf(blocks, 'heading').map((h) => (h.type === 'heading' ? text(h.children) : ''));
    expect(headings).toEqual([
      'Decision: Use Postgres for sync',
      'Why',
      'Trade-offs',
      'Alternatives rejected',
      'Who',
    ]);
    const lists = blocksOf(blocks, 'list');
    expect(lists).toHaveLength(3);
    const who = lists[2];
    expect(who?.type === 'list' && who.items.length).toBe(4);
  });

  it('compact Markdown has no sub-headings, only lists and bold labels', () => {
    const blocks = parseMarkdown(renderSummary(sample(), 'markdown-compact'));
    expect(blocksOf(blocks, 'heading')).toHaveLength(0);
    expect(blocksOf(blocks, 'list')).toHaveLength(3);
  });

  it('no user text becomes HTML, a heading or a list in Markdown', () => {
    for (const format of ['markdown', 'markdown-compact'] as const) {
      const md = renderSummary(hostile(), format);
      // No raw tag opens anywhere (escaped as &lt;), so no renderer sees HTML.
      expect(md).not.toMatch(/<[a-z/!]/i);
      const blocks = parseMarkdown(md);
      const headings = blocksOf(blocks, 'heading');
      expect(headings).toHaveLength(format === 'markdown' ? 5 : 0);
      // The user's "# Heading" stays text; the unclosed fence is closed inside "Why".
      expect(md).toContain('\\# Heading from a field');
      expect(md.match(/^```$/gm)).toHaveLength(2);
      // "- not a list" inside an item stays one item's text.
      expect(
        blocksOf(blocks, 'list').every((l) => l.type !== 'list' || l.items.every((i) => i.length === 1)),
      ).toBe(true);
    }
  });

  it('HTML holds only the allowed elements, user text as text', () => {
    const html = renderSummary(hostile(), 'html');
    const host = document.createElement('div');
    host.innerHTML = html;
    const tags = new Set([...host.querySelectorAll('*')].map((e) => e.localName));
    expect([...tags].every((t) => (SUMMARY_HTML_TAGS as readonly string[]).includes(t))).toBe(true);
    expect(tags).toEqual(new Set(['h3', 'h4', 'p', 'strong', 'ul', 'li', 'br']));
    expect([...host.querySelectorAll('*')].every((e) => e.attributes.length === 0)).toBe(true);
    expect(host.querySelector('h3')?.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(host.querySelectorAll('li').length).toBe(1 + 1 + 4);
  });

  it('Slack escapes &, < and > and bolds with asterisks', () => {
    const out = renderSummary(hostile(), 'slack');
    expect(out).not.toMatch(/<[a-z/!@#]/i);
    expect(out).toContain('&lt;img src=x');
    expect(out.split('\n')[0]).toMatch(/^\*Decision: .*\*$/);
    expect(out).toContain('• ');
  });

  it('cuts long fields with a plain "…" at a word boundary', () => {
    const b = sample();
    const long = 'word '.repeat(400);
    b.decision = { ...b.decision, rationale: long, title: 'T'.repeat(300) };
    for (const format of SUMMARY_FORMATS) {
      const out = renderSummary(b, format);
      expect(out).toContain('word…');
      expect(out).not.toContain(long.trim());
      expect(out).not.toMatch(/\]\(|href=|read more/i);
    }
    const why = truncate(long, LIMITS.why);
    expect([...why].length).toBeLessThanOrEqual(LIMITS.why);
    expect(why.endsWith('word…')).toBe(true);
    expect(truncate('short', 10)).toBe('short');
    // No cut inside a surrogate pair.
    expect(truncate('😀'.repeat(20), 10)).toBe(`${'😀'.repeat(9)}…`);
  });
});

describe('postContentFor', () => {
  it('GitHub and GitLab get Markdown for their textarea; editors get rich text with Markdown as plain text', () => {
    const b = sample();
    const marker = 'Decision: Use Postgres for sync';
    expect(postContentFor('github', b)).toEqual({ text: renderSummary(b, 'markdown'), html: null, marker });
    expect(postContentFor('gitlab', b).html).toBeNull();
    expect(postContentFor('jira', b)).toEqual({
      text: renderSummary(b, 'markdown'),
      html: renderSummary(b, 'html'),
      marker,
    });
    expect(postContentFor('notion', b).text).toBe(renderSummary(b, 'markdown-compact'));
    expect(postContentFor('linear', b).html).toBe(renderSummary(b, 'html'));
  });
});
