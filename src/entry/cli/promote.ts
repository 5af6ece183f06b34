import { Command } from 'commander';
import { PlumblineError } from '../../errors.js';

export function promoteCommand(): Command {
  return new Command('promote').description('not built yet').action(() => {
    throw new PlumblineError('`plumbline promote` is not built yet');
  });
}
