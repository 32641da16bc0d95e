// The people a tab's page names, for the sidebar's RACI suggestions: asked of the tab's content
// script (which loads the readers on demand) and checked here before the frame sees them.
import { describeIssues } from '../core/issues';
import type { PagePerson } from '../core/page-people';
import { sendToTab } from '../messaging/index';
import { PagePeopleReply } from '../messaging/maps';

export async function pagePeopleOf(tabId: number): Promise<PagePerson[]> {
  const reply = PagePeopleReply.safeParse(await sendToTab(tabId, 'people:read', {}));
  if (!reply.success) throw new Error(`The page's people could not be read: ${describeIssues(reply.error)}`);
  return reply.data.people;
}
