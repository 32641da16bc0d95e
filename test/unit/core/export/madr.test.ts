import fc from 'fast-check';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  bundleDecisions,
  type DecisionBundle,
  isoDay,
  madrFileName,
  madrFiles,
  parseAdr,
  slugify,
  toMadr,
  toMadrZip,
} from '../../../../src/core/export';
import { STATUSES } from '../../../../src/core/schemas';
import { recordMaker, sampleTables } from './records';

// Property runs are CPU-bound; on a busy machine they need more than the default 5 s.
const SLOW = 30_000;

const parsed = (md: string) => {
  const r = parseAdr(md);
  if (!r.ok) throw new Error(r.error);
  return r.decision;
};

describe('toMadr', () => {
  const [bundle] = bundleDecisions(sampleTables()) as [DecisionBundle];

  it('writes MADR 4.0 front matter and sections', () => {
    const md = toMadr(bundle);
    expect(
      md.startsWith('---\nstatus: "accepted"\ndate: 2024-05-03\ndecision-makers:\n  - "Dana Lee"\n'),
    ).toBe(true);
    for (const line of [
      'review-date: 2024-11-01',
      'source:\n  - "https://github.com/acme/app/pull/12"',
      'informed:\n  - "Lee, Jordan"',
    ])
      expect(md).toContain(line);
    const headings = md.split('\n').filter((l) => l.startsWith('#'));
    expect(headings).toEqual([
      '# Use Postgres for sync',
      '## Context and Problem Statement',
      '## Considered Options',
      '## Decision Outcome',
      '### Consequences',
      '## Pros and Cons of the Options',
      '### Postgres',
      '### SQLite on each node',
      '## More Information',
      '### Risks',
      '### Stakeholder stances',
      '### Follow-ups',
      '### Sources',
      '### History',
    ]);
    expect(md).toContain('Chosen option: "Postgres", because it is boring technology we already operate');
    expect(md).toContain(
      '* Good, because One well-known store\n* Bad, because Ops time for upgrades (borne by Operations)',
    );
    expect(md).toContain(
      '* **Sam Ortiz** (Responsible, Engineering): Disagree and commit — I would have picked SQLite',
    );
    expect(md).toContain('* [ ] Provision the database — Sam Ortiz, due 2024-05-20');
    expect(md).toContain('* [x] Write the RFC — Dana Lee, done 2024-05-02');
  });

  it('quotes and escapes YAML strings', () => {
    const { make } = recordMaker();
    const d = make('decisions', {
      title: 'T',
      tags: ['a: b', '"quoted" \\ back', '# not a comment', 'line\nbreak'],
    });
    const md = toMadr({ decision: d, roles: [], stakeholders: [], anchors: [], followUps: [], events: [] });
    expect(md).toContain(
      'tags:\n  - "a: b"\n  - "\\"quoted\\" \\\\ back"\n  - "# not a comment"\n  - "line\\nbreak"\n',
    );
    expect(parsed(md).tags).toEqual(['a: b', '"quoted" \\ back', '# not a comment', 'line\nbreak']);
  });

  it('writes HTML in user text as text, so docs sites that render HTML show it literally', () => {
    const { make } = recordMaker();
    const d = make('decisions', {
      title: '<img src=x onerror=alert(1)>',
      context:
        'Use `<b>` tags?\n<script>alert(1)</script> and &lt; stays &lt;\n```html\n<div>code</div>\n```',
    });
    const md = toMadr({ decision: d, roles: [], stakeholders: [], anchors: [], followUps: [], events: [] });
    expect(md).toContain('# &lt;img src=x onerror=alert(1)>');
    expect(md).toContain(
      'Use `<b>` tags?\n&lt;script>alert(1)&lt;/script> and &amp;lt; stays &amp;lt;\n```html\n<div>code</div>\n```',
    );
    expect(parsed(md)).toMatchObject({ title: d.title, context: d.context });
  });

  it('keeps user headings and unclosed fences from breaking the file structure', () => {
    const { make } = recordMaker();
    const d = make('decisions', {
      title: 'T',
      context: '## Decision Outcome\nnot really',
      rationale: '```\nunclosed',
    });
    const adr = parsed(
      toMadr({ decision: d, roles: [], stakeholders: [], anchors: [], followUps: [], events: [] }),
    );
    expect(adr.context).toBe('## Decision Outcome\nnot really');
    expect(adr.rationale).toBe('```\nunclosed\n```');
  });
});

