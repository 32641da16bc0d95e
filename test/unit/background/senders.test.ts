// Who the background listens to, checked with the sender shapes browsers really produce
// (runtime.MessageSender as Chromium and Firefox fill it for each kind of context).
import { describe, expect, it, vi } from 'vitest';
import { isOwnContentScript, isOwnPage, senderPage } from '../../../src/background/senders';
import type { MessageSender } from '../../../src/messaging/browser-api';

vi.mock('../../../src/messaging/browser-api', () => ({
  api: {
    runtime: {
      id: 'ourextensionidabcdefghijklmnopqr',
      getURL: (p: string) => `chrome-extension://ourextensionidabcdefghijklmnopqr/${p}`,
    },
  },
}));

const ID = 'ourextensionidabcdefghijklmnopqr';
const JIRA = 'https://acme.atlassian.net/browse/ACME-7';
const tab = {
  id: 7,
  index: 0,
  windowId: 1,
  url: JIRA,
  active: true,
  highlighted: true,
  pinned: false,
  incognito: false,
};

// Chromium adds `origin`, which the polyfill types do not list.
const SHAPES: Record<string, MessageSender & { origin?: string }> = {
  'our content script, top frame': {
    id: ID,
    tab,
    frameId: 0,
    url: JIRA,
    origin: 'https://acme.atlassian.net',
  },
  'our content script, sub-frame': {
    id: ID,
    tab,
    frameId: 3,
    url: 'https://ads.example/frame.html',
    origin: 'https://ads.example',
  },
  'our sidebar frame in a tab': {
    id: ID,
    tab,
    frameId: 5,
    url: `chrome-extension://${ID}/src/sidebar/index.html`,
    origin: `chrome-extension://${ID}`,
  },
  'our popup (no tab)': {
    id: ID,
    url: `chrome-extension://${ID}/src/popup/index.html`,
    origin: `chrome-extension://${ID}`,
  },
  'our log page in a tab': {
    id: ID,
    tab: { ...tab, url: `chrome-extension://${ID}/src/log/index.html` },
    frameId: 0,
    url: `chrome-extension://${ID}/src/log/index.html`,
    origin: `chrome-extension://${ID}`,
  },
  'another extension’s page': {
    id: 'someotherextensionidabcdefghijkl',
    url: 'chrome-extension://someotherextensionidabcdefghijkl/popup.html',
    origin: 'chrome-extension://someotherextensionidabcdefghijkl',
  },
  'another extension’s content script': {
    id: 'someotherextensionidabcdefghijkl',
    tab,
    frameId: 0,
    url: JIRA,
  },
  'a web page (externally_connectable)': {
    tab,
    frameId: 0,
    url: 'https://evil.example/',
    origin: 'https://evil.example',
  },
  'a content script without a tab (prerender, devtools)': { id: ID, frameId: 0, url: JIRA },
  'a content script on a file page': { id: ID, tab, frameId: 0, url: 'file:///home/me/notes.html' },
  'our own context reported without a URL': { id: ID, tab, frameId: 0 },
  'no extension id, our page’s URL': { url: `chrome-extension://${ID}/src/sidebar/index.html` },
  'a page claiming our origin as a prefix': {
    id: ID,
    url: `chrome-extension://${ID}.evil.example/x`,
    origin: `chrome-extension://${ID}.evil.example`,
  },
};

describe('isOwnContentScript', () => {
  it.each(Object.entries(SHAPES))('%s', (name, sender) => {
    expect(isOwnContentScript(sender)).toBe(name === 'our content script, top frame');
  });
});

describe('isOwnPage', () => {
  const ours = ['our sidebar frame in a tab', 'our popup (no tab)', 'our log page in a tab'];
  it.each(Object.entries(SHAPES))('%s', (name, sender) => {
    expect(isOwnPage(sender)).toBe(ours.includes(name));
  });
});

describe('senderPage', () => {
  const top = SHAPES['our content script, top frame'] as MessageSender;
  it('is the sender’s page when nothing is claimed', () => {
    expect(senderPage(top)).toEqual({ tabId: 7, url: JIRA });
  });
  it('takes a claimed path on the sender’s origin (a pushState the browser has not reported yet)', () => {
    const next = 'https://acme.atlassian.net/browse/ACME-8';
    expect(senderPage(top, next).url).toBe(next);
  });
  it.each([
    'https://evil.example/browse/ACME-8',
    'https://acme.atlassian.net.evil.example/x',
    'http://acme.atlassian.net/browse/ACME-8',
    'javascript:alert(1)',
    'not a url',
  ])('ignores a claim of %s and keeps the sender’s page', (claimed) => {
    expect(senderPage(top, claimed).url).toBe(JIRA);
  });
  it('takes no claim when the sender’s own URL cannot be read', () => {
    const odd = { ...top, url: 'about:blank#not-a-web-page' };
    expect(senderPage(odd, 'https://acme.atlassian.net/browse/ACME-8').url).toBe(
      'about:blank#not-a-web-page',
    );
    const broken = { ...top, url: 'not a url' };
    expect(senderPage(broken, 'https://acme.atlassian.net/browse/ACME-8').url).toBe('not a url');
  });
});
