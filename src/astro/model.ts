/** The plan model for pages: the one the integration loaded for this build (src/lib/planladen.ts). */
import type { PlanModel } from '../lib/model.ts';
import { aktuellerPlan } from '../lib/planladen.ts';

export async function loadModel(): Promise<PlanModel> {
  return (await aktuellerPlan()).model;
}
