// Every unit test gets a fresh in-memory IndexedDB and jitless Zod (as in the extension pages).
import 'fake-indexeddb/auto';
import { beforeEach, expect, vi } from 'vitest';
import { z } from 'zod';

z.config({ jitless: true });

// The polyfill throws when loaded outside an extension. Tests that use the browser API mock
// src/messaging/browser-api.ts with a fake; the rest only import it along the way.
vi.mock('webextension-polyfill', () => ({ default: undefined }));

// A test that asserts nothing cannot fail: every unit test must make at least one assertion
// (`expect` inside a fast-check property counts, as it runs during the test).
beforeEach(() => {
  expect.hasAssertions();
});
