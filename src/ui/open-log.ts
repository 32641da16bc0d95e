// Opens the decision log in a new tab, optionally on a view (a query string such as
// "gap=unheard&open=1", built with queryFromState from src/core/log). For the popup, the
// sidebar's command palette and the options page.
import { api } from '../messaging/browser-api';

export async function openLogPage(query?: string): Promise<void> {
  const q = query?.replace(/^\?/, '');
  await api.tabs.create({ url: api.runtime.getURL(`src/log/index.html${q ? `?${q}` : ''}`) });
}
