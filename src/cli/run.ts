import { main } from './sim.ts';

// Entry point of `npm run sim`: see sim.ts for the options.
process.exitCode = main(process.argv.slice(2), (s) => process.stdout.write(s), (s) => process.stderr.write(s));
