import { randomUUID } from 'node:crypto';
import { Role } from '../auth/principal';
import { requireRole } from '../auth/guards';
import type { Context } from '../context';
import { isUuid } from '../graph/ids';
import { InputCheck, MAX_TEXT } from '../graph/input-check';
import { refuse, userError, UserErrorCode } from '../graph/user-error';
import { write, type WriteResult } from '../graph/write';
import type { RosterApplicationInput } from './roster-application';

const ALREADY_APPLIED = userError(UserErrorCode.ALREADY_APPLIED, 'You already have a pending application to the roster; an editor will decide on it.');
const ALREADY_ON_ROSTER = userError(UserErrorCode.ALREADY_ON_ROSTER, 'This person is already on the review roster.');

/** Members: apply to the roster; one pending application per person. */
export async function applyToReviewRoster(ctx: Context, input: RosterApplicationInput): Promise<WriteResult<string>> {
  requireRole(ctx, 'apply to the review roster', Role.MEMBER);
  const check = new InputCheck(['input']);
  const name = check.text('name', input.name);
  const affiliation = check.text('affiliation', input.affiliation);
  const motivation = check.text('motivation', input.motivation, MAX_TEXT);
  const expertise = check.objectives('expertise', input.expertise);
  if (expertise && expertise.length === 0) check.fail('expertise', 'Name at least one objective you can review.');
  if (!check.ok) return { ok: false, errors: check.errors };
  return write(ctx, async (tx) => {
    const [{ onRoster }] = await tx.query<{ onRoster: boolean }>(
      `/* onRoster */ SELECT EXISTS (SELECT 1 FROM expert WHERE principal_id = $1 OR id = $2::uuid) AS "onRoster"`, [ctx.principal.id, ctx.principal.expertId]);
    if (onRoster) refuse(UserErrorCode.ALREADY_ON_ROSTER, ALREADY_ON_ROSTER.message);
    const id = randomUUID();
    await tx.query(`/* insertRosterApplication */ INSERT INTO roster_application (id, applicant_id, name, affiliation, is_un, expertise, motivation)
      VALUES ($1, $2, $3, $4, $5, $6::smallint[], $7)`, [id, ctx.principal.id, name, affiliation, input.isUN, expertise, motivation]);
    return id;
  }, { roster_application_one_pending: ALREADY_APPLIED });
}

/** Editors: approve (the applicant joins the roster as a new expert) or decline a PENDING application. */
export async function decideRosterApplication(ctx: Context, id: string, approve: boolean): Promise<WriteResult<string>> {
  requireRole(ctx, 'decide on roster applications', Role.EDITOR);
  return write(ctx, async (tx) => {
    const [application] = isUuid(id)
      ? await tx.query<{ id: string; status: string }>('/* lockRosterApplication */ SELECT id, status FROM roster_application WHERE id = $1 FOR UPDATE', [id.toLowerCase()])
      : [];
    if (!application) refuse(UserErrorCode.NOT_FOUND, `No roster application has the id "${id.slice(0, 60)}".`, ['id']);
    if (application.status !== 'PENDING') refuse(UserErrorCode.INVALID_TRANSITION, `This application was already ${application.status}.`, ['id']);
    if (approve) {
      await tx.query(`/* approveRosterApplication */ WITH app AS (SELECT * FROM roster_application WHERE id = $1),
          joined AS (INSERT INTO expert (id, name, affiliation, is_un, principal_id) SELECT $2, name, affiliation, is_un, applicant_id FROM app RETURNING id),
          expertise AS (INSERT INTO expert_expertise (expert_id, objective_number) SELECT $2, unnest(expertise) FROM app)
        UPDATE roster_application SET status = 'APPROVED', decided_at = now(), decided_by = $3, expert_id = (SELECT id FROM joined) WHERE id = $1`,
      [application.id, randomUUID(), ctx.principal.id]);
    } else {
      await tx.query(`/* declineRosterApplication */ UPDATE roster_application SET status = 'DECLINED', decided_at = now(), decided_by = $2 WHERE id = $1`,
        [application.id, ctx.principal.id]);
    }
    return application.id;
  }, { expert_principal_id_key: ALREADY_ON_ROSTER });
}
