// The decision log in real Chromium: a seeded log across several sites, searched, filtered (the
// view surviving a reload through its URL), as a RACI matrix, a timeline and a stakeholder map,
// with bulk actions and an accessibility check of every view.
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RACI_LABELS, STANCE_LABELS } from '../../src/core/raci';
import { type Harness, launch, seriousViolations } from './harness';

type Raci = 'R' | 'A' | 'C' | 'I';
type Stance = 'unknown' | 'supports' | 'concerns' | 'opposes' | 'committed';

interface SeedDecision {
  title: string;
  rationale: string;
  tags: string[];
  page: { pageKey: string; url: string; pageTitle: string; site: string };
  roles: [name: string, raci: Raci, stance: Stance][];
  decided?: boolean;
  /** Decided, then superseded by a new decision with this title (and the same roles). */
  supersededBy?: string;
}

interface SeedPerson {
  name: string;
  function: string;
  power: boolean;
  legitimacy: boolean;
  urgency: boolean;
}

interface DebugHandle {
  writeContext(): Promise<unknown>;
  notifyDataChanged(): Promise<void>;
  repo: {
    createStakeholder(ctx: unknown, fields: Omit<SeedPerson, never>): Promise<string>;
    createDecision(
      ctx: unknown,
      fields: { title: string; rationale?: string; tags?: string[] },
      anchor: SeedDecision['page'] & { selectors: null },
    ): Promise<string>;
    addRole(ctx: unknown, decisionId: string, stakeholderId: string, raci: Raci): Promise<string>;
    updateRole(ctx: unknown, roleId: string, fields: { stance: Stance }): Promise<void>;
    setStatus(ctx: unknown, id: string, to: 'decided'): Promise<void>;
    supersede(ctx: unknown, id: string, fields: { title: string }): Promise<string>;
  };
}

/** Writes `people` and `decisions`; answers the decision ids by title (superseding ones included). */
function seedLog(
  worker: Worker,
  people: SeedPerson[],
  decisions: SeedDecision[],
): Promise<Record<string, string>> {
  return worker.evaluate(
    async ({ people, decisions }) => {
      const d = (globalThis as unknown as { decidedly: DebugHandle }).decidedly;
      const ctx = await d.writeContext();
      const who = new Map<string, string>();
      for (const p of people) who.set(p.name, await d.repo.createStakeholder(ctx, p));
      const ids: Record<string, string> = {};
      const giveRoles = async (id: string, roles: SeedDecision['roles']) => {
        for (const [name, raci, stance] of roles) {
          const roleId = await d.repo.addRole(ctx, id, who.get(name) ?? '', raci);
          if (stance !== 'unknown') await d.repo.updateRole(ctx, roleId, { stance });
        }
      };
      for (const s of decisions) {
        const id = await d.repo.createDecision(
          ctx,
          { title: s.title, rationale: s.rationale, tags: s.tags },
          { ...s.page, selectors: null },
        );
        ids[s.title] = id;
        await giveRoles(id, s.roles);
        if (s.decided || s.supersededBy) await d.repo.setStatus(ctx, id, 'decided');
        if (s.supersededBy) {
          const next = await d.repo.supersede(ctx, id, { title: s.supersededBy });
          ids[s.supersededBy] = next;
          await giveRoles(
            next,
            s.roles.map(([n, r]) => [n, r, 'supports'] as const),
          );
        }
      }
      await d.notifyDataChanged();
      return ids;
    },
    { people, decisions },
  );
}

const JIRA = {
  pageKey: 'jira:acme.atlassian.net:ACME-7',
  url: 'https://acme.atlassian.net/browse/ACME-7',
  pageTitle: 'ACME-7 · Fix the login timeout',
  site: 'jira',
};
const GITHUB = {
  pageKey: 'github:acme/checkout#42',
  url: 'https://github.com/acme/checkout/pull/42',
  pageTitle: 'Checkout rewrite · Pull Request #42',
  site: 'github',
};
const NOTION = {
  pageKey: 'notion:0f3c2b7a9d4e4c1b8a6f5e2d1c0b9a87',
  url: 'https://www.notion.so/acme/Session-storage-decision-0f3c2b7a9d4e4c1b8a6f5e2d1c0b9a87',
  pageTitle: 'Session storage decision',
  site: 'notion',
};
const CONFLUENCE = {
  pageKey: 'confluence:acme.atlassian.net:98765',
  url: 'https://acme.atlassian.net/wiki/spaces/ENG/pages/98765',
  pageTitle: 'Session storage decision record',
  site: 'confluence',
};

