// Jira page keys: one key per issue across the issue page, boards, backlogs, lists and queues.
import { describe, expect, it } from 'vitest';
import { pageKeyFor, siteFor } from '../../../src/sites';

const ACME_7 = 'jira:acme.atlassian.net:ACME-7';

describe('Jira page keys', () => {
  it.each([
    ['https://acme.atlassian.net/browse/ACME-7', ACME_7],
    [
      'https://acme.atlassian.net/browse/ACME-7?focusedCommentId=10042&page=com.atlassian.jira.plugin.system.issuetabpanels%3Acomment-tabpanel#comment-10042',
      ACME_7,
    ],
    ['https://acme.atlassian.net/browse/acme-7/', ACME_7],
    ['https://ACME.atlassian.net/jira/software/projects/ACME/boards/1?selectedIssue=ACME-7', ACME_7],
    [
      'https://acme.atlassian.net/jira/software/c/projects/ACME/boards/1/backlog?issueLimit=100&selectedIssue=ACME-7',
      ACME_7,
    ],
    ['https://acme.atlassian.net/jira/software/projects/ACME/issues/ACME-7?jql=project%20%3D%20ACME', ACME_7],
    ['https://acme.atlassian.net/jira/software/c/projects/ACME/issues/ACME-7', ACME_7],
    ['https://acme.atlassian.net/projects/ACME/issues/ACME-7?filter=allopenissues', ACME_7],
    ['https://acme.atlassian.net/jira/core/projects/ACME/issues/ACME-7', ACME_7],
    [
      'https://acme.atlassian.net/secure/RapidBoard.jspa?rapidView=1&view=planning&selectedIssue=ACME-7',
      ACME_7,
    ],
    ['https://acme.atlassian.net/jira/software/projects/ACME/list?selectedIssue=ACME-7&sortBy=key', ACME_7],
    ['https://acme.atlassian.net/browse/ACME-007', ACME_7],
    [
      'https://acme.atlassian.net/jira/servicedesk/projects/SD/queues/custom/1/SD-12',
      'jira:acme.atlassian.net:SD-12',
    ],
    ['https://acme.atlassian.net/servicedesk/customer/portal/2/SD-12', 'jira:acme.atlassian.net:SD-12'],
    ['https://acme.atlassian.net/browse/AB2_X-19', 'jira:acme.atlassian.net:AB2_X-19'],
  ])('%s → %s', (url, key) => {
    expect(pageKeyFor(url)).toBe(key);
  });

  it.each([
    'https://acme.atlassian.net/jira/software/projects/ACME/boards/1',
    'https://acme.atlassian.net/jira/software/projects/ACME/issues/?jql=project%20%3D%20ACME',
    'https://acme.atlassian.net/jira/your-work',
    'https://acme.atlassian.net/browse/ACME',
  ])('%s names no issue and falls back to its URL', (url) => {
    expect(pageKeyFor(url)).toMatch(/^url:https:\/\/acme\.atlassian\.net\//);
    expect(siteFor(url).id).toBe('jira');
  });

  it.each([
    ['https://acme.atlassian.net/browse/ACME-7', 'https://acme.atlassian.net/browse/ACME-8'],
    ['https://acme.atlassian.net/browse/ACME-7', 'https://acme.atlassian.net/browse/ACME-77'],
    ['https://acme.atlassian.net/browse/ACME-7', 'https://acme.atlassian.net/browse/OPS-7'],
    ['https://acme.atlassian.net/browse/ACME-7', 'https://globex.atlassian.net/browse/ACME-7'],
    [
      'https://acme.atlassian.net/jira/software/projects/ACME/boards/1?selectedIssue=ACME-7',
      'https://acme.atlassian.net/jira/software/projects/ACME/boards/1?selectedIssue=ACME-9',
    ],
  ])('%s and %s are different issues', (a, b) => {
    expect(pageKeyFor(a)).not.toBe(pageKeyFor(b));
  });

  it('leaves /wiki on the same host to Confluence', () => {
    expect(siteFor('https://acme.atlassian.net/wiki/spaces/ENG/pages/98765').id).toBe('confluence');
    expect(siteFor('https://acme.atlassian.net/browse/ACME-7').id).toBe('jira');
  });
});
