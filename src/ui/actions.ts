// How extension pages change data: through the repositories (so every change reaches the
// outbox), then a word to the background so highlights, the badge and sync follow.
import { sendFromPage } from '../messaging/index';
import { writeContext } from '../storage/context';
import type { WriteContext } from '../storage/write';
import { recordSaveError } from './save-errors';

export async function act<R>(change: (ctx: WriteContext) => Promise<R>, what?: string): Promise<R> {
  let result: R;
  try {
    result = await change(await writeContext());
  } catch (error) {
    // A full disk or a failing database: SaveErrorBanner says what was not saved (`what`).
    recordSaveError(error, what);
    throw error;
  }
  // The background may be restarting; the change is stored either way.
  await sendFromPage('data:changed', {}).catch(() => {});
  return result;
}

/** A readable message for an error thrown by a change. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
