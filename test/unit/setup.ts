// Every unit test gets a fresh in-memory IndexedDB and jitless Zod (as in the extension pages).
import 'fake-indexeddb/auto';
import { z } from 'zod';

z.config({ jitless: true });
