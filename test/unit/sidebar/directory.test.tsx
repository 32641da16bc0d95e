// @vitest-environment happy-dom
// The stakeholder directory: add by name, fill in who they are, and see the salience class follow
// from the power, legitimacy and urgency toggles.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { database } from '../../../src/storage/db';
import { byLabel, click, freshDb, mountUi, type, unmountUi } from './helpers';
import { connectSidebar } from './loopback';

vi.mock('../../../src/messaging/browser-api', () => import('./fake-api'));
const { Directory } = await import('../../../src/sidebar/Directory');

beforeEach(async () => {
  await freshDb();
  await connectSidebar();
});
afterEach(unmountUi);

const person = async () => (await database().stakeholders.toArray())[0];

describe('Directory', () => {
  it('adds a stakeholder and edits function, interests and salience', async () => {
    const el = await mountUi(<Directory onBack={() => {}} />);
    expect(document.activeElement?.id).toBe('directory-title');
    await type(byLabel(el, "New stakeholder's name"), 'Dana Okafor');
    await click(el.querySelector('button[type="submit"]') as HTMLButtonElement);
    await vi.waitFor(() => expect(el.querySelector('details[open]')).not.toBeNull());
    expect(el.querySelector('summary')?.textContent).toContain('not assessed');

    const fn = byLabel(el, 'Function');
    await type(fn, 'Security');
    fn.dispatchEvent(new Event('blur'));
    const interests = byLabel<HTMLTextAreaElement>(el, 'Interests (the why behind their position)');
    await type(interests, 'No customer data outside the VPC.');
    interests.dispatchEvent(new Event('blur'));
    await vi.waitFor(async () =>
      expect(await person()).toMatchObject({
        function: 'Security',
        interests: 'No customer data outside the VPC.',
      }),
    );

    const toggles = [...el.querySelectorAll<HTMLInputElement>('fieldset input[type="checkbox"]')];
    expect(toggles).toHaveLength(3);
    await click(toggles[0] as HTMLInputElement); // power
    await vi.waitFor(() => expect(el.querySelector('.salience-class')?.textContent).toBe('dormant'));
    await click(toggles[1] as HTMLInputElement); // legitimacy
    await vi.waitFor(() => expect(el.querySelector('.salience-class')?.textContent).toBe('dominant'));
    await click(toggles[2] as HTMLInputElement); // urgency
    await vi.waitFor(() => expect(el.querySelector('.salience-class')?.textContent).toBe('definitive'));
    expect(el.querySelector('[role="status"]')?.textContent).toContain('act on their view first');
    expect(await person()).toMatchObject({ power: true, legitimacy: true, urgency: true });
  });

  it('refuses a blank name', async () => {
    const el = await mountUi(<Directory onBack={() => {}} />);
    await click(el.querySelector('button[type="submit"]') as HTMLButtonElement);
    expect(el.querySelector('[role="alert"]')?.textContent).toBe('Type a name.');
    expect(await database().stakeholders.count()).toBe(0);
  });
});
