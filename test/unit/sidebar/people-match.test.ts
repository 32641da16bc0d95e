// Matching a page's people to the directory: email, then handle, then name — and a name match is
// only a suggestion, refused when the entry's email or same-site handle says it is someone else.
import { describe, expect, it } from 'vitest';
import type { PagePerson } from '../../../src/core/page-people';
import type { Stakeholder } from '../../../src/core/schemas';
import { matchPagePerson, newStakeholderFor, recognitionPatch } from '../../../src/sidebar/people-match';

let n = 0;
const entry = (name: string, more: Partial<Stakeholder> = {}): Stakeholder =>
  ({
    id: `00000000-0000-7000-8000-${String(++n).padStart(12, '0')}`,
    workspaceId: 'local',
    createdAt: '2024-05-01T10:00:00.000Z',
    updatedAt: '2024-05-01T10:00:00.000Z',
    fieldHlc: {},
    deleted: false,
    name,
    email: null,
    function: '',
    interests: '',
    power: false,
    legitimacy: false,
    urgency: false,
    ...more,
  }) as Stakeholder;
const person = (name: string, handle: string | null = null, email: string | null = null): PagePerson => ({
  name,
  handle,
  email,
  parts: ['commenter'],
});

describe('matching page people to the directory', () => {
  const dana = entry('Dana Okafor', { email: 'dana@acme.example' });
  const marco = entry('Marco Bianchi', { handle: 'github:marco-bianchi atlassian:5b10' });
  const priya = entry('Priya Raman');
  const directory = [dana, marco, priya];

  it('by email first, case aside, whatever name the page shows', () => {
    expect(matchPagePerson(directory, person('D. Okafor', 'github:dana', 'DANA@acme.example'))).toEqual({
      kind: 'email',
      stakeholder: dana,
    });
  });

  it('then by handle, on any of the entry handles', () => {
    expect(matchPagePerson(directory, person('marco-bianchi', 'github:marco-bianchi'))).toEqual({
      kind: 'handle',
      stakeholder: marco,
    });
    expect(matchPagePerson(directory, person('Marco B.', 'atlassian:5b10'))).toEqual({
      kind: 'handle',
      stakeholder: marco,
    });
  });

  it('then by name, as a suggestion to confirm', () => {
    expect(matchPagePerson(directory, person('priya  raman', 'github:priya-raman'))).toEqual({
      kind: 'name',
      stakeholder: priya,
    });
  });

  it('never matches a name whose email or same-site handle differs', () => {
    expect(matchPagePerson(directory, person('Dana Okafor', null, 'dana@other.example')).kind).toBe('new');
    expect(matchPagePerson(directory, person('Marco Bianchi', 'github:marco-b')).kind).toBe('new');
    // Another site's handle says nothing against the name.
    expect(matchPagePerson(directory, person('Marco Bianchi', 'gitlab:marco'))).toEqual({
      kind: 'name',
      stakeholder: marco,
    });
    expect(matchPagePerson(directory, person('Lena Vogel', 'github:lena')).kind).toBe('new');
  });

  it('accepting records the handle and a missing email, and nothing when both are known', () => {
    expect(
      recognitionPatch(priya, person('Priya Raman', 'github:priya-raman', 'priya@acme.example')),
    ).toEqual({
      handle: 'github:priya-raman',
      email: 'priya@acme.example',
    });
    expect(recognitionPatch(marco, person('Marco', 'gitlab:marco'))).toEqual({
      handle: 'github:marco-bianchi atlassian:5b10 gitlab:marco',
    });
    expect(recognitionPatch(marco, person('Marco', 'github:marco-bianchi'))).toBeNull();
    expect(recognitionPatch(dana, person('Dana', null, 'dana@new.example'))).toBeNull();
  });

  it('a new stakeholder carries the page name, email and handle', () => {
    expect(newStakeholderFor(person('Lena Vogel', 'github:lena', 'lena@acme.example'))).toEqual({
      name: 'Lena Vogel',
      email: 'lena@acme.example',
      handle: 'github:lena',
    });
    expect(newStakeholderFor(person('Sam K.'))).toEqual({ name: 'Sam K.', email: null });
  });
});
