// @vitest-environment happy-dom
// The log renders each decision's page as a link: only an http(s) address may become one. A
// script, file or data address (from an old backup, a teammate, a tampered sync) is shown as text.
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildEntries, type LogEntry } from '../../../src/core/log';
import { DecisionRow } from '../../../src/log/DecisionRow';
import { TimelineRow } from '../../../src/log/TimelineRow';
import { logBuilder } from '../core/log/log-builder';

const HOSTILE = [
  'javascript:alert(document.domain)',
  'JAVASCRIPT:alert(1)',
  'file:///etc/passwd',
  'data:text/html,<script>alert(1)</script>',
  'chrome://settings',
  'notion://www.notion.so/acme/x',
];

let root: HTMLDivElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

function entryAt(url: string): LogEntry {
  const b = logBuilder();
  b.decision('Use Redis for sessions', {}, 'jira');
  // As a row stored before the URL rule (or written by an older extension) would carry it.
  const data = { ...b.data, anchors: b.data.anchors.map((a) => ({ ...a, url })) };
  const entry = buildEntries(data)[0];
  if (!entry) throw new Error('no entry');
  return entry;
}

const row = (entry: LogEntry) =>
  render(<DecisionRow entry={entry} terms={[]} selected={false} onToggle={() => {}} nowMs={0} />, root);
const timeline = (entry: LogEntry) =>
  render(
    <TimelineRow
      chain={{ key: 'k', lastMs: 0, nodes: [{ entry, matched: true }], links: [] }}
      x={() => 50}
    />,
    root,
  );

describe('page links in the log', () => {
  it('links a web page', () => {
    row(entryAt('https://acme.atlassian.net/browse/ACME-7'));
    expect(root.querySelector('a')?.getAttribute('href')).toBe('https://acme.atlassian.net/browse/ACME-7');
    timeline(entryAt('https://acme.atlassian.net/browse/ACME-7'));
    expect(root.querySelector('a.tl-dot')?.getAttribute('href')).toBe(
      'https://acme.atlassian.net/browse/ACME-7',
    );
  });

  it.each(HOSTILE)('shows %s as text in a row, never as a link', (url) => {
    row(entryAt(url));
    expect(root.querySelector('a')).toBeNull();
    expect(root.querySelector('[href]')).toBeNull();
    const page = root.querySelector('.page-cell') as HTMLElement;
    expect(page.textContent).toContain('ACME-7 · Fix the login timeout');
    expect(page.querySelector('[title]')?.getAttribute('title')).toContain(url);
  });

  it.each(HOSTILE)('draws %s on the timeline as a dot that is not a link', (url) => {
    timeline(entryAt(url));
    expect(root.querySelector('a')).toBeNull();
    expect(root.querySelector('[href]')).toBeNull();
    expect(root.querySelector('.tl-dot')?.getAttribute('aria-label')).toMatch(/^Use Redis for sessions/);
  });
});
