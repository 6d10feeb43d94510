// The plan's media folder (src/plan/medien.ts), published unchanged from the site's own address:
// a video in Deutscher Gebärdensprache, its captions, its poster image.
import { join } from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadModel } from '../../../plan/aktuell.ts';
import { leseMedium, MEDIEN_ORDNER, medienDateien, medienTyp } from '../../../plan/medien.ts';

export const getStaticPaths = (async () =>
  medienDateien((await loadModel()).ort).map((pfad) => ({ params: { datei: pfad.slice(MEDIEN_ORDNER.length + 1) } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const { ort } = await loadModel();
  const pfad = join(MEDIEN_ORDNER, params.datei!);
  return new Response(leseMedium(join(ort.contentDir, pfad)), { headers: { 'Content-Type': medienTyp(pfad) } });
};
