/** The library's Web Worker inlined as a Blob URL (offline.html, opened from file://: no worker files can be fetched). */
import InlineWorker from './worker.ts?worker&inline';

export function createWorker(): Worker {
  return new InlineWorker({ name: 'chuneng-library' });
}
