import { isEmail } from 'class-validator';
import { isCalendarDate } from '../content/content-filter';
import { isUuid } from './ids';
import { userError, UserErrorCode, type UserError } from './user-error';

export const MAX_TITLE = 300;
export const MAX_TEXT = 5000;
export const MAX_LIST = 100;

/**
 * Collects INVALID_INPUT refusals for the fields of one input object (under `base`, e.g.
 * ["input"]), so a form learns every problem at once. Each check returns the value to store
 * (trimmed text, de-duplicated list) or undefined when the field is absent or wrong.
 */
export class InputCheck {
  readonly errors: UserError[] = [];

  constructor(private readonly base: string[]) {}

  fail(field: string, message: string, code = UserErrorCode.INVALID_INPUT): undefined {
    this.errors.push(userError(code, message, [...this.base, ...field.split('.')]));
    return undefined;
  }

  get ok(): boolean {
    return this.errors.length === 0;
  }

  /** Text of 1..max characters after trimming, without NUL. */
  text(field: string, value: string | null | undefined, max = MAX_TITLE): string | undefined {
    if (value == null) return undefined;
    const text = value.trim();
    if (text.includes('\u0000')) return this.fail(field, `${field} must not contain NUL characters.`);
    if (text.length === 0) return this.fail(field, `${field} must not be blank.`);
    // Characters as people (and PostgreSQL's length()) count them: code points, not UTF-16 units,
    // so 300 emoji are 300 characters, not 600.
    const length = text.length > max ? [...text].length : text.length;
    if (length > max) return this.fail(field, `${field} takes at most ${max} characters; got ${length}.`);
    return text;
  }

  /** A list of at most `max` distinct values each passing `valid`. */
  list<T>(field: string, values: readonly T[] | null | undefined, valid: (v: T) => boolean, expected: string, max = MAX_LIST): T[] | undefined {
    if (values == null) return undefined;
    if (values.length > max) return this.fail(field, `${field} takes at most ${max} values; got ${values.length}.`);
    const wrong = values.find((v) => !valid(v));
    if (wrong !== undefined) return this.fail(field, `${field} must hold ${expected}; got ${JSON.stringify(wrong)}.`);
    return [...new Set(values)];
  }

  objectives(field: string, values: readonly number[] | null | undefined): number[] | undefined {
    return this.list(field, values, (n) => Number.isInteger(n) && n >= 1 && n <= 23, 'objective numbers from 1 to 23', 23);
  }

  ids(field: string, values: readonly string[] | null | undefined): string[] | undefined {
    return this.list(field, values, (v) => typeof v === 'string' && isUuid(v), 'ids (UUIDs)')?.map((v) => v.toLowerCase());
  }

  id(field: string, value: string | null | undefined): string | undefined {
    if (value == null) return undefined;
    if (!isUuid(value)) return this.fail(field, `${field} must be an id (a UUID); got "${value.slice(0, 60)}".`, UserErrorCode.NOT_FOUND);
    return value.toLowerCase();
  }

  date(field: string, value: string | null | undefined): string | undefined {
    if (value == null) return undefined;
    if (!isCalendarDate(value)) return this.fail(field, `${field} must be a calendar date like 2024-06-24; got "${value}".`);
    return value;
  }

  email(field: string, value: string | null | undefined): string | undefined {
    const text = this.text(field, value, 254);
    if (text === undefined) return undefined;
    if (!isEmail(text)) return this.fail(field, `${field} must be an email address such as focal.point@example.org; got "${text.slice(0, 60)}".`);
    return text;
  }

  /** An absolute http(s) URL. */
  url(field: string, value: string | URL | null | undefined): string | undefined {
    if (value == null) return undefined;
    const text = String(value);
    if (text.length > 2000) return this.fail(field, `${field} takes at most 2000 characters.`);
    if (!/^https?:\/\/[^\s/$.?#].[^\s]*$/i.test(text)) return this.fail(field, `${field} must be an http or https address; got "${text.slice(0, 60)}".`);
    return text;
  }
}
