import { randomBytes, randomUUID } from 'node:crypto';
import { Role } from '../auth/principal';
import { requireRole } from '../auth/guards';
import { insertContent, missingReferences, sharedContentWrites, slugFrom, updateContent, type ColumnWrite, type LinkWrite } from '../content/content-write';
import { ContentStatus } from '../content/content-status';
import type { Context } from '../context';
import type { Sql } from '../db/sql';
import { InputCheck, MAX_TEXT } from '../graph/input-check';
import { Refusal, userError, UserErrorCode, type UserError } from '../graph/user-error';
import { write, type WriteResult } from '../graph/write';
import { Locale } from '../i18n/localized-text';
import { expectStatus, lockForWrite } from '../workflow/workflow.service';
import { recordCreation, transition } from '../workflow/workflow.store';
import { CompletionStatus } from './completion-status';
import type { PracticeInput } from './practice.inputs';

const EDITABLE = [ContentStatus.DRAFT, ContentStatus.CHANGES_REQUESTED];

interface PracticeWrites {
  columns: ColumnWrite[];
  links: LinkWrite[];
  references: Parameters<typeof missingReferences>[1];
  errors: UserError[];
}

/** Validates a PracticeInput into writes; every problem is an INVALID_INPUT or NOT_FOUND naming its field. */
function practiceWrites(input: PracticeInput): PracticeWrites {
  const check = new InputCheck(['input']);
  const { columns, links } = sharedContentWrites('practice', input, check);
  const principles = check.list('guidingPrinciples', input.guidingPrinciples, (c) => /^[A-Z_]{2,40}$/.test(c), 'principle codes such as "CHILD_SENSITIVE"', 10);
  if (principles) links.push({ table: 'practice_guiding_principle', column: 'principle_code', cast: 'text', values: principles });
  const implementers = check.ids('implementedBy', input.implementedBy);
  if (implementers) links.push({ table: 'practice_organization', column: 'organization_id', cast: 'uuid', values: implementers, fixed: { role: 'IMPLEMENTER' } });
  const partners = check.ids('partners', input.partners);
  if (partners) links.push({ table: 'practice_organization', column: 'organization_id', cast: 'uuid', values: partners, fixed: { role: 'PARTNER' } });
  const callId = check.id('callId', input.callId);
  if (callId) columns.push({ column: 'call_id', value: callId, cast: 'uuid' });
  const startDate = check.date('startDate', input.startDate);
  const endDate = check.date('endDate', input.endDate);
  if (startDate && endDate && endDate < startDate) check.fail('endDate', `endDate (${endDate}) must not be before startDate (${startDate}).`);
  if (startDate) columns.push({ column: 'start_date', value: startDate, cast: 'date' });
  if (endDate) columns.push({ column: 'end_date', value: endDate, cast: 'date' });
  if (input.completion != null) columns.push({ column: 'completion', value: input.completion, cast: 'text' });
  if (input.focalPoint != null) {
    const name = check.text('focalPoint.name', input.focalPoint.name);
    const email = check.email('focalPoint.email', input.focalPoint.email);
    const organization = check.text('focalPoint.organization', input.focalPoint.organization);
    if (name && email && organization) columns.push({ column: 'focal_point', value: JSON.stringify({ name, email, organization }), cast: 'jsonb' });
  }
  for (const [field, column] of [['lessonsLearned', 'lessons_learned'], ['recommendations', 'recommendations'], ['takeaway', 'takeaway']] as const) {
    const text = check.text(field, input[field], MAX_TEXT);
    if (text !== undefined) columns.push({ column, value: text, cast: 'text', localized: true });
  }
  const at = (field: string) => ['input', field];
  const references = [
    { field: at('regions'), table: 'region', key: 'code', cast: 'text', values: links.find((l) => l.table === 'practice_region')?.values ?? [] },
    { field: at('countries'), table: 'country', key: 'code', cast: 'text', values: links.find((l) => l.table === 'practice_country')?.values ?? [] },
    { field: at('guidingPrinciples'), table: 'guiding_principle', key: 'code', cast: 'text', values: principles ?? [] },
    { field: at('implementedBy'), table: 'organization', key: 'id', cast: 'uuid', values: implementers ?? [] },
    { field: at('partners'), table: 'organization', key: 'id', cast: 'uuid', values: partners ?? [] },
    { field: at('callId'), table: 'call_for_practices', key: 'id', cast: 'uuid', values: callId ? [callId] : [] },
  ];
  return { columns, links, references, errors: check.errors };
}

/** Validates, then checks references inside the transaction; refuses with every problem found. */
async function checkedWrites(tx: Sql, input: PracticeInput): Promise<PracticeWrites> {
  const writes = practiceWrites(input);
  const errors = [...writes.errors, ...(await missingReferences(tx, writes.references))];
  if (errors.length > 0) throw new Refusal(errors);
  return writes;
}

/** A member's new DRAFT practice; title, summary and scope are required. */
export async function createPractice(ctx: Context, input: PracticeInput): Promise<WriteResult<string>> {
  requireRole(ctx, 'create practices', Role.MEMBER);
  const required: UserError[] = (['title', 'summary', 'scope'] as const)
    .filter((f) => input[f] == null)
    .map((f) => userError(UserErrorCode.INVALID_INPUT, `${f} is required to create a practice draft.`, ['input', f]));
  const early = [...required, ...practiceWrites(input).errors];
  if (early.length > 0) return { ok: false, errors: early };
  return write(ctx, async (tx) => {
    const { columns, links } = await checkedWrites(tx, input);
    const id = randomUUID();
    const slug = slugFrom(input.title!, randomBytes(4).toString('hex'));
    await insertContent(tx, 'practice', { id, slug, createdBy: ctx.principal.id!, locale: input.locale ?? Locale.EN }, columns, links);
    await recordCreation(tx, 'practice', id, ctx.principal.id!);
    return id;
  });
}

