import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseQuickAdd, QUICK_ADD_HINT } from '../../../src/core/quick-add';

const BERLIN = 'Europe/Berlin';
const MON = new Date('2026-11-23T09:00:00Z'); // Monday 10:00 in Berlin
const parse = (line: string) => parseQuickAdd(line, MON, BERLIN);

describe('parseQuickAdd', () => {
  it('reads the full example', () => {
    const r = parse('Use Postgres for sync @Dana #backend due:fri !decided');
    expect(r).toMatchObject({
      title: 'Use Postgres for sync',
      mentions: ['Dana'],
      tags: ['backend'],
      dueText: 'fri',
      status: 'decided',
      errors: [],
    });
    expect(r.due?.label).toBe('Fri 27 Nov');
    expect(r.due?.date.toISOString()).toBe('2026-11-27T16:00:00.000Z');
  });

  it('gives a plain line as the title, with nothing else set', () => {
    expect(parse('  Ship   the\tbeta  ')).toEqual({
      title: 'Ship the beta',
      mentions: [],
      tags: [],
      due: null,
      errors: [],
    });
  });

  describe('mentions', () => {
    it('accepts quoted names with spaces, straight or curly quotes', () => {
      expect(parse('Own the rollout @"Dana Scully" @Fox').mentions).toEqual(['Dana Scully', 'Fox']);
      expect(parse('Own the rollout @“Dana  Scully”').mentions).toEqual(['Dana Scully']);
      expect(parse('Own the rollout @“Dana Scully"').mentions).toEqual(['Dana Scully']);
    });

    it('keeps names readable inside the title and drops them at the end', () => {
      const r = parse('Ask @Dana about #pricing before launch @Fox #q3');
      expect(r.title).toBe('Ask Dana about pricing before launch');
      expect(r.mentions).toEqual(['Dana', 'Fox']);
      expect(r.tags).toEqual(['pricing', 'q3']);
      expect(parse('Ask @"Dana Scully", then ship').title).toBe('Ask Dana Scully, then ship');
    });

    it('strips trailing punctuation and accepts non-ASCII names', () => {
      expect(parse("Decide with @Dana, @Zoë. @O'Brien").mentions).toEqual(['Dana', 'Zoë', "O'Brien"]);
    });

    it('dedupes ignoring case, keeping the first spelling', () => {
      expect(parse('Plan @Dana @dana @DANA').mentions).toEqual(['Dana']);
    });

    it('leaves the @ of an email address, a lone @ and @digits as text', () => {
      const r = parse('Mail a@b.com the plan @ 3pm about @42');
      expect(r.mentions).toEqual([]);
      expect(r.title).toBe('Mail a@b.com the plan @ 3pm about @42');
    });

    it('reports an unclosed or empty quote', () => {
      const r = parse('Review @"Dana Scully');
      expect(r.mentions).toEqual([]);
      expect(r.title).toBe('Review @"Dana Scully');
      expect(r.errors).toEqual([expect.stringContaining('Missing closing quote')]);
      expect(parse('Review @""').errors).toEqual([expect.stringContaining('Empty name')]);
    });
  });

  describe('tags', () => {
    it('lowercases and dedupes', () => {
      expect(parse('Pick a queue #Backend #backend #Infra/Queues #dx-team').tags).toEqual([
        'backend',
        'infra/queues',
        'dx-team',
      ]);
    });

    it('leaves C#, issue numbers and a lone # as text', () => {
      const r = parse('Port to C# fixes #123 see # notes');
      expect(r.tags).toEqual([]);
      expect(r.title).toBe('Port to C# fixes #123 see # notes');
    });

    it('reports a tag longer than a tag may be', () => {
      const r = parse(`Tidy #${'a'.repeat(61)}`);
      expect(r.tags).toEqual([]);
      expect(r.errors).toEqual([expect.stringContaining('longer than 60')]);
    });
  });

  describe('due:', () => {
    it('reads multi-word dates up to the next marker', () => {
      const r = parse('Cut the release due:next friday at 3pm #release');
      expect(r.dueText).toBe('next friday at 3pm');
      expect(r.due?.date.toISOString()).toBe('2026-12-04T14:00:00.000Z');
      expect(r.title).toBe('Cut the release');
      expect(r.tags).toEqual(['release']);
    });

    it('reads ISO dates, a space after the colon, and any case', () => {
      expect(parse('Launch due:2026-12-01').due?.label).toBe('Tue 1 Dec');
      expect(parse('Launch due: tomorrow').dueText).toBe('tomorrow');
      expect(parse('Launch DUE:Dec 1').dueText).toBe('Dec 1');
    });

    it('gives words after the date back to the title', () => {
      const r = parse('due:fri Ship the beta');
      expect(r.dueText).toBe('fri');
      expect(r.title).toBe('Ship the beta');
    });

    it('reports a date it cannot read, and a due: with no date', () => {
      const r = parse('Ship it due:someday soon');
      expect(r.due).toBeNull();
      expect(r.dueText).toBe('someday soon');
      expect(r.title).toBe('Ship it');
      expect(r.errors).toEqual([expect.stringContaining('Can\'t read the due date "someday soon"')]);
      expect(parse('Ship it due: @Dana').errors).toEqual([expect.stringContaining('needs a date')]);
      expect(parse('Ship it due:12/1').errors).toHaveLength(1);
    });

    it('reports two due dates and keeps the first', () => {
      const r = parse('Ship due:fri due:mon');
      expect(r.dueText).toBe('fri');
      expect(r.errors).toEqual([expect.stringContaining('Two due dates')]);
    });

    it('takes "due" without a colon as a word', () => {
      expect(parse('Pay the invoice due fri')).toMatchObject({ title: 'Pay the invoice due fri', due: null });
    });
  });

  describe('status', () => {
    it('sets each settable status, from an unambiguous prefix too', () => {
      expect(parse('A !proposed').status).toBe('proposed');
      expect(parse('A !Decided').status).toBe('decided');
      expect(parse('A !revisiting').status).toBe('revisiting');
      expect(parse('A !rejected').status).toBe('rejected');
      expect(parse('A !dec').status).toBe('decided');
      expect(parse('A !rev').status).toBe('revisiting');
    });

    it('reports unknown, ambiguous, unsettable and conflicting statuses', () => {
      expect(parse('A !foo').errors).toEqual([expect.stringContaining('Unknown status "!foo"')]);
      expect(parse('A !re').errors).toEqual([expect.stringContaining('Unknown status "!re"')]);
      expect(parse('A !superseded').errors).toEqual([expect.stringContaining('linking')]);
      const r = parse('A !decided !rejected');
      expect(r.status).toBe('decided');
      expect(r.errors).toEqual([expect.stringContaining('Two statuses')]);
      expect(parse('A !decided !decided').errors).toEqual([]);
    });

    it('leaves exclamation marks in prose alone', () => {
      const r = parse('Ship it! now !! !1');
      expect(r.status).toBeUndefined();
      expect(r.errors).toEqual([]);
      expect(r.title).toBe('Ship it! now !! !1');
    });
  });

  describe('title', () => {
    it('must not be empty', () => {
      expect(parse('').errors).toEqual(['Add a title: what was decided.']);
      expect(parse('   ').errors).toEqual(['Add a title: what was decided.']);
      expect(parse('@Dana #backend due:fri !decided').errors).toEqual(['Add a title: what was decided.']);
    });

    it('must be at most 300 characters', () => {
      expect(parse('x'.repeat(300)).errors).toEqual([]);
      const r = parse(`${'x'.repeat(301)} #tag`);
      expect(r.title).toHaveLength(301);
      expect(r.errors).toEqual(['The title is 301 characters; the limit is 300.']);
    });
  });

  it('never throws, and always returns a trimmed title and lowercase unique tags', () => {
    const piece = fc.oneof(
      fc.string({ maxLength: 8 }),
      fc.constantFrom(
        '@',
        '#',
        '!',
        'due:',
        '@"',
        '"',
        '“',
        '”',
        ' ',
        'fri',
        'next',
        '3pm',
        '@Dana',
        '#Tag',
        '!decided',
      ),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const r = parseQuickAdd(pieces.join(''), MON, BERLIN);
        expect(r.title).toBe(r.title.trim());
        expect(r.title).not.toMatch(/\s{2}/);
        for (const tag of r.tags) expect(tag).toBe(tag.toLowerCase());
        expect(new Set(r.tags).size).toBe(r.tags.length);
        if (r.title === '') expect(r.errors).toContain('Add a title: what was decided.');
      }),
    );
  });

  it('offers a hint that is itself valid syntax', () => {
    const r = parse(QUICK_ADD_HINT);
    expect(r.errors).toEqual([]);
    expect(r).toMatchObject({
      mentions: ['owner', 'Dana Scully'],
      tags: ['tag'],
      dueText: 'fri',
      status: 'decided',
    });
  });
});
