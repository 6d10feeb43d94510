/** Loads the validated plan from Astro's content collections into a PlanModel (once per build). */
import { getCollection, type CollectionEntry } from 'astro:content';
import type { PlanModel, Entry } from '../lib/model.ts';
import type { CollectionName } from '../lib/schemas.ts';
import { COLLECTIONS } from '../lib/validate.ts';

let cached: Promise<PlanModel> | undefined;

export function loadModel(): Promise<PlanModel> {
  cached ??= (async () => {
    const pairs = await Promise.all(
      COLLECTIONS.map(async (name) => {
        const entries = (await getCollection(name)) as CollectionEntry<CollectionName>[];
        const mapped: Entry<CollectionName>[] = entries.map((e) => ({ id: e.id, data: e.data as never, file: e.filePath ?? '' }));
        return [name, name === 'plan' ? mapped[0]?.data : mapped] as const;
      }),
    );
    return Object.fromEntries(pairs) as unknown as PlanModel;
  })();
  return cached;
}
