// hub-graph's GraphiQL: bundled at build time by src/ide/build-ide.mjs, served by the server
// itself at GET /graphql (see src/ide/ide-handler.ts). Nothing is fetched from another host.
import './workers.js';
import { createRoot } from 'react-dom/client';
import { GraphiQL, HISTORY_PLUGIN } from 'graphiql';
import { explorerPlugin } from '@graphiql/plugin-explorer';
import { useGraphiQL, useGraphiQLActions } from '@graphiql/react';
import { Kind, parse } from 'graphql';
import OPERATIONS from 'hub-graph:operations';
import 'graphiql/style.css';
import '@graphiql/plugin-explorer/style.css';
import './ide.css';

/** This page's own URL without its query string: the GraphQL endpoint it was served from. */
const ENDPOINT = location.origin + location.pathname;

/**
 * GraphiQL updates the operation name a moment after the editor changes: run right after a
 * switch of tabs, it sends the new tab's document with the old tab's name, which the server
 * refuses ("Unknown operation named …"). A name the document lacks is replaced by its only one.
 */
function withOwnOperationName(params) {
  if (!params.operationName || typeof params.query !== 'string') return params;
  let names;
  try {
    names = parse(params.query).definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION).map((d) => d.name?.value);
  } catch {
    return params; // the server explains the syntax error
  }
  if (names.includes(params.operationName)) return params;
  return { ...params, operationName: names.length === 1 ? names[0] : undefined };
}

/** POSTs the operation to this server, with the headers of the headers editor (e.g. Authorization). */
async function fetcher(graphiqlParams, options) {
  const params = withOwnOperationName(graphiqlParams);
  const response = await fetch(ENDPOINT, {
    method: 'POST',
    headers: { accept: 'application/graphql-response+json, application/json', ...(options?.headers ?? {}), 'content-type': 'application/json' },
    body: JSON.stringify(params),
  });
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    return { errors: [{ message: `HTTP ${response.status}: ${text.slice(0, 500)}` }] };
  }
}

function OperationsIcon() {
  return (
    <svg viewBox="0 0 24 24" width="1em" height="1em" fill="none" stroke="currentColor" strokeWidth="1.5" aria-hidden="true">
      <path strokeLinecap="round" d="M8 6h12M8 12h12M8 18h12M4 6h.01M4 12h.01M4 18h.01" />
    </svg>
  );
}

/** Lists schema/operations/*.graphql; a click switches to its tab, or opens it in a new one. */
function OperationsPanel() {
  const tabs = useGraphiQL((state) => state.tabs);
  const queryEditor = useGraphiQL((state) => state.queryEditor);
  const variableEditor = useGraphiQL((state) => state.variableEditor);
  const { addTab, changeTab } = useGraphiQLActions();
  const open = (operation) => {
    const index = tabs.findIndex((tab) => (tab.query ?? '').trim() === operation.query.trim());
    if (index >= 0) {
      changeTab(index);
      return;
    }
    addTab();
    queryEditor?.setValue(operation.query);
    variableEditor?.setValue(operation.variables);
  };
  return (
    <div className="hub-operations">
      <div className="graphiql-doc-explorer-title">Operations</div>
      <p>
        The front end's operations (<code>schema/operations</code>) with example variables. Pick one, then run it with
        the ▶ button (Ctrl-Enter).
      </p>
      <ul>
        {OPERATIONS.map((operation) => (
          <li key={operation.file}>
            <button type="button" className="hub-operation" data-operation={operation.name} onClick={() => open(operation)}>
              <strong>{operation.name}</strong>
              <span>{operation.description}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

const operationsPlugin = { title: 'Operations', icon: OperationsIcon, content: OperationsPanel };
const explorer = explorerPlugin();
const defaultTabs = OPERATIONS.map((operation) => ({ query: operation.query, variables: operation.variables }));
// graphiql 5 fills the variables editor from `initialVariables`, not from the first default tab:
// give it that tab's variables on a first visit (no tabs stored yet), and nothing after, so
// the stored tabs are not joined by a copy.
const firstVisit = (() => {
  try {
    return !localStorage.getItem('graphiql:tabState');
  } catch {
    return true;
  }
})();

createRoot(document.getElementById('graphiql')).render(
  <GraphiQL
    fetcher={fetcher}
    plugins={[explorer, operationsPlugin, HISTORY_PLUGIN]}
    visiblePlugin={explorer}
    defaultTabs={defaultTabs}
    initialVariables={firstVisit ? defaultTabs[0]?.variables : undefined}
    defaultEditorToolsVisibility="variables"
  />,
);
