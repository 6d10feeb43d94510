/** The plan model for pages: the one the integration loaded for this build (src/pruefung/planladen.ts). */
import type { PlanModel } from '../model.ts';
import { aktuellerPlan } from '../aktuell.ts';

export async function loadModel(): Promise<PlanModel> {
  return (await aktuellerPlan()).model;
}
