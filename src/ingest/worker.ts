/**
 * One extraction worker thread: builds one extractor, loads its models once, then extracts
 * the documents the pool sends, one at a time. It never touches the store: the main thread
 * is the single writer.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { asNewsgraphError } from '../core/errors.js';
import { createExtractor } from '../extract.js';
import type { PoolReply, PoolRequest, WorkerSettings } from './pool.js';

const port = parentPort;
if (!port) throw new Error('src/ingest/worker is a worker thread, not a program');

const reply = (message: PoolReply) => port.postMessage(message);

try {
  const extractor = createExtractor(workerData as WorkerSettings);
  await extractor.init();
  port.on('message', (request: PoolRequest) => {
    try {
      reply({ type: 'result', seq: request.seq, result: extractor.extract(request.input) });
    } catch (error) {
      reply({ type: 'error', seq: request.seq, error: asNewsgraphError(error).toJSON() });
    }
  });
  reply({ type: 'ready' });
} catch (error) {
  reply({ type: 'init-error', error: asNewsgraphError(error).toJSON() });
}
