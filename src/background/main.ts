// Service worker entry.
import * as z from 'zod/mini';
import * as anchors from '../storage/anchors';
import { writeContext } from '../storage/context';
import { database } from '../storage/db';
import * as decisions from '../storage/decisions';
import * as followUps from '../storage/follow-ups';
import * as people from '../storage/people';
import { notifyDataChanged } from './changes';
import { commands, init } from './index';
import { runSync } from './sync';

z.config({ jitless: true });
init();
// A handle on the service worker's global scope for end-to-end tests (worker.evaluate) and for
// debugging from the extension's DevTools: the same command paths and repositories the UI uses.
// Web pages cannot reach a service worker's globals.
(globalThis as { decidedly?: unknown }).decidedly = {
  ...commands,
  db: database,
  writeContext,
  notifyDataChanged,
  runSync,
  repo: { ...decisions, ...people, ...followUps, ...anchors },
};