const PEOPLE: SeedPerson[] = [
  { name: 'Dana Lee', function: 'Product', power: true, legitimacy: true, urgency: true },
  { name: 'Kim Ito', function: 'Sales', power: false, legitimacy: false, urgency: true },
  { name: 'Sam Ortiz', function: 'Engineering', power: true, legitimacy: true, urgency: false },
  { name: 'Lee Park', function: 'Security', power: false, legitimacy: true, urgency: false },
];

const DECISIONS: SeedDecision[] = [
  {
    title: 'Move sessions to Redis',
    rationale: 'Redis is boring technology we already operate',
    tags: ['storage'],
    page: JIRA,
    roles: [
      ['Dana Lee', 'A', 'supports'],
      ['Kim Ito', 'C', 'unknown'],
      ['Sam Ortiz', 'R', 'committed'],
    ],
    decided: true,
  },
  {
    title: 'Ship checkout behind a feature flag',
    rationale: 'A dark launch lets support rehearse the rollback',
    tags: ['release'],
    page: GITHUB,
    roles: [
      ['Sam Ortiz', 'A', 'supports'],
      ['Lee Park', 'C', 'unknown'],
      ['Kim Ito', 'I', 'unknown'],
    ],
  },
  {
    title: 'Use Postgres for sync',
    rationale: 'One store every team can run, a flywheel for tooling',
    tags: ['storage', 'sync'],
    page: NOTION,
    roles: [
      ['Dana Lee', 'A', 'supports'],
      ['Kim Ito', 'C', 'concerns'],
      ['Lee Park', 'C', 'opposes'],
    ],
  },
  {
    title: 'Keep sessions in memory',
    rationale: 'Simplest thing that works for one node',
    tags: ['storage'],
    page: CONFLUENCE,
    roles: [
      ['Sam Ortiz', 'A', 'supports'],
      // Unheard on a decision that was superseded since: nobody waits on Lee here any more.
      ['Lee Park', 'C', 'unknown'],
    ],
    supersededBy: 'Keep sessions in a Redis cluster',
  },
];

const UNHEARD = ['Move sessions to Redis', 'Ship checkout behind a feature flag'];

/** The titles of the rows the list shows, top to bottom. */
async function listedTitles(page: Page): Promise<string[]> {
  return page.locator('.list-view li.vrow .title').allTextContents();
}

