import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from '../context';

/** Fills the context's report (operation name, cost, error codes) for the request's log line and metrics. */
export function reportPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ contextValue, request }) {
      if (contextValue?.report) contextValue.report.operationName = request.operationName ?? null;
      return {
        async didResolveOperation({ operationName }) {
          if (contextValue?.report) contextValue.report.operationName = operationName ?? null;
        },
        async willSendResponse({ response }) {
          if (!contextValue?.report || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          const cost = result.extensions?.cost as { requested: number | null; actual: number | null } | undefined;
          contextValue.report.cost = cost ? { requested: cost.requested, actual: cost.actual } : null;
          contextValue.report.errorCodes = (result.errors ?? []).map((e) => String(e.extensions?.code ?? 'UNKNOWN'));
        },
      };
    },
  };
}
