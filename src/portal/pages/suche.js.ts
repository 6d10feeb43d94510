// /suche.js, the same file as on a plan site (src/ausgabe/dateien/).
import { datei } from '../../ausgabe/dateien/index.ts';

export const GET = () => datei('suche.js');