describe('decision log in real Chromium', () => {
  let h: Harness;
  let page: Page;
  let ids: Record<string, string>;

  beforeAll(async () => {
    h = await launch();
    ids = await seedLog(h.worker, PEOPLE, DECISIONS);
    page = await h.openExtensionPage('log');
    await page.getByRole('status').filter({ hasText: '5 decisions' }).waitFor();
  });
  afterAll(async () => h?.close());

  it('lists every decision with its page, Accountable and alignment', async () => {
    expect((await listedTitles(page)).sort()).toEqual(Object.keys(ids).sort());
    const redis = page.locator('li.vrow', { hasText: 'Move sessions to Redis' });
    await expect.poll(() => redis.getByRole('link').textContent()).toContain('Jira');
    expect(await redis.getByRole('link').getAttribute('href')).toBe(JIRA.url);
    expect(await redis.textContent()).toContain('Dana Lee');
    expect(await redis.getByRole('img').getAttribute('aria-label')).toMatch(
      /1 support.*1 committed.*1 unknown/,
    );
  });

  it('finds a decision by a word of its rationale as you type, and marks it', async () => {
    const search = page.getByRole('searchbox', { name: 'Search decisions' });
    await search.pressSequentially('flywh');
    await expect.poll(() => listedTitles(page)).toEqual(['Use Postgres for sync']);
    expect(await page.locator('li.vrow mark').allTextContents()).toEqual(['flywh']);
    expect(await page.locator('li.vrow .snippet').textContent()).toContain('rationale:');
    await search.fill('');
    await expect.poll(async () => (await listedTitles(page)).length).toBe(5);
  });

  it('lists exactly the decisions whose Consulted were not heard', async () => {
    await page.getByRole('checkbox', { name: 'Consulted not heard' }).check();
    await expect.poll(async () => (await listedTitles(page)).sort()).toEqual(UNHEARD);
    expect(page.url()).toContain('gap=unheard');
    await page.getByRole('checkbox', { name: 'Consulted not heard' }).uncheck();
  });

  it('keeps a filtered view through a reload of its URL', async () => {
    await page.getByRole('checkbox', { name: 'Consulted not heard' }).check();
    await page.getByLabel('Site').selectOption('jira');
    await page.getByLabel('Group by').selectOption('page');
    await expect.poll(() => listedTitles(page)).toEqual(['Move sessions to Redis']);
    const url = page.url();
    expect(url).toMatch(/gap=unheard/);
    expect(url).toMatch(/site=jira/);
    await page.reload();
    await expect.poll(() => listedTitles(page)).toEqual(['Move sessions to Redis']);
    expect(await page.getByRole('checkbox', { name: 'Consulted not heard' }).isChecked()).toBe(true);
    expect(await page.getByLabel('Site').inputValue()).toBe('jira');
    await expect.poll(() => page.getByRole('heading', { name: /ACME-7/ }).count()).toBe(1);
    // A bookmark opened fresh shows the same view.
    const fresh = await h.context.newPage();
    await fresh.goto(url);
    await expect.poll(() => listedTitles(fresh)).toEqual(['Move sessions to Redis']);
    await fresh.close();
    await page.getByRole('button', { name: /^Clear/ }).click();
    await page.getByLabel('Group by').selectOption('none');
    await expect.poll(async () => (await listedTitles(page)).length).toBe(5);
  });

  it("shows the seeded roles and stances in the RACI matrix, with each person's load", async () => {
    await page.getByRole('button', { name: 'RACI matrix' }).click();
    const table = page.getByRole('table', { name: /RACI matrix/ });
    await table.waitFor();
    const grid = await table.evaluate((t: HTMLTableElement) => {
      const heads = [...t.tHead!.rows[0]!.cells].slice(2).map((c) => c.textContent ?? '');
      return [...t.tBodies[0]!.rows].map((r) => ({
        person: r.cells[0]?.firstChild?.textContent ?? '',
        load: r.cells[1]?.textContent ?? '',
        cells: Object.fromEntries(
          [...r.cells].slice(2).flatMap((c, i) => (c.textContent ? [[heads[i], c.textContent]] : [])),
        ),
      }));
    });
    const expected: Record<string, Record<string, string>> = {};
    for (const d of DECISIONS) {
      // The superseding decision was given the same people, all in support.
      const versions = d.supersededBy ? [d.title, d.supersededBy] : [d.title];
      for (const [name, raci, stance] of d.roles)
        for (const [i, title] of versions.entries()) {
          const said = STANCE_LABELS[i === 0 ? stance : 'supports'].toLowerCase();
          expected[name] = { ...expected[name], [title]: `${raci} ${RACI_LABELS[raci]}, ${said}` };
        }
    }
    expect(Object.fromEntries(grid.map((r) => [r.person, r.cells]))).toEqual(expected);
    // Dana is Accountable twice; Lee is still awaited on the feature flag (not on the superseded one).
    expect(grid.find((r) => r.person === 'Dana Lee')?.load).toMatch(/A 2 · 0 pending/);
    expect(grid.find((r) => r.person === 'Lee Park')?.load).toMatch(/A 0 · 1 pending/);
  });

  it('draws the supersede chain on the timeline', async () => {
    await page.getByRole('button', { name: 'Timeline' }).click();
    const chain = page.getByRole('img', {
      name: 'Supersede chain: Keep sessions in memory → Keep sessions in a Redis cluster',
    });
    await chain.waitFor();
    expect(await chain.locator('line').count()).toBe(1);
    const row = page.locator('li.vrow', { has: chain });
    const dots = await row.locator('.tl-dot').evaluateAll((els) =>
      els.map((e) => ({
        id: e.getAttribute('data-decision'),
        left: Number.parseFloat((e as HTMLElement).style.left),
      })),
    );
    expect(dots.map((d) => d.id)).toEqual([
      ids['Keep sessions in memory'],
      ids['Keep sessions in a Redis cluster'],
    ]);
    expect(dots[0]!.left).toBeLessThanOrEqual(dots[1]!.left);
    expect(await page.locator('li.vrow').count()).toBe(4);
  });

  it('maps stakeholders by salience and links them to the decisions waiting on them', async () => {
    await page.getByRole('button', { name: 'Stakeholder map' }).click();
    const quadrant = page.getByRole('region', { name: 'Low power, high urgency' });
    const kim = quadrant.getByRole('link', { name: /^Kim Ito, demanding/ });
    expect(await kim.textContent()).toMatch(/1 waiting on their view/);
    await kim.click();
    await expect.poll(() => listedTitles(page)).toEqual(['Move sessions to Redis']);
    expect(page.url()).toMatch(/person=.*gap=unheard/);
    expect(await page.getByRole('checkbox', { name: 'Kim Ito: Consulted, not heard' }).isChecked()).toBe(
      true,
    );
    await page.getByRole('button', { name: /^Clear/ }).click();
  });

  it('tags and exports a keyboard selection', async () => {
    await expect.poll(async () => (await listedTitles(page)).length).toBe(5);
    const first = page.locator('li.vrow').first();
    await first.focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Space');
    const bulk = page.getByRole('region', { name: 'Selected decisions' });
    await bulk.getByText('2 decisions selected').waitFor();
    await bulk.getByLabel('Add tag').fill('q3-review');
    await bulk.getByRole('button', { name: 'Add' }).click();
    await bulk.getByText(/Tagged 2 decisions/).waitFor();
    const tagged = await h.worker.evaluate(async () => {
      const d = (
        globalThis as unknown as {
          decidedly: { db(): { decisions: { toArray(): Promise<{ title: string; tags: string[] }[]> } } };
        }
      ).decidedly;
      return (await d.db().decisions.toArray())
        .filter((x) => x.tags.includes('q3-review'))
        .map((x) => x.title);
    });
    const shown = (await listedTitles(page)).slice(0, 2);
    expect(tagged.sort()).toEqual(shown.sort());
    await bulk.getByLabel('Export as').selectOption('csv');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      bulk.getByRole('button', { name: 'Export' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^decisions-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await new Promise<string>((resolve, reject) => {
      void download.createReadStream().then((stream) => {
        let text = '';
        stream.on('data', (c: Buffer) => (text += c.toString('utf8')));
        stream.on('end', () => resolve(text));
        stream.on('error', reject);
      }, reject);
    });
    for (const title of shown) expect(csv).toContain(title);
    expect(csv.trim().split('\r\n')).toHaveLength(3);
    await bulk.getByRole('button', { name: 'Clear selection' }).click();
  });

  it("fits the list's columns and the matrix's titles in a 1,030 px window", async () => {
    await page.setViewportSize({ width: 1030, height: 800 });
    await page.getByRole('button', { name: 'List' }).click();
    await page.locator('.list-view li.vrow').first().waitFor();
    const cut = await page.evaluate(() => {
      const edge = document.documentElement.clientWidth;
      const heads = [...document.querySelectorAll('.list-head > span')];
      const cells = [...(document.querySelector('.list-view li.vrow .drow')?.children ?? [])];
      return [...heads, ...cells]
        .filter((el) => el.getBoundingClientRect().right > edge + 0.5)
        .map((el) => el.textContent);
    });
    expect(cut).toEqual([]);
    await page.getByRole('button', { name: 'RACI matrix' }).click();
    await page.locator('.matrix .decision-col span').first().waitFor();
    const clipped = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.matrix .decision-col span')]
        .filter((el) => el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1)
        .map((el) => el.textContent),
    );
    expect(clipped).toEqual([]);
    await page.setViewportSize({ width: 1400, height: 900 });
  });

  it('has no serious accessibility violations in any view', async () => {
    for (const view of ['List', 'Timeline', 'RACI matrix', 'Stakeholder map']) {
      await page.getByRole('button', { name: view }).click();
      await page.locator('.log-main section').first().waitFor();
      expect(await seriousViolations(page), view).toEqual([]);
    }
  });
});
