// The people the sidebar's page names, asked of the page once per page (SPA navigation changes
// the page key and asks again). A page the content script cannot read gives no suggestions.
import { useEffect, useState } from 'preact/hooks';
import type { PagePerson } from '../core/page-people';
import { call } from './api';
import { useTab } from './use-tab';

export function usePagePeople(): PagePerson[] {
  const { info } = useTab();
  const key = info?.pageKey ?? '';
  const [people, setPeople] = useState<PagePerson[]>([]);
  useEffect(() => {
    setPeople([]);
    if (!key) return;
    let current = true;
    call('tab:page-people').then(
      (found) => current && setPeople(found),
      () => current && setPeople([]),
    );
    return () => {
      current = false;
    };
  }, [key]);
  return people;
}
