// Exports name days in the person's time zone: a decision logged at 00:30 local time in UTC+2
// belongs to that local day, not to the UTC day before it.
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  bundleDecisions,
  CSV_COLUMNS,
  type DecisionBundle,
  isoDay,
  toCsv,
  toMadr,
  toMadrZip,
} from '../../../../src/core/export';
import { recordMaker } from './records';

// 00:30 on 2 December in Athens (UTC+2 in winter) is 22:30 UTC on 1 December.
const LATE = '2026-12-01T22:30:00.000Z';
const ZONE = 'Europe/Athens';

function bundle(): DecisionBundle {
  const { make } = recordMaker();
  const decision = make('decisions', {
    title: 'Ship at midnight',
    status: 'decided',
    decidedAt: LATE,
    reviewAt: LATE,
  });
  const followUp = make('followUps', { decisionId: decision.id, title: 'Check', dueAt: LATE });
  return bundleDecisions({ decisions: [decision], followUps: [followUp] })[0] as DecisionBundle;
}

describe('export dates in the time zone given', () => {
  it('isoDay names the local calendar day', () => {
    expect(isoDay(LATE, ZONE)).toBe('2026-12-02');
    expect(isoDay(LATE, 'America/New_York')).toBe('2026-12-01');
    expect(isoDay(LATE, 'UTC')).toBe('2026-12-01');
    expect(isoDay(null, ZONE)).toBe('');
  });

  it('MADR front matter: date and review date on the local day', () => {
    const md = toMadr(bundle(), undefined, ZONE);
    expect(md).toContain('date: 2026-12-02');
    expect(md).toContain('review-date: 2026-12-02');
    expect(md).toContain('due 2026-12-02');
  });

  it('the ADR folder index and its "exported on" line use the local day', () => {
    const files = unzipSync(toMadrZip([bundle()], { exportedAt: LATE, timeZone: ZONE }));
    const readme = new TextDecoder().decode(files['docs/decisions/README.md']);
    expect(readme).toContain('Exported from Decidedly on 2026-12-02.');
    expect(readme).toMatch(/\| accepted \| 2026-12-02 \|/);
  });

  it('CSV day columns use the local day', () => {
    const rows = toCsv([bundle()], { timeZone: ZONE }).split('\r\n');
    const headers = (rows[0] ?? '').split(',');
    const cells = (rows[1] ?? '').split(',');
    const cell = (h: string) => cells[headers.indexOf(h)];
    expect(CSV_COLUMNS.map((c) => c.header)).toContain('decided');
    expect(cell('decided')).toBe('2026-12-02');
    expect(cell('review')).toBe('2026-12-02');
    expect(cell('next_follow_up_due')).toBe('2026-12-02');
  });
});
