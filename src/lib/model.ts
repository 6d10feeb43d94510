/** The validated plan as plain data, the input of every calculation. */
import type { CollectionName, Data } from './schemas.ts';

export interface Entry<C extends CollectionName> {
  id: string;
  data: Data<C>;
  /** Source file, relative to the project root. */
  file: string;
  /** Line of the entry in its file, where known (for messages). */
  line?: number;
}

export type PlanModel = { plan: Data<'plan'> } & { [C in Exclude<CollectionName, 'plan'>]: Entry<C>[] };

/** Finds an entry by id or throws a message naming the collection. */
export function byId<C extends CollectionName>(entries: Entry<C>[], id: string, collection: C): Entry<C> {
  const found = entries.find((e) => e.id === id);
  if (!found) throw new Error(`Unbekannte ID „${id}“ in der Sammlung „${collection}“`);
  return found;
}
