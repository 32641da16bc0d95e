// Quiet hours in the user's zone, around midnight and DST changes.
import { describe, expect, it } from 'vitest';
import { quietUntil, siteName } from '../../../src/core/due-popup';

const night = { enabled: true, start: '22:00', end: '07:00' };
const lunch = { enabled: true, start: '12:00', end: '13:30' };
const iso = (d: Date | null) => d?.toISOString() ?? null;

describe('quietUntil', () => {
  it('spans midnight: quiet from the start, until the end of the next morning', () => {
    const z = 'Europe/Berlin'; // UTC+1 in January
    expect(quietUntil(new Date('2026-01-10T20:59:00Z'), z, night)).toBeNull(); // 21:59
    expect(iso(quietUntil(new Date('2026-01-10T21:00:00Z'), z, night))).toBe('2026-01-11T06:00:00.000Z');
    expect(iso(quietUntil(new Date('2026-01-10T23:30:00Z'), z, night))).toBe('2026-01-11T06:00:00.000Z');
    expect(iso(quietUntil(new Date('2026-01-11T05:59:00Z'), z, night))).toBe('2026-01-11T06:00:00.000Z');
    expect(quietUntil(new Date('2026-01-11T06:00:00Z'), z, night)).toBeNull(); // 07:00
  });

  it('handles a window within one day', () => {
    expect(iso(quietUntil(new Date('2026-01-10T12:15:00Z'), 'UTC', lunch))).toBe('2026-01-10T13:30:00.000Z');
    expect(quietUntil(new Date('2026-01-10T13:30:00Z'), 'UTC', lunch)).toBeNull();
    expect(quietUntil(new Date('2026-01-10T11:59:00Z'), 'UTC', lunch)).toBeNull();
  });

  it('ends at the wall-clock time across a daylight-saving change', () => {
    // New York springs forward on 8 March 2026: the night is an hour shorter, the end still 07:00.
    const z = 'America/New_York';
    expect(iso(quietUntil(new Date('2026-03-08T04:00:00Z'), z, night))).toBe('2026-03-08T11:00:00.000Z');
    expect(iso(quietUntil(new Date('2026-03-07T04:00:00Z'), z, night))).toBe('2026-03-07T12:00:00.000Z');
  });

  it('follows a far-off zone’s clock, not UTC’s', () => {
    // 09:00 UTC is 23:00 in Kiritimati (UTC+14): quiet until 07:00 there, 17:00 UTC.
    const at = new Date('2026-01-10T09:00:00Z');
    expect(iso(quietUntil(at, 'Pacific/Kiritimati', night))).toBe('2026-01-10T17:00:00.000Z');
    expect(quietUntil(at, 'UTC', night)).toBeNull();
  });

  it('is off when disabled, empty or malformed', () => {
    const at = new Date('2026-01-10T23:00:00Z');
    expect(quietUntil(at, 'UTC', { ...night, enabled: false })).toBeNull();
    expect(quietUntil(at, 'UTC', { enabled: true, start: '08:00', end: '08:00' })).toBeNull();
    expect(quietUntil(at, 'UTC', { enabled: true, start: '25:00', end: '07:00' })).toBeNull();
  });
});

describe('siteName', () => {
  it('names the known sites and keeps an unknown id', () => {
    expect([siteName('jira'), siteName('azure-devops'), siteName('wiki')]).toEqual([
      'Jira',
      'Azure DevOps',
      'wiki',
    ]);
  });
});