describe('madrFileName and slugify', () => {
  it('numbers and slugifies like an ADR folder', () => {
    expect(madrFileName(1, 'Use Postgres for sync')).toBe('0001-use-postgres-for-sync.md');
    expect(madrFileName(42, 'Ünïcode & “quotes” — ok?')).toBe('0042-unicode-quotes-ok.md');
    expect(madrFileName(3, '!!!')).toBe('0003-decision.md');
  });

  it('cuts long titles at a word, at most 60 characters', () => {
    const slug = slugify(
      'Adopt a very long naming convention for every single service we will ever build in the company',
    );
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slug).toBe('adopt-a-very-long-naming-convention-for-every-single-service');
  });
});

describe('toMadrZip', () => {
  it('zips numbered files in creation order with a README index and superseded-by links', () => {
    const { make, tick } = recordMaker();
    const second = make('decisions', { title: 'Use Kafka', status: 'decided' });
    tick(-3_600_000);
    const first = make('decisions', {
      title: 'Use RabbitMQ | events',
      status: 'superseded',
      supersededBy: second.id,
    });
    const bundles = bundleDecisions({
      decisions: [second, { ...first, createdAt: '2024-04-30T00:00:00.000Z' }],
    });
    const files = unzipSync(toMadrZip(bundles, { exportedAt: '2024-06-01T10:00:00.000Z' }));
    expect(Object.keys(files).sort()).toEqual([
      'docs/decisions/0001-use-rabbitmq-events.md',
      'docs/decisions/0002-use-kafka.md',
      'docs/decisions/README.md',
    ]);
    const text = (name: string) => new TextDecoder().decode(files[`docs/decisions/${name}`]);
    expect(text('0001-use-rabbitmq-events.md')).toContain('status: "superseded by ADR-0002"');
    expect(text('0001-use-rabbitmq-events.md')).toContain('* Superseded by [ADR-0002](0002-use-kafka.md)');
    expect(text('README.md')).toContain(
      '| 0001 | [Use RabbitMQ \\| events](0001-use-rabbitmq-events.md) | superseded |',
    );
    expect(text('README.md')).toContain('Exported from Decidedly on 2024-06-01.');
    expect(
      parseAdr(text('0001-use-rabbitmq-events.md')).ok &&
        parsed(text('0001-use-rabbitmq-events.md')).supersededBy,
    ).toEqual({
      text: 'ADR-0002',
      href: null,
      number: 2,
    });
  });

  it('is stable: the same decisions give the same file names and bytes', () => {
    const bundles = bundleDecisions(sampleTables());
    expect(madrFiles(bundles).map((f) => f.name)).toEqual(
      madrFiles([...bundles].reverse()).map((f) => f.name),
    );
    expect(toMadrZip(bundles, { exportedAt: '2024-06-01T00:00:00.000Z' })).toEqual(
      toMadrZip(bundles, { exportedAt: '2024-06-01T00:00:00.000Z' }),
    );
  });
});

// Text a person might type: Markdown-ish punctuation, HTML, entities, headings, lists and line
// breaks — but no fences (an unclosed one is closed on export, by design) and no blank-line runs.
const words = fc.constantFrom(
  'alpha',
  'Beta',
  'ça',
  '日本',
  '<b>',
  '&lt;',
  '&amp;lt;',
  '*x*',
  '`c`',
  '\\',
  '"q"',
  '|',
  '[l](u)',
  'a:b',
  '—',
  '#tag',
);
const line = fc.array(words, { minLength: 1, maxLength: 5 }).map((w) => w.join(' '));
const prefixedLine = fc
  .tuple(fc.constantFrom('', '', '# ', '## ', '> ', '1. ', '- '), line)
  .map(([p, l]) => p + l);
