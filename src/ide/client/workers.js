// Monaco's web workers, bundled by build-ide.mjs next to this script: never loaded from a CDN.
// Imported first by main.jsx, so MonacoEnvironment is set before any editor starts.
/* global __IDE_WORKERS__ */
const base = new URL('.', (document.currentScript && document.currentScript.src) || location.href);
const workers = __IDE_WORKERS__;

globalThis.MonacoEnvironment = {
  getWorker(_workerId, label) {
    return new Worker(new URL(workers[label] ?? workers.editor, base), { name: `monaco-${label}` });
  },
};
