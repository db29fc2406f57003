/** A problem with the command line or an input or output file; the message is shown as is (exit code 2). */
export class UsageError extends Error {}
