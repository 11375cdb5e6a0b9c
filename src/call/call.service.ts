import { randomBytes, randomUUID } from 'node:crypto';
import { Field, InputType, Int } from 'type-graphql';
import { Role } from '../auth/principal';
import { requireRole } from '../auth/guards';
import { slugFrom } from '../content/content-write';
import type { Context } from '../context';
import { DateScalar } from '../graph/scalars';
import { InputCheck } from '../graph/input-check';
import { userError, UserErrorCode } from '../graph/user-error';
import { write, type WriteResult } from '../graph/write';
import { Locale } from '../i18n/localized-text';

@InputType({ description: 'A new Call for Practices.' })
export class CallForPracticesInput {
  @Field(() => String, { nullable: true, description: 'URL-safe name (a-z, 0-9, hyphens); made from the title when absent.' })
  slug?: string | null;

  @Field(() => Locale, { nullable: true, description: 'The language of the title (default EN).' })
  locale?: Locale | null;

  @Field({ description: 'At most 300 characters.' })
  title!: string;

  @Field({ description: 'At most 300 characters.' })
  theme!: string;

  @Field(() => [Int], { description: 'Objective numbers 1..23, at least one.' })
  objectives!: number[];

  @Field(() => DateScalar, { description: 'First day submissions are accepted; not after the deadline.' })
  opensOn!: string;

  @Field(() => DateScalar, { description: 'Last day to submit, inclusive.' })
  deadline!: string;
}

const SLUG_TAKEN = userError(UserErrorCode.SLUG_TAKEN, 'Another call already has this slug; choose another.', ['input', 'slug']);

/** Editors: a new call with its objectives, in one statement. */
export async function createCallForPractices(ctx: Context, input: CallForPracticesInput): Promise<WriteResult<string>> {
  requireRole(ctx, 'create calls for practices', Role.EDITOR);
  const check = new InputCheck(['input']);
  const title = check.text('title', input.title);
  const theme = check.text('theme', input.theme);
  const objectives = check.objectives('objectives', input.objectives);
  if (objectives && objectives.length === 0) check.fail('objectives', 'A call needs at least one objective.');
  const opensOn = check.date('opensOn', input.opensOn);
  const deadline = check.date('deadline', input.deadline);
  if (opensOn && deadline && deadline < opensOn) check.fail('deadline', `deadline (${deadline}) must not be before opensOn (${opensOn}).`);
  let slug = input.slug == null ? undefined : check.text('slug', input.slug, 100);
  if (slug !== undefined && !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug)) slug = check.fail('slug', 'slug must be lower-case letters and digits in words joined by single hyphens, e.g. "leave-no-child-behind-2024".');
  if (!check.ok) return { ok: false, errors: check.errors };
  const id = randomUUID();
  const locale = input.locale ?? Locale.EN;
  return write(ctx, async (tx) => {
    await tx.query(`/* insertCall */ WITH call AS (
        INSERT INTO call_for_practices (id, slug, title, theme, opens_on, deadline)
        VALUES ($1, $2, jsonb_build_object('en', $3::text) || jsonb_build_object($4::text, $3::text), $5, $6, $7) RETURNING id)
      INSERT INTO call_for_practices_objective (call_id, objective_number) SELECT call.id, unnest($8::smallint[]) FROM call`,
    [id, slug ?? slugFrom(title!, randomBytes(3).toString('hex')), title, locale, theme, opensOn, deadline, objectives]);
    return id;
  }, { call_for_practices_slug_key: SLUG_TAKEN });
}
