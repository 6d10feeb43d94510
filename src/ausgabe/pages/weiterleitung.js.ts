// /weiterleitung.js, from src/ausgabe/dateien/.
import { datei } from '../dateien/index.ts';

export const GET = () => datei('weiterleitung.js');
