import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { GraphQLError, validate, type DocumentNode, type GraphQLSchema, type ValidationContext, type ValidationRule } from 'graphql';
import { hasRole, Role } from '../auth/principal';
import type { Context } from '../context';
import { actualCost, requestedCost } from './cost';
import type { RateLimitStore } from './rate-limit';

export interface LimitOptions {
  /** Most cost one operation may request; editors get `editorCostLimit`. */
  costLimit: number;
  editorCostLimit: number;
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  /** Cost points per principal (or IP) per window; null: no rate limit. */
  rateLimit: { budget: number; windowMs: number; store: RateLimitStore } | null;
}

/** graphql-armor's defaults, which every operation in schema/operations fits (a test checks). */
export const DEFAULT_LIMITS = { costLimit: 25_000, editorCostLimit: 100_000, maxDepth: 6, maxAliases: 15, maxDirectives: 50, maxTokens: 1000 } as const;

/** Reports a graphql-armor rejection as a GraphQL error with our own code. */
function rejectWith(code: string) {
  return (context: ValidationContext | null, error: GraphQLError) => {
    // graphql-armor words its refusals as syntax errors; they are limits.
    context?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, ''), { extensions: { code } }));
  };
}

/**
 * Depth, alias and directive limits (graphql-armor's rules). They run in costPlugin rather
 * than as Apollo validation rules, which would relabel their codes GRAPHQL_VALIDATION_FAILED.
 */
export function documentLimitRules(options: Pick<LimitOptions, 'maxDepth' | 'maxAliases' | 'maxDirectives'>): ValidationRule[] {
  const common = { propagateOnRejection: false, exposeLimits: true };
  return [
    maxDepthRule({ ...common, n: options.maxDepth, flattenFragments: true, onReject: [rejectWith('DEPTH_LIMIT_EXCEEDED')] }),
    maxAliasesRule({ ...common, n: options.maxAliases, onReject: [rejectWith('ALIAS_LIMIT_EXCEEDED')] }),
    maxDirectivesRule({ ...common, n: options.maxDirectives, onReject: [rejectWith('DIRECTIVE_LIMIT_EXCEEDED')] }),
  ] as unknown as ValidationRule[];
}

/** Variables longer than this (e.g. hundreds of `_entities` representations) are costed afresh each time, not kept. */
const MAX_COST_KEY = 2048;
/** Costs kept per document (distinct variables); the oldest goes first. */
const COSTS_PER_DOCUMENT = 256;

interface CostState {
  requested: number | null;
  limit: number;
  rate: { limit: number; remaining: number; resetAt: string } | null;
}

/**
 * Computes every operation's cost before it runs and refuses one over the caller's limit
 * (COST_LIMIT_EXCEEDED, HTTP 400) or over their remaining budget (RATE_LIMITED, HTTP 429,
 * Retry-After) before any SQL. Every response carries `extensions.cost` ({ requested,
 * limit, actual }) and, with a rate limit, `extensions.rateLimit`.
 */
export function costPlugin(options: LimitOptions): ApolloServerPlugin<Context> {
  const rules = documentLimitRules(options);
  // Apollo hands every request with the same text the same parsed document (its document
  // store), so what depends on the document alone is computed once per document: the
  // depth/alias/directive verdict, and the requested cost per operation name and variables.
  const verdicts = new WeakMap<DocumentNode, GraphQLError | null>();
  const costs = new WeakMap<DocumentNode, Map<string, number>>();
  const limitError = (schema: GraphQLSchema, document: DocumentNode): GraphQLError | null => {
    let verdict = verdicts.get(document);
    if (verdict === undefined) {
      verdict = validate(schema, document, rules)[0] ?? null;
      verdicts.set(document, verdict);
    }
    return verdict;
  };
  const costOf = (schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> | undefined, operationName: string | undefined): number => {
    const key = `${operationName ?? ''}\u0000${JSON.stringify(variables ?? {})}`;
    if (key.length > MAX_COST_KEY) return requestedCost(schema, document, variables, operationName);
    let byKey = costs.get(document);
    if (!byKey) costs.set(document, (byKey = new Map()));
    let cost = byKey.get(key);
    if (cost === undefined) {
      cost = requestedCost(schema, document, variables, operationName); // throws for variables that do not fit: not kept
      if (byKey.size >= COSTS_PER_DOCUMENT) byKey.delete(byKey.keys().next().value as string);
      byKey.set(key, cost);
    }
    return cost;
  };
  return {
    async requestDidStart({ contextValue }) {
      const limit = contextValue?.principal && hasRole(contextValue.principal, Role.EDITOR) ? options.editorCostLimit : options.costLimit;
      const state: CostState = { requested: null, limit, rate: null };
      return {
        async didResolveOperation({ document, request, operationName, schema }) {
          const tooBig = limitError(schema, document);
          if (tooBig) throw new GraphQLError(tooBig.message, { extensions: { ...tooBig.extensions, http: { status: 400 } } });
          try {
            state.requested = costOf(schema, document, request.variables, operationName ?? undefined);
          } catch {
            return; // variables that do not fit the document: execution refuses them before any resolver runs
          }
          if (state.requested > limit) {
            throw new GraphQLError(
              `This operation may cost up to ${state.requested}, over the limit of ${limit}: ask for fewer items (smaller \`first\`) or fewer nested lists. See "Limits" in the README.`,
              { extensions: { code: 'COST_LIMIT_EXCEEDED', cost: { requested: state.requested, limit }, http: { status: 400 } } },
            );
          }
          if (options.rateLimit) {
            const { budget, windowMs, store } = options.rateLimit;
            const key = contextValue?.principal?.id ? `sub:${contextValue.principal.id}` : `ip:${contextValue?.clientIp ?? 'unknown'}`;
            const decision = await store.take(key, Math.max(1, state.requested), budget, windowMs, Date.now());
            state.rate = { limit: budget, remaining: decision.remaining, resetAt: new Date(decision.resetAt).toISOString() };
            if (!decision.allowed) {
              const seconds = Math.max(1, Math.ceil((decision.resetAt - Date.now()) / 1000));
              throw new GraphQLError(
                `Rate limit: this operation costs ${state.requested} and ${decision.remaining} of your ${budget} points per ${windowMs / 1000} s are left; retry in ${seconds} s.`,
                { extensions: { code: 'RATE_LIMITED', http: { status: 429, headers: new Map([['retry-after', String(seconds)]]) } } },
              );
            }
          }
        },
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          const cost = { requested: state.requested, limit: state.limit, actual: result.data === undefined ? null : actualCost(result.data) };
          result.extensions = { ...result.extensions, cost, ...(state.rate ? { rateLimit: state.rate } : {}) };
        },
      };
    },
  };
}
