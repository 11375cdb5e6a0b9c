import type { GraphQLResolveInfo } from 'graphql';
import type DataLoader from 'dataloader';
import { ANONYMOUS } from '../auth/principal';
import { VisibilityPolicy } from '../auth/visibility';
import { CALLS_BY_ID } from '../call/call.store';
import type { Context } from '../context';
import { EVENTS_BY_PRACTICE } from '../event/event.store';
import { countriesOfStatement, regionsOfStatement } from '../geography/geography.store';
import { FoldShapes, foldedStatement, primeFolds, selectedFolds, type Fold } from '../graph/fold';
import { selectedFieldNames } from '../graph/selection';
import { objectivesOfStatement } from '../objective/objective.store';
import { organizationsByPracticeStatement } from '../organization/organization.store';
import { PRINCIPLES_BY_PRACTICE } from '../principle/guiding-principle.store';
import { resourcesByPracticeStatement } from '../resource/resource.store';
import { reviewsOfStatement } from '../review/review.store';
import type { Practice } from './practice.entity';
import { practicesById, practicesBySlug } from './practice.store';

type PracticeFold = Fold<Practice, Context>;

/**
 * A practice's relations, by field, as they can be folded into the statement that reads the
 * practice: each the statement of the loader its field resolver asks (see src/graph/fold.ts).
 */
export function practiceFolds(policy: VisibilityPolicy): Record<string, PracticeFold> {
  return {
    regions: { statement: regionsOfStatement('practice'), kind: 'many', key: 'id', prime: (ctx, p, rows) => ctx.loaders.regionsOfPractice.prime(p.id, rows) },
    countries: { statement: countriesOfStatement('practice'), kind: 'many', key: 'id', prime: (ctx, p, rows) => ctx.loaders.countriesOfPractice.prime(p.id, rows) },
    objectives: { statement: objectivesOfStatement('practice'), kind: 'many', key: 'id', prime: (ctx, p, rows) => ctx.loaders.objectivesOfPractice.prime(p.id, rows) },
    guidingPrinciples: { statement: PRINCIPLES_BY_PRACTICE, kind: 'many', key: 'id', prime: (ctx, p, rows) => ctx.loaders.principlesOfPractice.prime(p.id, rows) },
    implementedBy: { statement: organizationsByPracticeStatement('IMPLEMENTER'), kind: 'many', key: 'id', prime: (ctx, p, rows) => ctx.loaders.implementersOfPractice.prime(p.id, rows) },
    partners: { statement: organizationsByPracticeStatement('PARTNER'), kind: 'many', key: 'id', prime: (ctx, p, rows) => ctx.loaders.partnersOfPractice.prime(p.id, rows) },
    call: { statement: CALLS_BY_ID, kind: 'one', key: '"callId"', prime: (ctx, p, row) => p.callId && ctx.loaders.call.prime(p.callId, row) },
    reviews: { statement: reviewsOfStatement(policy, 'practice'), kind: 'many', key: 'id', dates: ['submittedAt'], prime: (ctx, p, rows) => ctx.loaders.reviewsOfPractice.prime(p.id, rows) },
    resources: { statement: resourcesByPracticeStatement(policy), kind: 'many', key: 'id', prime: (ctx, p, rows) => ctx.loaders.resourcesOfPractice.prime(p.id, rows) },
    events: { statement: EVENTS_BY_PRACTICE, kind: 'many', key: 'id', dates: ['startsAt', 'endsAt'], prime: (ctx, p, rows) => ctx.loaders.eventsOfPractice.prime(p.id, rows) },
  };
}

/** The shapes practice lookups have folded (see FoldShapes): front-ends use a handful. */
export const PRACTICE_FOLD_SHAPES = new FoldShapes(64);

/** The fields of practiceFolds, in its order. */
const FOLDED_FIELDS: readonly string[] = Object.keys(practiceFolds(new VisibilityPolicy(ANONYMOUS)));

/** The shape (see FoldShapes) of a lookup by `by` folding `names`. */
function practiceFoldShape(by: 'id' | 'slug', names: readonly string[]): string {
  return `${by}:${names.join(',')}`;
}

/** The fold shape of a `practice` field (its argument and selection as `info` has them), or null when it folds nothing. */
export function practiceFoldShapeOf(info: GraphQLResolveInfo): string | null {
  const by = info.fieldNodes[0]?.arguments?.some((argument) => argument.name.value === 'id') ? 'id' : 'slug';
  const names = selectedFolds(FOLDED_FIELDS, selectedFieldNames(info));
  return names.length === 0 ? null : practiceFoldShape(by, names);
}

/**
 * The loader for a practice looked up by id or slug, for a field whose selection is `info`:
 * the plain one, or (with batching on and relations selected) one whose statement brings the
 * selected relations along and primes their loaders. A practice page is then read in one
 * statement, plus those its relations' own relations need.
 */
export function practiceLookupLoader(ctx: Context, by: 'id' | 'slug', info?: GraphQLResolveInfo): DataLoader<string, Practice | null> {
  const plain = by === 'id' ? ctx.loaders.practice : ctx.loaders.practiceBySlug;
  if (!info || !ctx.loaders.batching) return plain;
  const names = selectedFolds(FOLDED_FIELDS, selectedFieldNames(info));
  const shape = practiceFoldShape(by, names);
  if (names.length === 0 || !PRACTICE_FOLD_SHAPES.admit(shape)) return plain;
  const folds = practiceFolds(ctx.policy);
  const read = by === 'id' ? practicesById : practicesBySlug;
  const label = by === 'id' ? 'practicesById' : 'practicesBySlug';
  return ctx.loaders.keyed.get<string, Practice | null>(`practice:${shape}`, async (keys) => {
    const rows = await read(ctx.sql, ctx.policy, keys, (text) => foldedStatement(label, text, folds, names));
    return rows.map((row) => {
      if (!row) return null;
      primeFolds(ctx, row, folds, names);
      ctx.loaders.practice.prime(row.id, row);
      ctx.loaders.practiceBySlug.prime(row.slug, row);
      return row;
    });
  });
}
