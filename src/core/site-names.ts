// Readable names of the sites stored on anchors (src/sites SiteId), for lists and notifications.
const SITE_NAMES: Record<string, string> = {
  jira: 'Jira',
  confluence: 'Confluence',
  github: 'GitHub',
  gitlab: 'GitLab',
  linear: 'Linear',
  notion: 'Notion',
  gdocs: 'Google Docs',
  'azure-devops': 'Azure DevOps',
  generic: 'Web page',
};

/** "Jira" for `jira`; an unknown site id as it is. */
export function siteName(site: string): string {
  return SITE_NAMES[site] ?? site;
}
