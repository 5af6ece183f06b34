/**
 * What helm reports to charts as `.Capabilities`: the target cluster's version and API
 * versions when plumbline asked the cluster (live and reader plans, drift), else what the
 * configuration says for the environment, else helm's built-in defaults. Controllers render
 * with the cluster's; a chart that checks `.Capabilities.APIVersions.Has` renders the
 * cluster's variant only when plumbline does too.
 */
import type { Capabilities, EnvironmentConfig } from '../config/types.js';
import type { CapabilitiesProvenance, CapabilitiesSource } from '../provenance.js';

export interface CapabilitiesChoice extends Capabilities {
  from: CapabilitiesSource;
}

export function chooseCapabilities(
  env: EnvironmentConfig,
  fromCluster: Capabilities | undefined,
): CapabilitiesChoice {
  if (fromCluster) return { from: 'cluster', ...fromCluster };
  if (env.capabilities) return { from: 'configuration', ...env.capabilities };
  return { from: 'helm', apiVersions: [] };
}

export function helmCapabilityArgs(choice: CapabilitiesChoice): string[] {
  const args = choice.kubeVersion ? ['--kube-version', choice.kubeVersion] : [];
  for (const apiVersion of choice.apiVersions) args.push(`--api-versions=${apiVersion}`);
  return args;
}

/** The same, as kustomize passes them to helm for a kustomization's helmCharts. */
export function kustomizeCapabilityArgs(choice: CapabilitiesChoice): string[] {
  const args = choice.kubeVersion ? ['--helm-kube-version', choice.kubeVersion] : [];
  for (const apiVersion of choice.apiVersions) args.push(`--helm-api-versions=${apiVersion}`);
  return args;
}

export function capabilitiesProvenance(choice: CapabilitiesChoice): CapabilitiesProvenance {
  const provenance: CapabilitiesProvenance = { from: choice.from, apiVersions: choice.apiVersions.length };
  if (choice.kubeVersion) provenance.kubeVersion = choice.kubeVersion;
  return provenance;
}
