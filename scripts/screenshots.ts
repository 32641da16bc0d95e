// Regenerates the README's screenshots: `npx vite build && npx tsx scripts/screenshots.ts`.
// A decision with roles and a follow-up on the demo Jira issue, the sidebar open, the popup.
import { launch, sidebarFrame } from '../test/e2e/harness';

type RepoFn = (ctx: unknown, ...args: unknown[]) => Promise<string>;
type Repo = {
  [name in 'createDecision' | 'createStakeholder' | 'addRole' | 'updateRole' | 'addFollowUp']: RepoFn;
};
type Handle = {
  decidedly: {
    writeContext(): Promise<unknown>;
    notifyDataChanged(): Promise<void>;
    onCommand(c: string): Promise<void>;
    repo: Repo;
  };
};

const h = await launch();
try {
  await h.worker.evaluate(async () => {
    const d = (globalThis as unknown as Handle).decidedly;
    const ctx = await d.writeContext();
    const url = 'https://acme.atlassian.net/browse/ACME-7';
    const quote = 'We decided to move session storage to Redis, with a 30-minute sliding expiry.';
    const id = await d.repo.createDecision(
      ctx,
      {
        title: 'Move sessions to Redis',
        rationale: 'Deploys stop logging people out.',
        consequences: 'One more service for the platform team.',
      },
      {
        pageKey: 'jira:acme.atlassian.net:ACME-7',
        url,
        pageTitle: 'ACME-7 · Fix the login timeout during checkout',
        site: 'jira',
        selectors: {
          quote: { exact: quote, prefix: '', suffix: '' },
          position: { start: 0, end: quote.length },
        },
      },
    );
    const dana = await d.repo.createStakeholder(ctx, { name: 'Dana Okafor', function: 'Security' });
    const marco = await d.repo.createStakeholder(ctx, { name: 'Marco Bianchi', function: 'Engineering' });
    const priya = await d.repo.createStakeholder(ctx, { name: 'Priya Raman', function: 'Product' });
    await d.repo.addRole(ctx, id, marco, 'A');
    const c = await d.repo.addRole(ctx, id, dana, 'C');
    await d.repo.updateRole(ctx, c, { stance: 'concerns', note: 'Redis must stay private to the VPC.' });
    const i = await d.repo.addRole(ctx, id, priya, 'I');
    await d.repo.updateRole(ctx, i, { stance: 'supports' });
    await d.repo.addFollowUp(ctx, id, {
      title: 'Review the Redis config',
      ownerId: dana,
      dueAt: new Date(Date.now() + 2 * 86_400_000).toISOString(),
    });
    await d.repo.addFollowUp(ctx, id, {
      title: 'Remove sticky sessions',
      ownerId: marco,
      dueAt: new Date(Date.now() - 86_400_000).toISOString(),
    });
    await d.notifyDataChanged();
  });
  const page = await h.context.newPage();
  await page.setViewportSize({ width: 1400, height: 860 });
  await page.goto('https://acme.atlassian.net/browse/ACME-7');
  await page.bringToFront();
  await h.worker.evaluate(() => (globalThis as unknown as Handle).decidedly.onCommand('toggle-sidebar'));
  const frame = await sidebarFrame(page);
  await frame.getByText('Move sessions to Redis').first().waitFor();
  await page.getByText('sliding expiry').first().scrollIntoViewIfNeeded();
  await page.waitForTimeout(800);
  await page.screenshot({ path: 'docs/screenshots/sidebar.png' });
  const popup = await h.openExtensionPage('popup');
  await popup.setViewportSize({ width: 400, height: 560 });
  await popup.getByText('Review the Redis config').first().waitFor();
  await popup.screenshot({ path: 'docs/screenshots/popup.png' });
} finally {
  await h.close();
}
