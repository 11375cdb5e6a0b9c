import type { Context } from '../context';
import type { Sql } from '../db/sql';
import { NOTIFY_SQL } from '../cache/response-cache';
import { Refusal, userError, UserErrorCode, type UserError } from './user-error';

export type WriteResult<T> = { ok: true; value: T } | { ok: false; errors: UserError[] };

/** PostgreSQL errors that mean "the input was wrong", with what to tell the caller. */
const CONSTRAINT_ERRORS: Record<string, UserErrorCode> = {
  '23503': UserErrorCode.NOT_FOUND, // foreign key: something referred to does not exist (any more)
  '23514': UserErrorCode.INVALID_INPUT, // check constraint
  '22P02': UserErrorCode.INVALID_INPUT, // invalid text representation
  '22001': UserErrorCode.INVALID_INPUT, // value too long
  '22008': UserErrorCode.INVALID_INPUT, // date out of range
};

/**
 * Runs one mutation's writes in one transaction. A Refusal thrown by `work`, or a constraint
 * the database enforces, rolls everything back and becomes `errors`; `constraints` names what
 * a unique or check violation of a given constraint means (with the field at fault).
 * Anything else rolls back and is rethrown. After a commit the context gets new loaders.
 */
export async function write<T>(
  ctx: Pick<Context, 'sql'> & Partial<Pick<Context, 'invalidation' | 'loaders'>>,
  work: (tx: Sql) => Promise<T>,
  constraints: Record<string, UserError> = {},
): Promise<WriteResult<T>> {
  const invalidation = ctx.invalidation ?? null;
  try {
    let value: T;
    if (!invalidation) {
      value = await ctx.sql.transaction(work);
    } else {
      // The response cache (src/cache/response-cache.ts): NOTIFY inside the transaction, so other
      // instances hear of the write at its commit (and never of a rollback); this one clears after COMMIT.
      value = await ctx.sql.transaction(async (tx) => {
        const result = await work(tx);
        await tx.query(NOTIFY_SQL, [invalidation.origin]);
        return result;
      });
      invalidation.committed();
    }
    // Committed: the operation's loaders forget everything read before (the payload, and a
    // later mutation of the same request, read the rows as they are now).
    if (ctx.loaders) ctx.loaders = ctx.loaders.renew();
    return { ok: true, value };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, errors: error.errors };
    const pg = error as { code?: string; constraint?: string; detail?: string };
    if ((pg.code === '23505' || pg.code === '23514') && pg.constraint && Object.hasOwn(constraints, pg.constraint)) {
      return { ok: false, errors: [constraints[pg.constraint]] };
    }
    const code = pg.code ? CONSTRAINT_ERRORS[pg.code] : undefined;
    if (code) {
      const what = pg.constraint ? ` (${pg.constraint})` : '';
      return { ok: false, errors: [userError(code, `The database refused the change${what}: check the values given.`)] };
    }
    throw error;
  }
}
