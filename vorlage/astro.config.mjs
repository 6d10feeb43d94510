import { defineConfig } from 'planwerk/config';
import planwerk from 'planwerk';
export default defineConfig({ integrations: [planwerk()] });
