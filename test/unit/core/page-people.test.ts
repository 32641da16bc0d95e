// The role a page person's parts suggest, one entry per person, and the handle field's helpers.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  handlesOf,
  mergePagePeople,
  orderPagePeople,
  PAGE_PARTS,
  type PagePerson,
  siteHandle,
  suggestedRole,
  withHandle,
} from '../../../src/core/page-people';
import { Handles, Stakeholder } from '../../../src/core/schemas';

const p = (
  name: string,
  parts: PagePerson['parts'],
  handle: string | null = null,
  email: string | null = null,
) => ({
  name,
  handle,
  email,
  parts,
});

describe('suggested roles', () => {
  it.each([
    [['approver'], 'A'],
    [['assignee'], 'R'],
    [['author'], 'R'],
    [['reviewer'], 'C'],
    [['reporter'], 'C'],
    [['commenter'], 'I'],
    [['mentioned'], 'I'],
    [['watcher'], 'I'],
    [['participant'], 'I'],
    [[], 'I'],
  ] as const)('%j suggests %s', (parts, role) => {
    expect(suggestedRole(parts)).toBe(role);
  });

  it('one person with several parts gets the strongest, in any order (A > R > C > I)', () => {
    expect(suggestedRole(['commenter', 'reviewer', 'approver'])).toBe('A');
    expect(suggestedRole(['reporter', 'author'])).toBe('R');
    expect(suggestedRole(['watcher', 'reviewer'])).toBe('C');
    const rank = { A: 0, R: 1, C: 2, I: 3 };
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PAGE_PARTS)), (parts) => {
        const best = suggestedRole(parts);
        for (const part of parts) expect(rank[best]).toBeLessThanOrEqual(rank[suggestedRole([part])]);
        expect(suggestedRole([...parts].reverse())).toBe(best);
      }),
    );
  });
});

describe('one entry per person', () => {
  it('joins entries with the same handle, keeping every part, the full name over a login', () => {
    const merged = mergePagePeople([
      p('marco-bianchi', ['commenter'], 'github:marco-bianchi'),
      p('Marco Bianchi', ['assignee'], 'github:marco-bianchi'),
      p('dana', ['reviewer'], 'github:dana'),
    ]);
    expect(merged).toEqual([
      p('Marco Bianchi', ['assignee', 'commenter'], 'github:marco-bianchi'),
      p('dana', ['reviewer'], 'github:dana'),
    ]);
  });

  it('joins a name-only entry with the named person, but never two different handles of one name', () => {
    const merged = mergePagePeople([
      p('Priya Raman', ['reporter'], 'atlassian:1'),
      p('Priya  Raman', ['commenter']),
      p('Priya Raman', ['watcher'], 'atlassian:2'),
    ]);
    expect(merged.map((m) => [m.handle, m.parts])).toEqual([
      ['atlassian:1', ['reporter', 'commenter']],
      ['atlassian:2', ['watcher']],
    ]);
  });

  it('joins by email, case aside, and drops entries with no name', () => {
    const merged = mergePagePeople([
      p('Sam', ['participant'], null, 'Sam@Example.org'),
      p('Sam K.', ['author'], null, 'sam@example.org'),
      p('  ', ['author']),
    ]);
    expect(merged).toEqual([p('Sam', ['author', 'participant'], null, 'sam@example.org')]);
  });

  it('orders the strongest suggestion first, then by name', () => {
    const ordered = orderPagePeople([p('b', ['commenter']), p('a', ['commenter']), p('z', ['approver'])]);
    expect(ordered.map((x) => x.name)).toEqual(['z', 'a', 'b']);
  });
});

describe('handles', () => {
  it('are lower case, site first, with the host where logins are per instance', () => {
    expect(siteHandle('github', '@Alice')).toBe('github:alice');
    expect(siteHandle('gitlab', 'alice', 'Git.Corp.Example')).toBe('gitlab:alice@git.corp.example');
    expect(siteHandle('github', 'two words')).toBeNull();
    expect(siteHandle('github', '')).toBeNull();
  });

  it('a stakeholder keeps several, space separated, each once', () => {
    const one = withHandle(undefined, 'github:alice');
    const two = withHandle(one, 'atlassian:557058:abc');
    expect(two).toBe('github:alice atlassian:557058:abc');
    expect(withHandle(two, 'github:alice')).toBe(two);
    expect(handlesOf(two)).toEqual(['github:alice', 'atlassian:557058:abc']);
    expect(handlesOf(null)).toEqual([]);
  });

  it('the schema accepts handles and rows without the field, and refuses free text', () => {
    expect(Handles.safeParse('github:alice atlassian:557058:abc').success).toBe(true);
    expect(Handles.safeParse('Alice Smith').success).toBe(false);
    expect(Handles.safeParse('github:alice  gitlab:bob').success).toBe(false);
    // A row written before handles existed, frozen as it was stored.
    const old = {
      id: '0190f3a1-7b2c-7d4e-8f60-1a2b3c4d5e6f',
      workspaceId: 'local',
      createdAt: '2024-05-01T10:00:00.000Z',
      updatedAt: '2024-05-01T10:00:00.000Z',
      fieldHlc: { name: '001714557600000.000000.a1b2c3d4' },
      deleted: false,
      name: 'Dana Okafor',
      email: null,
      function: 'Security',
      interests: '',
      power: true,
      legitimacy: true,
      urgency: false,
    };
    expect(Stakeholder.safeParse(old).success).toBe(true);
    expect(Stakeholder.safeParse({ ...old, handle: 'github:dana-okafor' }).success).toBe(true);
    expect(Stakeholder.safeParse({ ...old, handle: null }).success).toBe(true);
    expect(Stakeholder.safeParse({ ...old, handle: 'dana' }).success).toBe(false);
  });
});
