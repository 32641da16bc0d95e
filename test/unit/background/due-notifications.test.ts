// What a due notification says, and which decision its click opens.
import { describe, expect, it, vi } from 'vitest';
import {
  decisionOfNotification,
  notificationId,
  notificationText,
  onNotificationClicked,
} from '../../../src/background/due-notifications';
import type { DueEntry } from '../../../src/storage/due-query';
import { createFakeBrowser } from './fake-browser';

const fake = vi.hoisted(() => ({ current: undefined as unknown as ReturnType<typeof createFakeBrowser> }));
vi.mock('../../../src/messaging/browser-api', () => ({
  get api() {
    fake.current ??= createFakeBrowser();
    return fake.current.api;
  },
}));

const D = '0190f0a0-0000-7000-8000-000000000001';
const entry: DueEntry = {
  kind: 'followup',
  id: '0190f0a0-0000-7000-8000-0000000000f1',
  decisionId: D,
  title: 'Send the migration plan',
  ownerId: null,
  dueAt: '2026-03-10T09:00:00.000Z',
  decisionTitle: 'Move sessions to Redis',
  decisionStatus: 'proposed',
  ownerName: null,
  anchorId: null,
  page: {
    site: 'github',
    title: 'acme/checkout#42 · Session store',
    url: 'https://github.com/acme/checkout/pull/42',
  },
};

describe('due notifications', () => {
  it('say what is due, its decision and its page', () => {
    expect(notificationText(entry)).toEqual({
      title: 'Send the migration plan',
      message: 'Decision: Move sessions to Redis\nGitHub · acme/checkout#42 · Session store',
    });
    const review = {
      ...entry,
      kind: 'review' as const,
      id: `review:${D}`,
      title: 'Move sessions to Redis',
      page: null,
    };
    expect(notificationText(review)).toEqual({
      title: 'Still valid? Move sessions to Redis',
      message: 'Review date reached',
    });
  });

  it('name their decision, so a click opens it and dismisses the notification', async () => {
    const id = notificationId(entry);
    expect(decisionOfNotification(id)).toBe(D);
    expect(decisionOfNotification('someone-else')).toBeNull();
    await fake.current?.api.notifications.create(id, { title: 't', message: 'm' });
    const open = vi.fn(async () => {});
    await onNotificationClicked(id, open);
    expect(open).toHaveBeenCalledWith(D);
    expect(fake.current?.shown.has(id)).toBe(false);
    await onNotificationClicked('another-extension-thing', open);
    expect(open).toHaveBeenCalledTimes(1);
  });
});