/** The author's changes to a DRAFT or CHANGES_REQUESTED practice. */
export async function updatePractice(ctx: Context, id: string, input: PracticeInput): Promise<WriteResult<string>> {
  requireRole(ctx, 'update practices', Role.MEMBER);
  const early = practiceWrites(input).errors;
  if (early.length > 0) return { ok: false, errors: early };
  return write(ctx, async (tx) => {
    const subject = await lockForWrite(ctx, tx, 'practice', id, 'id', true);
    expectStatus(subject, EDITABLE, 'edit the practice');
    const { columns, links } = await checkedWrites(tx, input);
    await updateContent(tx, 'practice', subject.id, input.locale ?? Locale.EN, columns, links);
    return subject.id;
  }, { practice_period_ordered: periodRefusal(input) });
}

/**
 * An update that gives one end of the period only, on the wrong side of the stored other end
 * (the table's practice_period_ordered check): INVALID_INPUT on the field that was given.
 */
function periodRefusal(input: PracticeInput): UserError {
  return input.startDate != null && input.endDate == null
    ? userError(UserErrorCode.INVALID_INPUT, `startDate (${input.startDate}) must not be after the practice's endDate; change endDate too.`, ['input', 'startDate'])
    : userError(UserErrorCode.INVALID_INPUT, `endDate (${input.endDate}) must not be before the practice's startDate; change startDate too.`, ['input', 'endDate']);
}

interface SubmissionRow {
  completion: CompletionStatus | null;
  startDate: string | null;
  endDate: string | null;
  hasFocalPoint: boolean;
  title: string;
  summary: string;
  objectives: number;
  principles: number;
  implementers: number;
  callId: string | null;
  opensOn: string | null;
  deadline: string | null;
  today: string;
}

/** The hub's criteria for a practice submission, each unmet one its own CRITERIA_NOT_MET. */
function criteria(row: SubmissionRow): UserError[] {
  const unmet = (field: string, message: string) => userError(UserErrorCode.CRITERIA_NOT_MET, message, ['input', field]);
  const errors: UserError[] = [];
  if (row.title.trim() === '') errors.push(unmet('title', 'A practice needs a title.'));
  if (row.summary.trim() === '') errors.push(unmet('summary', 'A practice needs a summary.'));
  if (row.objectives < 1) errors.push(unmet('objectives', 'A practice must relate to at least one objective of the Global Compact.'));
  if (row.principles < 1) errors.push(unmet('guidingPrinciples', 'A practice must follow at least one guiding principle.'));
  if (row.implementers < 1) errors.push(unmet('implementedBy', 'A practice needs at least one implementing organization.'));
  if (row.completion !== CompletionStatus.FULLY_COMPLETED && row.completion !== CompletionStatus.MOSTLY_COMPLETED) {
    errors.push(unmet('completion', `The hub takes practices that are fully or mostly completed; completion is ${row.completion ?? 'not given'}.`));
  }
  if (!row.startDate) errors.push(unmet('startDate', 'A practice needs a start date.'));
  if (!row.hasFocalPoint) errors.push(unmet('focalPoint', 'A practice needs a focal point (name, email, organization).'));
  return errors;
}

/**
 * DRAFT or CHANGES_REQUESTED -> SUBMITTED when the criteria hold and its call (if any) is
 * open today (UTC, deadline inclusive); starts a new review round.
 */
export async function submitPractice(ctx: Context, id: string): Promise<WriteResult<string>> {
  requireRole(ctx, 'submit practices', Role.MEMBER);
  return write(ctx, async (tx) => {
    const subject = await lockForWrite(ctx, tx, 'practice', id, 'id', true);
    expectStatus(subject, EDITABLE, 'submit the practice');
    const [row] = await tx.query<SubmissionRow>(`/* practiceSubmission */ SELECT t.completion, t.start_date::text AS "startDate", t.end_date::text AS "endDate",
        t.focal_point IS NOT NULL AS "hasFocalPoint", t.title->>'en' AS title, t.summary->>'en' AS summary, t.call_id AS "callId",
        (SELECT count(*)::int FROM practice_objective WHERE practice_id = t.id) AS objectives,
        (SELECT count(*)::int FROM practice_guiding_principle WHERE practice_id = t.id) AS principles,
        (SELECT count(*)::int FROM practice_organization WHERE practice_id = t.id AND role = 'IMPLEMENTER') AS implementers,
        c.opens_on::text AS "opensOn", c.deadline::text AS deadline, (now() AT TIME ZONE 'UTC')::date::text AS today
      FROM practice t LEFT JOIN call_for_practices c ON c.id = t.call_id WHERE t.id = $1`, [subject.id]);
    const errors = criteria(row);
    if (row.callId) {
      if (row.today > row.deadline!) errors.push(userError(UserErrorCode.DEADLINE_PASSED, `The call closed on ${row.deadline} (UTC); submissions are no longer taken.`, ['input', 'callId']));
      else if (row.today < row.opensOn!) errors.push(userError(UserErrorCode.CALL_CLOSED, `The call opens on ${row.opensOn} (UTC); submit from then until ${row.deadline}.`, ['input', 'callId']));
    }
    if (errors.length > 0) throw new Refusal(errors);
    await transition(tx, subject, ContentStatus.SUBMITTED, ctx.principal.id!, null, { extraSet: 'review_round = review_round + 1' });
    return subject.id;
  });
}

