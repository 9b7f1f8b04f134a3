/** Rewrites docs/scenario.schema.json from the zod scenario schema (`npm run schema`). */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { scenarioJsonSchemaText } from '../scenario/json-schema';

const target = fileURLToPath(new URL('../../docs/scenario.schema.json', import.meta.url));
writeFileSync(target, scenarioJsonSchemaText());
console.log(`Wrote ${target}`);
