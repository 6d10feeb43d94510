/**
 * Astro content loader for every Planwerk collection. It reads nothing itself: the
 * entries come from the plan model that the integration loaded once
 * (src/pruefung/planladen.ts). MDX entries arrive rendered, with their headings, as Astro's
 * own loader hands over Markdown, so pages use `render()` as usual; no MDX file
 * becomes a JavaScript module. Each entry's digest covers its data and its finished
 * HTML (figures included), so Astro's store keeps unchanged entries as they are.
 *
 * In the dev server a changed content file reloads the plan and every collection.
 */
import { relative, resolve } from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import type { CollectionName } from '../schemas/index.ts';
import type { Entry } from '../model.ts';
import { aktuellerPlan, vergissPlan } from '../aktuell.ts';
import { displayDir } from '../sources.ts';
import { ContentError } from '../problems.ts';

type Sync = () => Promise<void>;
const KEY = Symbol.for('planwerk.loader');
const beobachtet = ((globalThis as Record<symbol, unknown>)[KEY] ??= { syncs: new Map<string, Sync>(), watcher: undefined as unknown }) as {
  syncs: Map<string, Sync>;
  watcher: unknown;
};

function beobachte(context: LoaderContext) {
  const { watcher, logger } = context;
  if (!watcher || beobachtet.watcher === watcher) return;
  beobachtet.watcher = watcher;
  const neu = async (path: string) => {
    const { ort } = await aktuellerPlan();
    if (relative(ort.contentDir, resolve(path)).startsWith('..')) return;
    vergissPlan(ort.contentDir);
    try {
      for (const sync of beobachtet.syncs.values()) await sync();
    } catch (error) {
      if (error instanceof ContentError) logger.error(error.message);
      else throw error;
    }
  };
  watcher.on('change', neu);
  watcher.on('add', neu);
  watcher.on('unlink', neu);
}

export function planwerkLoader(collection: CollectionName): Loader {
  return {
    name: `planwerk:${collection}`,
    async load(context) {
      const { store, generateDigest } = context;
      const sync = async () => {
        const { model } = await aktuellerPlan();
        const entries: Entry<CollectionName>[] =
          collection === 'plan' ? [{ id: 'plan', data: model.plan, file: `${displayDir(model.ort)}/plan.yaml` }] : model[collection];
        const ids = new Set<string>();
        for (const entry of entries) {
          ids.add(entry.id);
          const { inhalt } = entry;
          store.set({
            id: entry.id,
            data: entry.data as Record<string, unknown>,
            filePath: entry.file,
            digest: inhalt ? inhalt.digest : generateDigest(entry.data as Record<string, unknown>),
            rendered: inhalt ? { html: inhalt.html, metadata: { headings: inhalt.headings } } : undefined,
          });
        }
        for (const id of store.keys()) if (!ids.has(id)) store.delete(id);
      };
      await sync();
      beobachtet.syncs.set(collection, sync);
      beobachte(context);
    },
  };
}
