/**
 * A first, in-memory forge for promote's git tests: change requests only, with GitHub's rules
 * that matter here: the head branch must exist on the remote to open one, one open request per
 * head and base, and deleting the head branch closes it.
 */
import type { ChangeRequest, Forge } from '../../../../src/forge/forge.js';
import { ForgeError } from '../../../../src/forge/forge.js';
import { git } from './git-fixture.js';

export interface MemoryForge extends Forge {
  requests: (ChangeRequest & { state: 'open' | 'closed'; labels: string[] })[];
  calls: string[];
  failNextCreate: boolean;
}

export function memoryForge(remote: string): MemoryForge {
  const branchExists = (branch: string) => git(remote, 'branch', '--list', branch) !== '';
  const forge: MemoryForge = {
    requests: [],
    calls: [],
    failNextCreate: false,
    bodyLimit: 65_536,
    async findChangeRequest(head, base) {
      forge.calls.push('find');
      for (const request of forge.requests) if (!branchExists(request.head)) request.state = 'closed';
      return forge.requests.find((r) => r.head === head && r.base === base && r.state === 'open');
    },
    async createChangeRequest({ head, base, title, body, labels }) {
      forge.calls.push('create');
      if (forge.failNextCreate) {
        forge.failNextCreate = false;
        throw new ForgeError('creating the pull request failed', 500, 'try again');
      }
      if (!branchExists(head)) throw new ForgeError(`head ${head} does not exist`, 422, 'push it first');
      if (forge.requests.some((r) => r.head === head && r.base === base && r.state === 'open')) {
        throw new ForgeError('a pull request already exists', 422, 'update it');
      }
      const number = forge.requests.length + 1;
      const request = {
        number,
        title,
        body,
        head,
        base,
        url: `https://forge.test/pull/${number}`,
        state: 'open' as const,
        labels,
      };
      forge.requests.push(request);
      return request;
    },
    async updateChangeRequest(number, patch) {
      forge.calls.push('update');
      const request = forge.requests.find((r) => r.number === number);
      if (!request) throw new ForgeError('no such pull request', 404, 'check the number');
      Object.assign(request, patch);
    },
    currentAuthor: unused,
    listComments: unused,
    createComment: unused,
    updateComment: unused,
    deleteComment: unused,
    addLabels: unused,
    removeLabel: unused,
    listIssues: unused,
    createIssue: unused,
    updateIssue: unused,
  };
  return forge;
}

async function unused(): Promise<never> {
  throw new Error('promote does not use this forge call');
}
