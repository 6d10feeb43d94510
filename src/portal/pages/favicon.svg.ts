// /favicon.svg, the same icon as on a plan site (src/ausgabe/dateien/).
import { datei } from '../../ausgabe/dateien/index.ts';

export const GET = () => datei('favicon.svg');
