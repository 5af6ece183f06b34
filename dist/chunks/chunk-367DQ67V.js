import { createRequire as __plumblineCreateRequire } from 'node:module';
const require = __plumblineCreateRequire(import.meta.url);
import {
  createGitHubForge
} from "./chunk-L5ZE3ZBT.js";
import {
  PlumblineError
} from "./chunk-YKMOXBXI.js";

// src/entry/github-forge.ts
function gitHubForge(source) {
  const [owner, repo, extra] = source.repository.split("/");
  if (!owner || !repo || extra !== void 0) {
    throw new PlumblineError(
      `GITHUB_REPOSITORY must be owner/name; got '${source.repository}'`,
      "GitHub Actions sets it; elsewhere set it yourself, e.g. GITHUB_REPOSITORY=acme/deploy."
    );
  }
  const apiUrl = source.apiUrl?.trim();
  return createGitHubForge({
    token: source.token,
    owner,
    repo,
    ...apiUrl ? { apiUrl } : {},
    logger: source.logger
  });
}

export {
  gitHubForge
};
