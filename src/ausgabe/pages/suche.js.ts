// /suche.js, from src/ausgabe/dateien/.
import { datei } from '../dateien/index.ts';

export const GET = () => datei('suche.js');
