// The README's screenshots, made from the built extension so they stay current:
// `npm run screenshots` (builds, then runs this). A small workspace is written through the service
// worker's repositories (the same write path as the UI): decisions on the demo Jira issue and on
// other pages, with roles, stances, salience, follow-ups and a supersede chain, backdated so the
// timeline spans months. Then, at 1280 × 800: the sidebar's record view on the Jira issue, the
// popup, the log's four views, and the sidebar and the log with the theme set to Dark.
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { launch, sidebarFrame, toggleSidebarViaCommand } from '../test/e2e/harness';

const OUT = 'docs/screenshots';
const JIRA = 'https://acme.atlassian.net/browse/ACME-7';
const VIEWPORT = { width: 1280, height: 800 };

type Ctx = unknown;
type Fn = (ctx: Ctx, ...args: unknown[]) => Promise<string>;
type Handle = {
  decidedly: {
    writeContext(): Promise<Ctx>;
    notifyDataChanged(): Promise<void>;
    onCommand(c: string): Promise<void>;
    db(): Record<string, { update(id: string, changes: object): Promise<number> }>;
    repo: Record<
      | 'createDecision'
      | 'updateDecision'
      | 'setStatus'
      | 'supersede'
      | 'createStakeholder'
      | 'addRole'
      | 'updateRole'
      | 'addFollowUp',
      Fn
    >;
  };
};

/** The workspace, written in the service worker (this function is serialised into it). */
async function seed(jira: string) {
  const d = (globalThis as unknown as Handle).decidedly;
  const ctx = await d.writeContext();
  const r = d.repo;
  const DAY = 86_400_000;
  const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();
  const anchor = (url: string, pageKey: string, pageTitle: string, site: string, quote: string) => ({
    pageKey,
    url,
    pageTitle,
    site,
    selectors: { quote: { exact: quote, prefix: '', suffix: '' }, position: { start: 0, end: quote.length } },
  });
  const people: Record<string, string> = {};
  for (const [name, fn, power, legitimacy, urgency] of [
    ['Marco Bianchi', 'Engineering', true, true, false],
    ['Dana Okafor', 'Security', true, true, true],
    ['Priya Raman', 'Product', false, true, true],
    ['Lena Vogt', 'Operations', true, false, false],
    ['Sam Whitaker', 'Support', false, true, false],
  ] as const)
    people[name] = await r.createStakeholder(ctx, { name, function: fn, power, legitimacy, urgency });
  const role = async (id: string, name: string, raci: string, stance?: string, note?: string) => {
    const roleId = await r.addRole(ctx, id, people[name], raci);
    if (stance) await r.updateRole(ctx, roleId, { stance, ...(note ? { note } : {}) });
  };
  /** Moves a decision's dates back, so the timeline shows months rather than one day. */
  const backdate = (id: string, days: number, decided: boolean) =>
    d.db().decisions?.update(id, {
      createdAt: ago(days),
      ...(decided ? { decidedAt: ago(days - 2) } : {}),
    });

  // The decision on the demo issue, open in the sidebar's record view.
  const redis = await r.createDecision(
    ctx,
    {
      title: 'Move sessions to Redis',
      context: 'Sessions live in each API pod; a deploy or a scale-down logs people out mid-checkout.',
      rationale: 'Deploys stop logging people out, and sticky sessions can go.',
      consequences: 'One more service for the platform team to run; about 2 ms added per request.',
      tags: ['backend', 'checkout'],
      options: [
        {
          id: crypto.randomUUID(),
          title: 'Redis with a 30-minute sliding expiry',
          pros: 'Survives deploys',
          cons: 'One more service',
          chosen: true,
        },
        {
          id: crypto.randomUUID(),
          title: 'Signed cookies',
          pros: 'No server state',
          cons: 'Capped at 4 KB',
          chosen: false,
        },
      ],
    },
    anchor(
      jira,
      'jira:acme.atlassian.net:ACME-7',
      'ACME-7 · Fix the login timeout during checkout',
      'jira',
      'We decided to move session storage to Redis, with a 30-minute sliding expiry.',
    ),
  );
  await role(redis, 'Marco Bianchi', 'A', 'supports');
  await role(redis, 'Dana Okafor', 'C', 'concerns', 'Redis must stay private to the VPC.');
  await role(redis, 'Lena Vogt', 'R', 'committed');
  await role(redis, 'Priya Raman', 'I', 'supports');
  await r.addFollowUp(ctx, redis, {
    title: 'Review the Redis config',
    ownerId: people['Dana Okafor'],
    dueAt: new Date(Date.now() + 2 * DAY).toISOString(),
  });
  await r.addFollowUp(ctx, redis, {
    title: 'Remove sticky sessions',
    ownerId: people['Marco Bianchi'],
    dueAt: ago(1),
  });

  // Elsewhere: a supersede chain and decisions in every status, over the last months.
  const gh = (n: number, title: string, quote: string) =>
    anchor(
      `https://github.com/acme/shop/pull/${n}`,
      `github:acme/shop:pull:${n}`,
      `${title} · Pull Request #${n}`,
      'github',
      quote,
    );
  const conf = (title: string, quote: string) =>
    anchor(
      `https://acme.atlassian.net/wiki/spaces/ENG/pages/${title.length}`,
      `confluence:acme.atlassian.net:${title.length}`,
      title,
      'confluence',
      quote,
    );
  const rest = await r.createDecision(
    ctx,
    { title: 'Public API stays REST', rationale: 'Partners already integrate over REST.', tags: ['api'] },
    conf('API strategy 2026', 'The public API stays REST for now.'),
  );
  await role(rest, 'Priya Raman', 'A', 'supports');
  await role(rest, 'Marco Bianchi', 'C', 'supports');
  await r.setStatus(ctx, rest, 'decided');
  await backdate(rest, 150, true);
  const graphql = await r.supersede(ctx, rest, {
    title: 'Public API adds GraphQL beside REST',
    rationale: 'The mobile team needs fewer round trips; REST stays for partners.',
    tags: ['api'],
  });
  await role(graphql, 'Priya Raman', 'A', 'supports');
  await role(graphql, 'Sam Whitaker', 'C');
  await role(graphql, 'Lena Vogt', 'I', 'opposes', 'Two APIs to keep secure and documented.');
  await backdate(graphql, 60, false);
  const flags = await r.createDecision(
    ctx,
    {
      title: 'Feature flags through the config service',
      rationale: 'One place to turn things off.',
      tags: ['platform'],
    },
    gh(412, 'Add feature flag client', 'we will read flags from the config service'),
  );
  await role(flags, 'Marco Bianchi', 'A', 'supports');
  await role(flags, 'Lena Vogt', 'R', 'supports');
  await role(flags, 'Dana Okafor', 'C', 'supports');
  await r.setStatus(ctx, flags, 'decided');
  await backdate(flags, 95, true);
  const retries = await r.createDecision(
    ctx,
    {
      title: 'Retry payment webhooks for 72 hours',
      rationale: 'The provider retries for three days too.',
      tags: ['checkout', 'payments'],
    },
    gh(398, 'Webhook retries', 'retry webhooks with backoff for 72 hours'),
  );
  await role(retries, 'Marco Bianchi', 'A', 'supports');
  await role(retries, 'Sam Whitaker', 'I', 'supports');
  await r.setStatus(ctx, retries, 'decided');
  await backdate(retries, 40, true);
  const mobile = await r.createDecision(
    ctx,
    { title: 'Drop Android 8 support', rationale: 'Under 0.5 % of checkouts.', tags: ['mobile'] },
    conf('Mobile support matrix', 'Android 8 is dropped from the next release.'),
  );
  await role(mobile, 'Priya Raman', 'A', 'supports');
  await role(mobile, 'Sam Whitaker', 'C', 'concerns', 'Expect tickets from older tablets.');
  await r.setStatus(ctx, mobile, 'rejected');
  await backdate(mobile, 20, false);
  const logs = await r.createDecision(
    ctx,
    { title: 'Keep request logs for 30 days', tags: ['security', 'platform'] },
    conf('Data retention', 'Request logs are kept for 30 days.'),
  );
  await role(logs, 'Dana Okafor', 'A');
  await role(logs, 'Lena Vogt', 'C', 'opposes', 'Incident reviews need 90 days.');
  await backdate(logs, 8, false);
  await r.addFollowUp(ctx, logs, {
    title: 'Reach a decision',
    ownerId: people['Dana Okafor'],
    dueAt: new Date(Date.now() + 5 * DAY).toISOString(),
  });
  await d.notifyDataChanged();
}

