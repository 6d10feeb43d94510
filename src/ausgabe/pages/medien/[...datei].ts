// The plan's media folder (src/plan/medien.ts), published unchanged from the site's own address:
// a video in Deutscher Gebärdensprache, its captions, its poster image.
import { join } from 'node:path';
import type { APIRoute, GetStaticPaths, GetStaticPathsOptions } from 'astro';
import { bytesDigest, mitSchluessel } from '../../seitenschluessel.ts';
import { loadModel } from '../../../plan/aktuell.ts';
import { leseMedium, MEDIEN_ORDNER, medienDateien, medienTyp } from '../../../plan/medien.ts';

export const getStaticPaths = (async ({ routePattern }: GetStaticPathsOptions) => {
  const model = await loadModel();
  const pfade = medienDateien(model.ort).map((pfad) => ({ params: { datei: pfad.slice(MEDIEN_ORDNER.length + 1) }, props: { pfad } }));
  // The file is published as it is: its bytes are its part of the key.
  return mitSchluessel(routePattern, model, pfade, (p) => bytesDigest(leseMedium(join(model.ort.contentDir, p.props.pfad))));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const { ort } = await loadModel();
  const pfad = join(MEDIEN_ORDNER, params.datei!);
  return new Response(leseMedium(join(ort.contentDir, pfad)), { headers: { 'Content-Type': medienTyp(pfad) } });
};
