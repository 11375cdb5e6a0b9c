/** Collects the parameters of one statement; `add` returns the placeholder to write. */
export class SqlParams {
  readonly values: unknown[] = [];
  /**
   * Set by conditions whose selectivity only their value tells (a date range a client chose):
   * the statement is then planned with its values each time (see CUSTOM_PLAN in src/db/session.ts).
   */
  valueSensitive = false;

  add(value: unknown, cast?: string): string {
    this.values.push(value);
    return cast ? `$${this.values.length}::${cast}` : `$${this.values.length}`;
  }

  /** `add` for a bound of a range a client chose (a date or instant): marks the statement value-sensitive. */
  addBound(value: unknown, cast: 'date' | 'timestamptz'): string {
    this.valueSensitive = true;
    return this.add(value, cast);
  }
}