async function shoot(page: Page, name: string) {
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: `${OUT}/${name}.png` });
  console.log(`  ${OUT}/${name}.png`);
}

/** Waits for the log to have its data, then for the view's own content. */
async function logView(page: Page, view: string, ready: string) {
  await page.goto(`${page.url().split('?')[0]}${view === 'list' ? '' : `?view=${view}`}`);
  await page.waitForFunction(() => performance.getEntriesByName('decidedly:log:complete').length > 0);
  await page.locator(ready).first().waitFor();
}

mkdirSync(OUT, { recursive: true });
const h = await launch();
try {
  // tsx names the functions inside `seed` with an `__name` helper that the worker lacks.
  await h.worker.evaluate('globalThis.__name = (f) => f');
  await h.worker.evaluate(seed, JIRA);

  const page = await h.context.newPage();
  await page.setViewportSize(VIEWPORT);
  await page.goto(JIRA);
  await page.waitForFunction(() => CSS.highlights.size > 0);
  await toggleSidebarViaCommand(h, page);
  const frame = await sidebarFrame(page);
  await frame.getByRole('button', { name: /Move sessions to Redis/ }).click();
  await frame.getByRole('heading', { name: 'Move sessions to Redis' }).waitFor();
  await page.getByText('sliding expiry').first().scrollIntoViewIfNeeded();
  await shoot(page, 'sidebar');

  const popup = await h.openExtensionPage('popup');
  await popup.setViewportSize({ width: 400, height: 560 });
  await popup.getByText('Review the Redis config').first().waitFor();
  await shoot(popup, 'popup');
  await popup.close();

  const log = await h.openExtensionPage('log');
  await log.setViewportSize(VIEWPORT);
  await logView(log, 'list', 'li.vrow');
  await shoot(log, 'log-list');
  await logView(log, 'timeline', '.timeline, [aria-label*="imeline"]');
  await shoot(log, 'log-timeline');
  await logView(log, 'matrix', 'table');
  await shoot(log, 'log-raci');
  await logView(log, 'map', '.map-view .bubble-item');
  await shoot(log, 'log-map');

  // Dark: the Options choice, which the open pages follow live.
  await h.worker.evaluate(async () => {
    const { settings } = (await chrome.storage.local.get('settings')) as { settings?: { values?: object } };
    await chrome.storage.local.set({
      settings: { version: 1, ...settings, values: { ...settings?.values, theme: 'dark' } },
    });
  });
  await logView(log, 'list', 'li.vrow');
  await log.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
  await shoot(log, 'log-dark');
  await frame.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
  await page.bringToFront();
  await shoot(page, 'sidebar-dark');
} finally {
  await h.close();
}
