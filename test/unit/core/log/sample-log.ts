// One decision per case the log's filters, matrix and map must tell apart.
import { logBuilder } from './log-builder';

/** A small log with one decision per case the filters must tell apart. */
export function sample() {
  const b = logBuilder();
  const dana = b.person('Dana Lee', { function: 'Product', power: true, legitimacy: true });
  const kim = b.person('Kim Ito', { function: 'Sales', urgency: true });
  const sam = b.person('Sam Ortiz', { function: 'Engineering' });
  const redis = b.decision(
    'Move sessions to Redis',
    {
      status: 'decided',
      decidedAt: '2024-01-15T12:00:00.000Z',
      rationale: 'Redis is boring technology we already operate',
      reviewAt: '2024-03-01T17:00:00.000Z',
      tags: ['storage', 'auth'],
    },
    'jira',
    'we agreed to move sessions to Redis',
  );
  b.role(redis, dana, 'A', 'supports');
  b.role(redis, kim, 'C', 'unknown');
  b.followUp(redis, { ownerId: sam.id, dueAt: '2024-02-01T17:00:00.000Z' });
  b.tick(10);
  const postgres = b.decision(
    'Use Postgres for sync',
    { context: 'Sync needs a store every team can run', tags: ['storage'] },
    'github',
  );
  b.role(postgres, sam, 'R', 'opposes');
  b.role(postgres, kim, 'C', 'supports');
  b.tick(10);
  const ie = b.decision('Drop IE11', { status: 'rejected', consequences: 'Legacy customers stay' }, 'notion');
  b.role(ie, kim, 'C', 'unknown');
  b.tick(10);
  const manual = b.decision('Weekly release train', { status: 'revisiting', tags: ['process'] });
  b.role(manual, dana, 'A', 'concerns');
  b.role(manual, sam, 'A', 'supports');
  return { data: b.data, ids: { redis: redis.id, postgres: postgres.id, ie: ie.id, manual: manual.id } };
}
