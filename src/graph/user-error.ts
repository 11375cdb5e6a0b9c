import { Field, ObjectType } from 'type-graphql';

/** Stable codes of domain refusals (payload `errors`), as the write contract names them. */
export enum UserErrorCode {
  DEADLINE_PASSED = 'DEADLINE_PASSED',
  CALL_CLOSED = 'CALL_CLOSED',
  CRITERIA_NOT_MET = 'CRITERIA_NOT_MET',
  CONFLICT_OF_INTEREST = 'CONFLICT_OF_INTEREST',
  INVALID_TRANSITION = 'INVALID_TRANSITION',
  ROSTER_RULE_NOT_MET = 'ROSTER_RULE_NOT_MET',
  ALREADY_ASSIGNED = 'ALREADY_ASSIGNED',
  NOT_FOUND = 'NOT_FOUND',
  /** The input breaks a rule of shape: length, format, range, a required value. */
  INVALID_INPUT = 'INVALID_INPUT',
  /** The item exists and may be read, but belongs to someone else. */
  NOT_OWNER = 'NOT_OWNER',
  SLUG_TAKEN = 'SLUG_TAKEN',
  ALREADY_APPLIED = 'ALREADY_APPLIED',
  ALREADY_ON_ROSTER = 'ALREADY_ON_ROSTER',
  /** Only published items may be pinned. */
  NOT_PUBLISHED = 'NOT_PUBLISHED',
}

@ObjectType({ description: 'A domain refusal: the request was understood and not done.' })
export class UserError {
  @Field({
    description:
      'Stable, e.g. DEADLINE_PASSED, CALL_CLOSED, CRITERIA_NOT_MET, CONFLICT_OF_INTEREST, INVALID_TRANSITION, ROSTER_RULE_NOT_MET, ALREADY_ASSIGNED, NOT_FOUND.',
  })
  code!: string;

  @Field({ description: 'What was refused and why, in English, for a person; may change between releases (match on `code`).' })
  message!: string;

  @Field(() => [String], { nullable: true, description: 'Path to the input field at fault, e.g. ["input", "objectives"].' })
  field!: string[] | null;
}

export function userError(code: UserErrorCode, message: string, field: string[] | null = null): UserError {
  return Object.assign(new UserError(), { code, message, field });
}

/**
 * Thrown inside a write transaction to refuse it: the transaction rolls back (nothing is
 * left behind) and the mutation answers with these errors.
 */
export class Refusal extends Error {
  constructor(readonly errors: UserError[]) {
    super(errors.map((e) => e.message).join(' '));
    this.name = 'Refusal';
  }
}

export function refuse(code: UserErrorCode, message: string, field: string[] | null = null): never {
  throw new Refusal([userError(code, message, field)]);
}
