import { type Command, CommanderError } from 'commander';
import { describeError } from '../../errors.js';
import { printLog } from './output.js';
import { cliVocabulary } from './vocabulary.js';

/** Runs the program and turns the outcome into an exit code CI understands. */
export async function runCli(program: Command, argv: string[]): Promise<void> {
  program.exitOverride();
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode === 0 ? 0 : 1;
      return;
    }
    printLog(describeError(error, cliVocabulary()));
    process.exitCode = 1;
  }
}
