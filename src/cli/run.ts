import { main } from './sim.ts';
import { regularFileIdOf } from './output.ts';

// Entry point of `npm run sim`: see sim.ts for the options.
// A closed pipe (`| head`) ends the output quietly; a full disk is one line on stderr.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') process.stderr.write(`sim: cannot write the output (${e.code ?? e.message})\n`);
  process.exit(e.code === 'EPIPE' ? 0 : 1);
});
// `npm run` moves to the package root; INIT_CWD is where the user typed the command.
// Standard output sent to a file (`>> s.json`) must not be the scenario or an --events file.
process.exitCode = main(
  process.argv.slice(2),
  (s) => process.stdout.write(s),
  (s) => process.stderr.write(s),
  process.env.INIT_CWD ?? process.cwd(),
  regularFileIdOf(1),
);
