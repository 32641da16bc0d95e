// Azure DevOps page keys: organisation, project (decoded, case-folded) and work item id.
import { describe, expect, it } from 'vitest';
import { pageKeyFor } from '../../../src/sites';

const KEY = 'ado:acme/checkout platform#4312';

describe('Azure DevOps page keys', () => {
  it.each([
    'https://dev.azure.com/acme/Checkout%20Platform/_workitems/edit/4312',
    'https://dev.azure.com/acme/Checkout Platform/_workitems/edit/4312/',
    'https://dev.azure.com/Acme/checkout%20platform/_workitems/edit/4312?fullScreen=true',
    'https://acme.visualstudio.com/Checkout%20Platform/_workitems/edit/4312',
    'https://acme.visualstudio.com/DefaultCollection/Checkout%20Platform/_workitems/edit/4312',
    'https://dev.azure.com/acme/Checkout%20Platform/_boards/board/t/Checkout%20Platform%20Team/Features?workitem=4312',
    'https://dev.azure.com/acme/Checkout%20Platform/_backlogs/backlog/Checkout%20Platform%20Team/Features?workitem=4312',
    'https://dev.azure.com/acme/Checkout%20Platform/_sprints/taskboard/Team/Checkout%20Platform/Sprint%2014?workitem=4312',
  ])('%s → %s', (url) => {
    expect(pageKeyFor(url)).toBe(KEY);
  });

  it.each([
    'https://dev.azure.com/acme/Checkout%20Platform/_boards/board/t/Checkout%20Platform%20Team/Features',
    'https://dev.azure.com/acme/_settings/organizationOverview',
    'https://dev.azure.com/acme/Checkout%20Platform/_workitems/edit/new',
  ])('%s names no work item and falls back to its URL', (url) => {
    expect(pageKeyFor(url)).toMatch(/^url:/);
  });

  it.each([
    [
      'https://dev.azure.com/acme/Checkout%20Platform/_workitems/edit/4312',
      'https://dev.azure.com/acme/Checkout%20Platform/_workitems/edit/4313',
    ],
    [
      'https://dev.azure.com/acme/Checkout%20Platform/_workitems/edit/4312',
      'https://dev.azure.com/acme/Payments/_workitems/edit/4312',
    ],
    [
      'https://dev.azure.com/acme/Checkout%20Platform/_workitems/edit/4312',
      'https://dev.azure.com/globex/Checkout%20Platform/_workitems/edit/4312',
    ],
  ])('%s and %s are different work items', (a, b) => {
    expect(pageKeyFor(a)).not.toBe(pageKeyFor(b));
  });
});
