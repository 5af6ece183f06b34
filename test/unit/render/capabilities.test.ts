import { describe, expect, it } from 'vitest';
import type { EnvironmentConfig } from '../../../src/config/types.js';
import {
  capabilitiesProvenance,
  chooseCapabilities,
  helmCapabilityArgs,
  kustomizeCapabilityArgs,
} from '../../../src/render/capabilities.js';

const env: EnvironmentConfig = { name: 'prod', path: 'envs/prod', renderer: 'helm' };
const configured: EnvironmentConfig = {
  ...env,
  capabilities: { kubeVersion: 'v1.34.2', apiVersions: ['monitoring.coreos.com/v1'] },
};
const cluster = { kubeVersion: 'v1.37.2', apiVersions: ['apps/v1', 'apps/v1/Deployment'] };

describe('capabilities', () => {
  it("prefers the cluster's, then the configuration's, then helm's own", () => {
    expect(chooseCapabilities(configured, cluster)).toEqual({ from: 'cluster', ...cluster });
    expect(chooseCapabilities(configured, undefined)).toEqual({
      from: 'configuration',
      ...configured.capabilities,
    });
    expect(chooseCapabilities(env, undefined)).toEqual({ from: 'helm', apiVersions: [] });
  });

  it('becomes the flags of helm and of kustomize, and a provenance that counts', () => {
    const choice = chooseCapabilities(env, cluster);
    expect(helmCapabilityArgs(choice)).toEqual([
      '--kube-version',
      'v1.37.2',
      '--api-versions=apps/v1',
      '--api-versions=apps/v1/Deployment',
    ]);
    expect(kustomizeCapabilityArgs(choice)).toEqual([
      '--helm-kube-version',
      'v1.37.2',
      '--helm-api-versions=apps/v1',
      '--helm-api-versions=apps/v1/Deployment',
    ]);
    expect(helmCapabilityArgs(chooseCapabilities(env, undefined))).toEqual([]);
    expect(capabilitiesProvenance(choice)).toEqual({
      from: 'cluster',
      kubeVersion: 'v1.37.2',
      apiVersions: 2,
    });
  });
});
