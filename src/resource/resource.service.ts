import { randomBytes, randomUUID } from 'node:crypto';
import { Role } from '../auth/principal';
import { requireRole } from '../auth/guards';
import { insertContent, missingReferences, sharedContentWrites, slugFrom, updateContent, type ColumnWrite, type LinkWrite } from '../content/content-write';
import { ContentStatus } from '../content/content-status';
import type { Context } from '../context';
import type { Sql } from '../db/sql';
import { InputCheck } from '../graph/input-check';
import { Refusal, userError, UserErrorCode, type UserError } from '../graph/user-error';
import { write, type WriteResult } from '../graph/write';
import { Locale } from '../i18n/localized-text';
import { expectStatus, lockForWrite } from '../workflow/workflow.service';
import { recordCreation, transition } from '../workflow/workflow.store';
import type { ResourceInput } from './resource.inputs';

const EDITABLE = [ContentStatus.DRAFT, ContentStatus.CHANGES_REQUESTED];

interface ResourceWrites {
  columns: ColumnWrite[];
  links: LinkWrite[];
  references: Parameters<typeof missingReferences>[1];
  errors: UserError[];
}

function resourceWrites(input: ResourceInput): ResourceWrites {
  const check = new InputCheck(['input']);
  const { columns, links } = sharedContentWrites('resource', input, check);
  if (input.type != null) columns.push({ column: 'type', value: input.type, cast: 'text' });
  const url = check.url('url', input.url);
  if (url) columns.push({ column: 'url', value: url, cast: 'text' });
  const publisherId = check.id('publisherId', input.publisherId);
  if (publisherId) columns.push({ column: 'publisher_id', value: publisherId, cast: 'uuid' });
  const publishedOn = check.date('publishedOn', input.publishedOn);
  if (publishedOn) columns.push({ column: 'published_on', value: publishedOn, cast: 'date' });
  const at = (field: string) => ['input', field];
  const references = [
    { field: at('regions'), table: 'region', key: 'code', cast: 'text', values: links.find((l) => l.table === 'resource_region')?.values ?? [] },
    { field: at('countries'), table: 'country', key: 'code', cast: 'text', values: links.find((l) => l.table === 'resource_country')?.values ?? [] },
    { field: at('publisherId'), table: 'organization', key: 'id', cast: 'uuid', values: publisherId ? [publisherId] : [] },
  ];
  return { columns, links, references, errors: check.errors };
}

async function checkedWrites(tx: Sql, input: ResourceInput): Promise<ResourceWrites> {
  const writes = resourceWrites(input);
  const errors = [...writes.errors, ...(await missingReferences(tx, writes.references))];
  if (errors.length > 0) throw new Refusal(errors);
  return writes;
}

/** A member's new DRAFT resource; title, summary, type, url and scope are required. */
export async function createResource(ctx: Context, input: ResourceInput): Promise<WriteResult<string>> {
  requireRole(ctx, 'create resources', Role.MEMBER);
  const required = (['title', 'summary', 'type', 'url', 'scope'] as const)
    .filter((f) => input[f] == null)
    .map((f) => userError(UserErrorCode.INVALID_INPUT, `${f} is required to create a resource draft.`, ['input', f]));
  const early = [...required, ...resourceWrites(input).errors];
  if (early.length > 0) return { ok: false, errors: early };
  return write(ctx, async (tx) => {
    const { columns, links } = await checkedWrites(tx, input);
    const id = randomUUID();
    await insertContent(tx, 'resource', { id, slug: slugFrom(input.title!, randomBytes(4).toString('hex')), createdBy: ctx.principal.id!, locale: input.locale ?? Locale.EN }, columns, links);
    await recordCreation(tx, 'resource', id, ctx.principal.id!);
    return id;
  });
}

export async function updateResource(ctx: Context, id: string, input: ResourceInput): Promise<WriteResult<string>> {
  requireRole(ctx, 'update resources', Role.MEMBER);
  const early = resourceWrites(input).errors;
  if (early.length > 0) return { ok: false, errors: early };
  return write(ctx, async (tx) => {
    const subject = await lockForWrite(ctx, tx, 'resource', id, 'id', true);
    expectStatus(subject, EDITABLE, 'edit the resource');
    const { columns, links } = await checkedWrites(tx, input);
    await updateContent(tx, 'resource', subject.id, input.locale ?? Locale.EN, columns, links);
    return subject.id;
  });
}

/** DRAFT or CHANGES_REQUESTED -> SUBMITTED when it has a title, summary, type, url and an objective. */
export async function submitResource(ctx: Context, id: string): Promise<WriteResult<string>> {
  requireRole(ctx, 'submit resources', Role.MEMBER);
  return write(ctx, async (tx) => {
    const subject = await lockForWrite(ctx, tx, 'resource', id, 'id', true);
    expectStatus(subject, EDITABLE, 'submit the resource');
    const [row] = await tx.query<{ objectives: number }>(
      `/* resourceSubmission */ SELECT (SELECT count(*)::int FROM resource_objective WHERE resource_id = t.id) AS objectives FROM resource t WHERE t.id = $1`,
      [subject.id],
    );
    // Title, summary, type and url are NOT NULL (and checked) in the table: only the objectives can be missing.
    if (row.objectives < 1) throw new Refusal([userError(UserErrorCode.CRITERIA_NOT_MET, 'A resource must relate to at least one objective of the Global Compact.', ['input', 'objectives'])]);
    await transition(tx, subject, ContentStatus.SUBMITTED, ctx.principal.id!, null, { extraSet: 'review_round = review_round + 1' });
    return subject.id;
  });
}
