/**
 * A worker thread that renders MDX bodies (src/plan/mdx/render.ts), so that a cold build
 * uses every core: the plan loader hands each worker a share of the bodies that are
 * not in the render cache.
 */
import { parentPort } from 'node:worker_threads';
import { renderMdx } from './render.ts';

export interface Auftrag {
  body: string;
  alteAnker: Record<string, string>;
}

parentPort?.on('message', (auftraege: Auftrag[]) => {
  parentPort!.postMessage(auftraege.map((a) => renderMdx(a.body, a.alteAnker)));
});
