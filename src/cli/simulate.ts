/** Entry point of `npm run simulate -- <scenario.json>`; see `--help` and docs/scenario.md. */
import { main } from './main';
import { nodeCliEnvironment } from './node-environment';

process.exitCode = await main(process.argv.slice(2), nodeCliEnvironment());
