import { GraphQLError } from 'graphql';
import { isCalendarDate } from '../content/content-filter';
import { GeographicScope } from '../content/geographic-scope';
import { OrganizationKind } from '../organization/organization-kind';
import type { PracticeFilter } from '../practice/practice.inputs';

/** A query parameter the caller must fix: which one, and why. */
export class ExportParamError extends Error {
  constructor(readonly parameter: string, message: string) {
    super(message);
  }
}

export interface ExportQuery {
  filter: PracticeFilter;
  minShared: number;
}

const LIST_PARAMS = ['objectives', 'guidingPrinciples', 'regions', 'countries', 'scopes', 'implementerKinds'] as const;
const KNOWN = new Set<string>([...LIST_PARAMS, 'call', 'activeFrom', 'activeTo', 'text', 'minShared']);


function oneOf<T extends string>(parameter: string, values: string[], allowed: Record<string, T>): T[] {
  const known = new Set<string>(Object.values(allowed));
  const wrong = values.find((v) => !known.has(v));
  if (wrong !== undefined) throw new ExportParamError(parameter, `${parameter} takes ${Object.keys(allowed).join(', ')}; got "${wrong.slice(0, 40)}".`);
  return values as T[];
}

/**
 * The export's filter from query parameters, with the same names and meaning as
 * `PracticeFilter` (lists comma-separated, e.g. `objectives=10,11&regions=002`). Unknown,
 * repeated or malformed parameters are an ExportParamError naming the parameter. Deeper
 * checks (ranges, codes) happen in practiceConditions and surface the same way.
 */
export function parseExportQuery(search: URLSearchParams): ExportQuery {
  const filter: PracticeFilter = {};
  for (const key of new Set(search.keys())) {
    if (!KNOWN.has(key)) throw new ExportParamError(key, `Unknown parameter "${key.slice(0, 40)}"; known: ${[...KNOWN].join(', ')}.`);
    if (search.getAll(key).length > 1) throw new ExportParamError(key, `${key} is given more than once; use one comma-separated list.`);
  }
  const list = (key: string) => {
    const raw = search.get(key);
    if (raw === null) return null;
    const values = raw.split(',').map((v) => v.trim());
    if (values.some((v) => v === '')) throw new ExportParamError(key, `${key} has an empty value; give a comma-separated list such as ${key}=a,b.`);
    return values;
  };
  const objectives = list('objectives');
  if (objectives) {
    if (objectives.some((v) => !/^\d{1,2}$/.test(v))) throw new ExportParamError('objectives', 'objectives takes objective numbers from 1 to 23, e.g. objectives=10,11.');
    filter.objectives = objectives.map(Number);
  }
  filter.guidingPrinciples = list('guidingPrinciples');
  filter.regions = list('regions');
  filter.countries = list('countries');
  const scopes = list('scopes');
  if (scopes) filter.scopes = oneOf('scopes', scopes, GeographicScope);
  const kinds = list('implementerKinds');
  if (kinds) filter.implementerKinds = oneOf('implementerKinds', kinds, OrganizationKind);
  filter.call = search.get('call');
  for (const key of ['activeFrom', 'activeTo'] as const) {
    const value = search.get(key);
    if (value !== null && !isCalendarDate(value)) {
      throw new ExportParamError(key, `${key} must be a date like 2019-01-01; got "${value.slice(0, 40)}".`);
    }
    filter[key] = value;
  }
  filter.text = search.get('text');
  const minSharedRaw = search.get('minShared');
  let minShared = 1;
  if (minSharedRaw !== null) {
    if (!/^\d{1,6}$/.test(minSharedRaw) || Number(minSharedRaw) < 1) throw new ExportParamError('minShared', 'minShared must be a positive integer.');
    minShared = Number(minSharedRaw);
  }
  return { filter, minShared };
}

/** Turns a BAD_USER_INPUT from the shared filter checks into an ExportParamError. */
export function asExportParamError(error: unknown): ExportParamError | null {
  if (error instanceof ExportParamError) return error;
  if (error instanceof GraphQLError && error.extensions.code === 'BAD_USER_INPUT') {
    const name = String(error.extensions.argumentName ?? 'query').replace(/^filter\./, '');
    return new ExportParamError(name, error.message.replace(/filter\./g, ''));
  }
  return null;
}
