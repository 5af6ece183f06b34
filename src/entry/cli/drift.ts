import { Command } from 'commander';
import { PlumblineError } from '../../errors.js';

export function driftCommand(): Command {
  return new Command('drift').description('not built yet').action(() => {
    throw new PlumblineError('`plumbline drift` is not built yet');
  });
}
