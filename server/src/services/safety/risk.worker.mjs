// The risk check's worker thread (see risk-checker.ts). Plain JavaScript so that it starts the
// same way under `npm start`, the tests and the benchmarks: it loads TypeScript through tsx
// itself, then answers each message with the assessment of its text.
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { assessRisk } = await import('../../../../core/safety/risk.ts');

parentPort?.on('message', (message) => {
  parentPort?.postMessage({ id: message.id, assessment: assessRisk(message.text) });
});
parentPort?.postMessage({ ready: true });