const text = fc.array(fc.tuple(prefixedLine, fc.constantFrom('\n', '\n\n')), { maxLength: 4 }).map((parts) =>
  parts
    .map(([l, sep]) => l + sep)
    .join('')
    .trim(),
);
const title = fc
  .array(
    fc.constantFrom(
      'Use',
      'Postgres',
      '<script>',
      '&',
      'for',
      'sync',
      'C#',
      'a|b',
      '"x"',
      'é',
      '1.',
      '2:',
      '-',
      '\\.',
    ),
    {
      minLength: 1,
      maxLength: 6,
    },
  )
  .map((w) => w.join(' '));
const name = fc.constantFrom(
  'Dana Lee',
  'Lee, Jordan',
  'Kim',
  'Ana Souza',
  "O'Neil",
  'Zoë "Z" Park',
  'Sam <sam@example.com>',
);
const day = fc
  .integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2099, 0, 1) })
  .map((ms) => new Date(ms).toISOString());

describe('MADR round trip', () => {
  it(
    'keeps title, status, dates, people and sections through toMadr → parseAdr',
    () => {
      fc.assert(
        fc.property(
          fc.record({
            title,
            status: fc.constantFrom(...STATUSES),
            context: text,
            rationale: text,
            consequences: text,
            risks: text,
            decidedAt: fc.option(day, { nil: null }),
            reviewAt: fc.option(day, { nil: null }),
            tags: fc.uniqueArray(fc.constantFrom('infra', 'a b', 'x:y', '#z'), { maxLength: 3 }),
            options: fc.array(fc.record({ title, pros: text, cons: text, chosen: fc.boolean() }), {
              maxLength: 3,
            }),
            tradeoffs: fc.array(
              fc.record({ gain: line, cost: line, bornBy: fc.constantFrom('', 'Sales', 'Eng (core)') }),
              { maxLength: 2 },
            ),
            people: fc.array(fc.tuple(name, fc.constantFrom('R', 'A', 'C', 'I')), { maxLength: 5 }),
          }),
          (spec) => {
            const { make } = recordMaker();
            // Distinct option titles, as a person would write them.
            const options = spec.options
              .filter((o, i, all) => all.findIndex((p) => p.title === o.title) === i)
              .map((o, i) => ({ ...o, id: `o${i}` }));
            const decision = make('decisions', {
              ...spec,
              options,
              tradeoffs: spec.tradeoffs.map((t, i) => ({ ...t, id: `t${i}` })),
            });
            const people = new Map(spec.people.map(([n]) => [n, make('stakeholders', { name: n })]));
            const roles = spec.people.map(([n, raci]) =>
              make('roles', {
                decisionId: decision.id,
                stakeholderId: (people.get(n) as { id: string }).id,
                raci,
              }),
            );
            const bundle = bundleDecisions({
              decisions: [decision],
              roles,
              stakeholders: [...people.values()],
            })[0] as DecisionBundle;
            const adr = parsed(toMadr(bundle));
            const names = (raci: string) => [
              ...new Set(spec.people.filter(([, r]) => r === raci).map(([n]) => n)),
            ];
            const lines = (t: string) =>
              t
                .split('\n')
                .map((l) => l.trim())
                .filter(Boolean);
            expect(adr).toMatchObject({
              title: spec.title,
              status: spec.status,
              date: isoDay(spec.decidedAt ?? decision.updatedAt),
              reviewDate: spec.reviewAt ? isoDay(spec.reviewAt) : null,
              decisionMakers: names('A'),
              responsible: names('R'),
              consulted: names('C'),
              informed: names('I'),
              tags: spec.tags,
              context: spec.context,
              rationale: spec.rationale,
              consequences: spec.consequences,
              risks: spec.risks,
            });
            expect(
              adr.options.map((o) => ({ title: o.title, chosen: o.chosen, pros: o.pros, cons: o.cons })),
            ).toEqual(
              options.map((o) => ({
                title: o.title,
                chosen: o.chosen,
                pros: lines(o.pros),
                cons: lines(o.cons),
              })),
            );
            expect(adr.tradeoffs).toEqual(
              spec.tradeoffs.map((t) => ({ gain: t.gain, cost: t.cost, bornBy: t.bornBy })),
            );
          },
        ),
        { numRuns: 200 },
      );
    },
    SLOW,
  );
});
