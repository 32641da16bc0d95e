// Repository functions for stakeholders and their RACI roles and stances on decisions.
import { Handles, type Raci, type Stakeholder, type Stance } from '../core/schemas';
import { type WriteContext, WriteError, write } from './write';

export type StakeholderFields = Partial<
  Pick<
    Stakeholder,
    'name' | 'email' | 'function' | 'interests' | 'power' | 'legitimacy' | 'urgency' | 'memberId' | 'handle'
  >
>;

/**
 * A handle the sync server would refuse must not reach the outbox, where it would hold back every
 * later change: refused here with the reason, nothing written.
 */
function checkHandle(fields: StakeholderFields): void {
  if (fields.handle == null) return;
  if (!Handles.safeParse(fields.handle).success)
    throw new WriteError(
      `"${fields.handle.slice(0, 60)}" is not a list of site handles (github:alice).`,
      'invalid',
    );
}

export function createStakeholder(
  ctx: WriteContext,
  fields: StakeholderFields & { name: string },
): Promise<string> {
  return write(ctx, (tx) => {
    const name = fields.name.trim();
    if (!name) throw new WriteError('A stakeholder needs a name.', 'invalid');
    checkHandle(fields);
    return tx.create('stakeholders', { ...fields, name });
  });
}

export function updateStakeholder(ctx: WriteContext, id: string, fields: StakeholderFields): Promise<void> {
  return write(ctx, async (tx) => {
    if (!(await tx.get('stakeholders', id)))
      throw new WriteError('That stakeholder no longer exists.', 'not-found');
    if ('name' in fields && !fields.name?.trim())
      throw new WriteError('A stakeholder needs a name.', 'invalid');
    checkHandle(fields);
    tx.patch('stakeholders', id, fields);
  });
}

/** Gives a stakeholder a RACI role on a decision (one role per person and decision). */
export function addRole(
  ctx: WriteContext,
  decisionId: string,
  stakeholderId: string,
  raci: Raci,
): Promise<string> {
  return write(ctx, async (tx) => {
    const person = await tx.get('stakeholders', stakeholderId);
    if (!person || person.deleted) throw new WriteError('That stakeholder no longer exists.', 'not-found');
    if (!(await tx.get('decisions', decisionId)))
      throw new WriteError('That decision no longer exists.', 'not-found');
    const existing = (await tx.rolesOf(decisionId)).find((r) => r.stakeholderId === stakeholderId);
    if (existing) {
      if (existing.raci !== raci) {
        tx.patch('roles', existing.id, { raci });
        tx.event(decisionId, 'role', { stakeholderId, name: person.name, from: existing.raci, to: raci });
      }
      return existing.id;
    }
    const id = tx.create('roles', { decisionId, stakeholderId, raci });
    tx.event(decisionId, 'role', { stakeholderId, name: person.name, to: raci });
    return id;
  });
}

/** Changes a role's RACI letter, stance or note; records role and stance changes in the history. */
export function updateRole(
  ctx: WriteContext,
  roleId: string,
  fields: { raci?: Raci; stance?: Stance; note?: string },
): Promise<void> {
  return write(ctx, async (tx) => {
    const role = await tx.get('roles', roleId);
    if (!role || role.deleted) throw new WriteError('That role no longer exists.', 'not-found');
    const name = (await tx.get('stakeholders', role.stakeholderId))?.name ?? 'Someone';
    tx.patch('roles', roleId, fields);
    if (fields.raci && fields.raci !== role.raci) {
      tx.event(role.decisionId, 'role', {
        stakeholderId: role.stakeholderId,
        name,
        from: role.raci,
        to: fields.raci,
      });
    }
    if (fields.stance && fields.stance !== role.stance) {
      tx.event(role.decisionId, 'stance', {
        stakeholderId: role.stakeholderId,
        name,
        from: role.stance,
        to: fields.stance,
      });
    }
  });
}

export function removeRole(ctx: WriteContext, roleId: string): Promise<void> {
  return write(ctx, async (tx) => {
    const role = await tx.get('roles', roleId);
    if (!role || role.deleted) return;
    const name = (await tx.get('stakeholders', role.stakeholderId))?.name ?? 'Someone';
    tx.patch('roles', roleId, { deleted: true });
    tx.event(role.decisionId, 'role', { stakeholderId: role.stakeholderId, name, from: role.raci, to: null });
  });
}
