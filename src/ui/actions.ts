// How extension pages change data: through the repositories (so every change reaches the
// outbox), then a word to the background so highlights, the badge and sync follow. The page's
// data source decides where the repositories run: here, or in the background (the sidebar).
import type { WriteContext } from '../storage/write';
import { dataSource } from './data-source';
import { recordSaveError } from './save-errors';

export async function act<R>(change: (ctx: WriteContext) => Promise<R>, what?: string): Promise<R> {
  let result: R;
  const source = dataSource();
  try {
    result = await change(await source.writeContext());
  } catch (error) {
    // A full disk or a failing database: SaveErrorBanner says what was not saved (`what`).
    recordSaveError(error, what);
    throw error;
  }
  await source.afterChange();
  return result;
}

/** A readable message for an error thrown by a change. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
