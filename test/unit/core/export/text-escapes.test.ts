import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseYamlLite, quoteYaml, scalar } from '../../../../src/core/export/yaml-lite';
import { escapeMarkdownText, unescapeMarkdownText } from '../../../../src/core/md-text';

// Property runs are CPU-bound; on a busy machine they need more than the default 5 s.
const SLOW = 30_000;

describe('escapeMarkdownText', () => {
  it(
    'reverses exactly',
    () => {
      const piece = fc.constantFrom(
        '<',
        '&lt;',
        '&amp;lt;',
        '&',
        '#',
        '# ',
        '\\# ',
        '\\',
        '`',
        '``',
        '```',
        '\n',
        ' ',
        'a',
        'é',
        '>',
        'amp;',
      );
      fc.assert(
        fc.property(
          fc.array(piece, { maxLength: 30 }).map((p) => p.join('')),
          (text) => {
            expect(unescapeMarkdownText(escapeMarkdownText(text))).toBe(text);
          },
        ),
        { numRuns: 2000 },
      );
    },
    SLOW,
  );

  it('leaves no raw "<" in prose and none changed in code', () => {
    expect(escapeMarkdownText('a <b> `<c>`\n```\n<d>\n```\n<e>')).toBe(
      'a &lt;b> `<c>`\n```\n<d>\n```\n&lt;e>',
    );
    expect(escapeMarkdownText('# Title\n  ## Sub\n#hashtag')).toBe('\\# Title\n  \\## Sub\n#hashtag');
  });
});

// Any well-formed text (lone surrogates cannot be written as UTF-8 anyway), weighted towards
// what YAML escapes or treats specially.
const yamlText = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        '"',
        "'",
        '\\',
        '\n',
        '\r',
        '\t',
        '\0',
        '\u007f',
        '\u2028',
        '#',
        ': ',
        '- ',
        '[',
        ']',
        '{',
        '&',
        '*',
        '!',
        '%',
        '@',
      ),
      fc.integer({ min: 0, max: 0xd7ff }).map((c) => String.fromCodePoint(c)),
      fc.integer({ min: 0xe000, max: 0x10ffff }).map((c) => String.fromCodePoint(c)),
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(''));

describe('yaml-lite', () => {
  it(
    'quoteYaml reads back as the same string',
    () => {
      fc.assert(
        fc.property(yamlText, (s) => {
          expect(scalar(quoteYaml(s))).toBe(s);
          expect(parseYamlLite(`k: ${quoteYaml(s)}`).data.get('k')).toBe(s);
        }),
        { numRuns: 300 },
      );
    },
    SLOW,
  );

  it('reads scalars, quoted strings, inline and block lists and block scalars', () => {
    const { data, warnings } = parseYamlLite(
      [
        '# a comment',
        'status: accepted # trailing comment',
        "single: 'it''s'",
        'inline: [a, "b, c", \'d\']',
        'empty: []',
        'block:',
        '  - one',
        '  - "two: 2"',
        'dash-same-indent:',
        '- x',
        'literal: |',
        '  line 1',
        '  line 2',
        'folded: >',
        '  a',
        '  b',
        'nested:',
        '  key: value',
        'Date: 2024-01-01',
      ].join('\n'),
    );
    expect(Object.fromEntries(data)).toEqual({
      status: 'accepted',
      single: "it's",
      inline: ['a', 'b, c', 'd'],
      empty: [],
      block: ['one', 'two: 2'],
      'dash-same-indent': ['x'],
      literal: 'line 1\nline 2',
      folded: 'a b',
      nested: [],
      date: '2024-01-01',
    });
    expect(warnings).toEqual(['Nested values under "nested" were skipped.']);
  });

  it('treats tags, anchors and aliases as plain text', () => {
    const { data } = parseYamlLite('a: !!python/object:os.system "rm -rf /"\nb: &x 1\nc: *x');
    expect(Object.fromEntries(data)).toEqual({
      a: '!!python/object:os.system "rm -rf /"',
      b: '&x 1',
      c: '*x',
    });
  });
});
