/**
 * Astro content loader for Planwerk's YAML and CSV collections. It reads files through
 * the same code as the standalone validation (src/lib/sources.ts), so the build and
 * `validatePlan` see exactly the same entries.
 */
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import type { CollectionName } from '../lib/schemas.ts';
import { readCollection } from '../lib/sources.ts';
import { ContentError } from '../lib/problems.ts';

export function planwerkLoader(collection: CollectionName): Loader {
  return {
    name: `planwerk:${collection}`,
    async load({ store, parseData, generateDigest, config }) {
      const { entries, problems } = readCollection(fileURLToPath(config.root), collection);
      if (problems.length > 0) throw new ContentError(problems);
      store.clear();
      for (const entry of entries) {
        const data = await parseData({ id: entry.id, data: entry.data, filePath: entry.file });
        store.set({ id: entry.id, data, filePath: entry.file, digest: generateDigest(entry.data) });
      }
    },
  };
}
