// Stakeholders' optional site handles (issue 20) through the sync server, on PGlite and on the
// local PostgreSQL: pushed and pulled back, refused when malformed, and optional for older rows.
import { describe, expect, it } from 'vitest';
import { Stakeholder } from '../../src/core/schemas';
import { PullResponseSchema } from '../../src/server/schemas';
import { hlcAt, rowId } from './helpers/api';
import { ENGINES } from './helpers/databases';
import { push, useServer } from './helpers/fixture';

const person = (id: string, set: Record<string, unknown>) => ({ table: 'stakeholders', id, set });
const at = '2024-05-01T10:00:00.000Z';
/** A new row's fields as a client's create op writes them. */
const base = {
  createdAt: at,
  updatedAt: at,
  deleted: false,
  function: '',
  interests: '',
  email: null,
  power: false,
  legitimacy: false,
  urgency: false,
};

describe.each(ENGINES)('stakeholder handles on %s', (engine) => {
  const fx = useServer(engine);

  it('stores and pulls a handle, and a row without one stays a valid stakeholder', async () => {
    const { as } = await fx.workspace();
    const [withHandle, without] = [rowId(), rowId()];
    const res = await push(as, 'c1', [
      {
        id: 1,
        hlc: hlcAt('c1'),
        ops: [
          person(withHandle, { ...base, name: 'Dana', handle: 'github:dana atlassian:557058:abc' }),
          person(without, { ...base, name: 'Lee' }),
        ],
      },
    ]);
    expect(res.status).toBe(200);
    const rows = PullResponseSchema.parse((await as.pull()).body).changes.map((c) => c.row);
    const dana = rows.find((r) => r.id === withHandle);
    const lee = rows.find((r) => r.id === without);
    expect(dana).toMatchObject({ handle: 'github:dana atlassian:557058:abc' });
    expect(lee).not.toHaveProperty('handle');
    expect(Stakeholder.safeParse(dana).success).toBe(true);
    expect(Stakeholder.safeParse(lee).success).toBe(true);
  });

  it('refuses a handle that is not site handles, with the reason, and stores nothing of it', async () => {
    const { as } = await fx.workspace();
    const id = rowId();
    const res = await push(as, 'c1', [
      { id: 1, hlc: hlcAt('c1'), ops: [person(id, { ...base, name: 'Dana', handle: 'Dana Okafor' })] },
    ]);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('stakeholders.handle');
    expect(PullResponseSchema.parse((await as.pull()).body).changes).toEqual([]);
  });

  it('describes the handle in the OpenAPI document', async () => {
    const doc = (
      await fx.api.request<{
        components: { schemas: Record<string, { properties: Record<string, unknown> }> };
      }>('GET', '/v1/openapi.json')
    ).body;
    expect(doc.components.schemas.StakeholderSet?.properties).toHaveProperty('handle');
  });
});
