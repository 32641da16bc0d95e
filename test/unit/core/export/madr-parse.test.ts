import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type ParsedAdr, parseAdr } from '../../../../src/core/export';

const FIXTURES = join(__dirname, '../../../fixtures/adr');
/** One folder per template style (the folder also holds a biome.json that keeps them unformatted). */
const templateDirs = () =>
  readdirSync(FIXTURES, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);
const fixture = (path: string): ParsedAdr => {
  const result = parseAdr(readFileSync(join(FIXTURES, path), 'utf8'), path);
  if (!result.ok) throw new Error(result.error);
  return result.decision;
};

describe('parseAdr on real template styles', () => {
  it('reads MADR 4 front matter, sections, options with pros and cons, and the chosen option', () => {
    const adr = fixture('madr-4/0004-use-postgresql-for-the-sync-server.md');
    expect(adr).toMatchObject({
      template: 'madr-4',
      number: 4,
      title: 'Use PostgreSQL for the sync server',
      status: 'decided',
      date: '2024-03-12',
      decisionMakers: ['Priya Raman', 'Tomás Díaz'],
      consulted: ['Security team', 'Ops on-call'],
      informed: ['Everyone in the platform guild'],
      tags: ['storage', 'sync'],
      drivers: ['Teams must be able to self-host it', 'Transactions that span several rows'],
      confirmation: 'The integration tests run against a real PostgreSQL in CI.',
      warnings: [],
    });
    expect(adr.context).toMatch(
      /^The sync server needs a durable store[\s\S]*Which database should it use\?$/,
    );
    expect(adr.rationale).toMatch(
      /^it is the only option that is self-hostable[\s\S]*isolation levels we need\.$/,
    );
    expect(adr.options.map((o) => [o.title, o.chosen])).toEqual([
      ['PostgreSQL', true],
      ['SQLite', false],
      ['DynamoDB', false],
    ]);
    expect(adr.options[0]).toMatchObject({
      description: 'Open source relational database.',
      pros: ['it is mature', 'it supports serializable transactions'],
      neutral: ['it needs tuning for large tables'],
      cons: ['it needs a server'],
    });
    expect(adr.tradeoffs).toEqual([
      {
        gain: 'every cloud offers a managed PostgreSQL',
        cost: 'self-hosters must run one more service',
        bornBy: '',
      },
    ]);
    expect(adr.moreInformation).toContain('We will revisit this if pushes exceed 1,000 per second.');
    // Template hints in HTML comments are not content.
    expect(JSON.stringify(adr)).not.toContain('optional element');
  });

  it('reads MADR 3 (deciders, a wrapped "because", Validation)', () => {
    const adr = fixture('madr-3/0002-use-feature-flags-for-rollouts.md');
    expect(adr).toMatchObject({
      template: 'madr-3',
      number: 2,
      status: 'proposed',
      date: '2023-11-02',
      decisionMakers: ['Ana Souza', 'Ben Okafor', 'Chen Wei'],
      consulted: ['QA'],
      informed: ['Support', 'Sales'],
      rationale: 'they let us roll back in seconds without a deploy.',
      confirmation: 'A flag audit runs every sprint.',
      moreInformation: 'Flag names follow `team.feature.yyyymm`.',
    });
    expect(adr.options.find((o) => o.chosen)?.title).toBe('Feature flags with a hosted service');
    expect(adr.tradeoffs[0]).toEqual({
      gain: 'rollbacks no longer need a deploy',
      cost: 'stale flags pile up unless we clean them',
      bornBy: '',
    });
  });

  it('reads MADR 2 bullet metadata, positive/negative consequences and a linked option title', () => {
    const adr = fixture('madr-2/0001-use-markdown-architectural-decision-records.md');
    expect(adr).toMatchObject({
      template: 'madr-2',
      number: 1,
      title: 'Use Markdown Architectural Decision Records',
      status: 'decided',
      date: '2017-12-15',
      decisionMakers: ['Oliver Kopp', 'Olaf Zimmermann'],
      sources: [{ url: 'https://github.com/adr/madr/issues/1', title: '', quote: '' }],
    });
    expect(adr.rationale).toBe(
      '* Implicit assumptions should be made explicit.\n* The MADR format is lean and fits our development style.',
    );
    // "MADR 2.1.2" picks the option written as a link with a long description.
    expect(adr.options.filter((o) => o.chosen).map((o) => o.title)).toEqual([
      '[MADR](https://adr.github.io/madr/) 2.1.2 – The Markdown Architectural Decision Records',
    ]);
    expect(adr.options.find((o) => o.title.startsWith('Formless'))).toMatchObject({
      pros: ['it is fast to write'],
      cons: ['the records are hard to compare'],
    });
    expect(adr.tradeoffs).toEqual([
      { gain: 'Design documentation is kept next to the code', cost: '', bornBy: '' },
      { gain: '', cost: 'Writing an ADR takes some minutes', bornBy: '' },
    ]);
    expect(adr.moreInformation).toContain('Refined by [ADR-0005](0005-use-dashes-in-filenames.md)');
  });

  it('reads the Nygard template (numbered title, Date line, Status section)', () => {
    const adr = fixture('nygard/0001-record-architecture-decisions.md');
    expect(adr).toMatchObject({
      template: 'nygard',
      number: 1,
      title: 'Record architecture decisions',
      status: 'decided',
      statusText: 'Accepted',
      date: '2016-02-12',
      context: 'We need to record the architectural decisions made on this project.',
    });
    expect(adr.rationale).toMatch(/^We will use Architecture Decision Records/);
    expect(adr.consequences).toMatch(/^See Michael Nygard's article/);
  });

  it('maps "Superseded by" and "Supersedes" links of adr-tools', () => {
    const old = fixture('nygard/0002-use-rabbitmq-for-events.md');
    expect(old.status).toBe('superseded');
    expect(old.supersededBy).toEqual({
      text: '3. Use Kafka for events',
      href: '0003-use-kafka-for-events.md',
      number: 3,
    });
    const next = fixture('nygard/0003-use-kafka-for-events.md');
    expect(next.status).toBe('decided');
    expect(next.supersedes).toEqual({
      text: '2. Use RabbitMQ for events',
      href: '0002-use-rabbitmq-for-events.md',
      number: 2,
    });
  });

  it('reads log4brains metadata (dash bullets, tags separated by commas or spaces)', () => {
    const adr = fixture('log4brains/20210623-use-log4brains-to-manage-the-adrs.md');
    expect(adr).toMatchObject({
      template: 'log4brains',
      number: null,
      status: 'decided',
      date: '2021-06-23',
      decisionMakers: ['Thomas Vaillant', 'Mélanie Girard'],
      tags: ['dev-tools', 'doc'],
      rationale: 'it includes the features of all the other tools, and even more.',
    });
    expect(adr.options.find((o) => o.chosen)?.title).toMatch(/^\[Log4brains\]/);
    const draft = fixture('log4brains/20210701-draft-caching-layer.md');
    expect(draft).toMatchObject({
      status: 'proposed',
      tags: ['performance', 'backend'],
      rationale: 'Not decided yet.',
    });
    expect(draft.sources.map((s) => s.url)).toEqual(['https://jira.example.com/browse/PERF-12']);
    expect(draft.moreInformation).toBe('Technical story: [PERF-12](https://jira.example.com/browse/PERF-12)');
  });

  it('keeps only web addresses as sources; a script or file link stays text', () => {
    const md = [
      '# Use Redis for sessions',
      '',
      '## More Information',
      '',
      '### Sources',
      '',
      '* [Jira](https://acme.atlassian.net/browse/ACME-7) — “We decided”',
      '* [passwords](file:///etc/passwd)',
      '* [click me](javascript:void%20fetch%28%27//evil.example%27%29)',
      '',
    ].join('\n');
    const result = parseAdr(md, '0001-use-redis.md');
    if (!result.ok) throw new Error(result.error);
    expect(result.decision.sources).toEqual([]);
    expect(result.decision.moreInformation).toContain('file:///etc/passwd');

    const meta = parseAdr(
      [
        '---',
        'source: javascript:alert(1) file:///etc/passwd https://github.com/acme/app/pull/12',
        '---',
        '# T',
      ].join('\n'),
      '0002-t.md',
    );
    if (!meta.ok) throw new Error(meta.error);
    expect(meta.decision.sources.map((s) => s.url)).toEqual(['https://github.com/acme/app/pull/12']);
  });

  it('parses every fixture without errors', () => {
    for (const dir of templateDirs()) {
      for (const file of readdirSync(join(FIXTURES, dir)))
        expect(fixture(`${dir}/${file}`).title).not.toBe('');
    }
  });
});

describe('parseAdr statuses and odd input', () => {
  const withStatus = (status: string) => {
    const r = parseAdr(`---\nstatus: ${status}\n---\n# T\n`);
    if (!r.ok) throw new Error(r.error);
    return r.decision;
  };

  it('maps statuses onto ours', () => {
    expect(withStatus('accepted').status).toBe('decided');
    expect(withStatus('Proposed').status).toBe('proposed');
    expect(withStatus('rejected').status).toBe('rejected');
    expect(withStatus('deprecated').status).toBe('superseded');
    expect(withStatus('"superseded by ADR-0123"')).toMatchObject({
      status: 'superseded',
      supersededBy: { text: 'ADR-0123', href: null, number: 123 },
    });
    expect(withStatus('superseded by [ADR-0005](0005-example.md)').supersededBy).toEqual({
      text: 'ADR-0005',
      href: '0005-example.md',
      number: 5,
    });
  });

  it('imports an unknown status as proposed, with a warning', () => {
    const adr = withStatus('on hold');
    expect(adr.status).toBe('proposed');
    expect(adr.warnings).toEqual(['Unknown status "on hold"; imported as proposed.']);
  });

  it('warns about a date that is not a calendar date', () => {
    const r = parseAdr('---\ndate: 2024-02-30\n---\n# T\n');
    expect(r.ok && r.decision.date).toBe(null);
    expect(r.ok && r.decision.warnings[0]).toMatch(/date "2024-02-30" is not a YYYY-MM-DD date/);
  });

  it('keeps HTML and script tags as inert text', () => {
    const md = [
      '# Use <img src=x onerror="alert(1)"> widgets',
      '',
      '## Context and Problem Statement',
      '',
      '<script>alert("xss")</script>',
      '<iframe src="javascript:alert(2)"></iframe>',
      '',
      '## Decision Outcome',
      '',
      'Chosen option: "<b>bold</b>", because <a href="javascript:alert(3)">reasons</a>',
    ].join('\n');
    const r = parseAdr(md);
    if (!r.ok) throw new Error(r.error);
    expect(r.decision.title).toBe('Use <img src=x onerror="alert(1)"> widgets');
    expect(r.decision.context).toBe(
      '<script>alert("xss")</script>\n<iframe src="javascript:alert(2)"></iframe>',
    );
    expect(r.decision.rationale).toBe('<a href="javascript:alert(3)">reasons</a>');
    expect(r.decision.options).toMatchObject([{ title: '<b>bold</b>', chosen: true }]);
  });

  it('does not take headings inside fenced code as sections', () => {
    const r = parseAdr(
      '# T\n\n## Context\n\n```md\n## Decision\nnot a section\n```\n\n## Decision\n\nReal.\n',
    );
    expect(r.ok && r.decision.context).toBe('```md\n## Decision\nnot a section\n```');
    expect(r.ok && r.decision.rationale).toBe('Real.');
  });

  it('reads CRLF files and a BOM', () => {
    const r = parseAdr('\uFEFF---\r\nstatus: accepted\r\n---\r\n# Title\r\n\r\n## Context\r\n\r\nWhy.\r\n');
    expect(r.ok && [r.decision.title, r.decision.status, r.decision.context]).toEqual([
      'Title',
      'decided',
      'Why.',
    ]);
  });

  it('reads the ADR number from numbered titles, and keeps a title that only looks numbered', () => {
    const title = (heading: string) => {
      const r = parseAdr(`# ${heading}\n`);
      return r.ok ? [r.decision.number, r.decision.title] : r.error;
    };
    expect(title('12. Use Kafka')).toEqual([12, 'Use Kafka']);
    expect(title('ADR-0007: Use Kafka')).toEqual([7, 'Use Kafka']);
    expect(title('ADR 3 - Use Kafka')).toEqual([3, 'Use Kafka']);
    expect(title('ADR-5-and-more')).toEqual([null, 'ADR-5-and-more']);
    expect(title('3 options were considered')).toEqual([null, '3 options were considered']);
    // What toMadr writes for a title that starts like a number.
    expect(title('2\\. Migrate in two phases')).toEqual([null, '2. Migrate in two phases']);
  });

  it('takes the title from the file name when there is no heading title', () => {
    const r = parseAdr('## Context\n\nSomething.\n', 'adr/0007-move-to-arm-runners.md');
    expect(r.ok && [r.decision.title, r.decision.number]).toEqual(['move to arm runners', 7]);
  });

  it('refuses files that are not ADRs or are too large', () => {
    expect(parseAdr('just some text', 'notes.md')).toEqual({
      ok: false,
      error: 'notes.md has no title and no ADR sections; it does not look like an ADR.',
    });
    const big = parseAdr('x'.repeat(1_000_001), 'big.md');
    expect(big.ok).toBe(false);
    expect(!big.ok && big.error).toMatch(/big\.md is too large/);
  });

  it('never lets front matter keys reach object prototypes', () => {
    const r = parseAdr('---\n__proto__: polluted\nconstructor: x\n---\n# T\n');
    expect(r.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
