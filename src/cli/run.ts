import { main } from './sim.ts';
import { regularFileIdOf, writeAll } from './output.ts';

// Entry point of `npm run sim`: see sim.ts for the options.
// A closed pipe (`| head`) ends the output quietly; a full disk is one line on stderr.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') process.stderr.write(`sim: cannot write the output (${e.code ?? e.message})\n`);
  process.exit(e.code === 'EPIPE' ? 0 : 1);
});
// `npm run` moves to the package root; INIT_CWD is where the user typed the command.
// Standard output sent to a file (`>> s.json`) must not be the scenario or an --events file.
const stdoutFile = regularFileIdOf(1);
/** Standard output sent to a file is written synchronously, all of it: a full disk is a message and exit 2, never a cut-off file and exit 0. */
const toStdout = (s: string) => {
  if (!stdoutFile) return void process.stdout.write(s);
  try {
    writeAll(1, s);
  } catch (e) {
    process.stderr.write(`sim: cannot write the output (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); what was written is incomplete\n`);
    process.exit(2);
  }
};
process.exitCode = main(
  process.argv.slice(2),
  toStdout,
  (s) => process.stderr.write(s),
  process.env.INIT_CWD ?? process.cwd(),
  stdoutFile,
);
